import HotGridCore

/// Why a ledger action is refused, said so the user can act.
public enum LedgerError: Error, Equatable, CustomStringConvertible {
    case unknownPerson(Int)
    case forbidden(person: Int, role: Role, action: String, reason: String)
    case unknownCell(String)
    case notFound(what: String, id: String)
    case transitionNotAllowed(problem: Int, status: ProblemStatus, action: ProblemAction)
    case closed(problem: Int, status: ProblemStatus)
    /// Someone moved the problem after the person read it: their decision was taken on a state that is gone.
    case changedSinceRead(problem: Int, status: ProblemStatus)
    case commentRequired
    case evidenceRequired(ProblemAction)
    case missingField(action: ProblemAction, field: String)
    case invalid(field: String, reason: String)
    case badRow(path: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case let .unknownPerson(id):
            "no person #\(id). List staff with `hotgrid staff list`."
        case let .forbidden(person, role, action, reason):
            "person #\(person) (\(role.rawValue)) may not \(action): \(reason)."
        case let .unknownCell(id):
            "no cell \(id) in this region (cell ids look like 3K-R01234-C05678; see `hotgrid cells`)."
        case let .notFound(what, id):
            "no \(what) \(id)."
        case let .transitionNotAllowed(problem, status, action):
            "problem #\(problem) is \(status.rawValue); \(action.rawValue) does not apply. Possible now: "
                + (ProblemAction.available(from: status).map(\.rawValue).joined(separator: ", ").nonEmpty ?? "nothing")
        case let .closed(problem, status):
            "problem #\(problem) is closed (\(status.rawValue)) and frozen; record a new problem if the issue is back."
        case let .changedSinceRead(problem, status):
            "problem #\(problem) was moved by someone else since you read it (it is now \(status.rawValue)); read its history again and decide anew."
        case .commentRequired:
            "every change needs a comment (--comment)."
        case let .evidenceRequired(action):
            "\(action.rawValue) needs evidence: attach at least one file (--evidence FILE)."
        case let .missingField(action, field):
            "\(action.rawValue) needs \(field)."
        case let .invalid(field, reason):
            "\(field): \(reason)."
        case let .badRow(path, line, reason):
            "\(path):\(line): \(reason.hasSuffix(".") ? String(reason.dropLast()) : reason). Nothing was imported."
        }
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
