import HotGridCore

/// Why a ledger action is refused, said so the user can act.
public enum LedgerError: ExplainedError, Equatable {
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
    case missingField(action: ProblemAction, field: InputField)
    case invalid(field: InputField, reason: String)
    case badRow(path: String, line: Int, reason: String)
    /// A file given by path that could not be read or imported as a whole.
    case badFile(path: String, reason: String)

    /// The field the error is about, when it is about one.
    public var field: InputField? {
        switch self {
        case .commentRequired: .comment
        case .evidenceRequired: .evidence
        case let .missingField(_, field), let .invalid(field, _): field
        default: nil
        }
    }

    public func message(for audience: Audience) -> String {
        let commandLine = audience == .commandLine
        switch self {
        case let .unknownPerson(id):
            return "no person #\(id)." + (commandLine ? " List staff with `hotgrid staff list`." : "")
        case let .forbidden(person, role, action, reason):
            return "person #\(person) (\(role.rawValue)) may not \(action): \(reason)."
        case let .unknownCell(id):
            return "no cell \(id) in this region (cell ids look like 3K-R01234-C05678\(commandLine ? "; see `hotgrid cells`" : ""))."
        case let .notFound(what, id):
            return "no \(what) \(id)."
        case let .transitionNotAllowed(problem, status, action):
            return "problem #\(problem) is \(status.rawValue); \(action.rawValue) does not apply. Possible now: "
                + (ProblemAction.available(from: status).map(\.rawValue).joined(separator: ", ").nonEmpty ?? "nothing")
        case let .closed(problem, status):
            return "problem #\(problem) is closed (\(status.rawValue)) and frozen; record a new problem if the issue is back."
        case let .changedSinceRead(problem, status):
            return "problem #\(problem) was moved by someone else since you read it (it is now \(status.rawValue)); read its history again and decide anew."
        case .commentRequired:
            return "every change needs a comment (\(InputField.comment.name(for: audience)))."
        case let .evidenceRequired(action):
            return "\(action.rawValue) needs evidence: attach at least one file (\(InputField.evidence.name(for: audience)))."
        case let .missingField(action, field):
            return "\(action.rawValue) needs \(field.name(for: audience))."
        case let .invalid(field, reason):
            return "\(field.name(for: audience)): \(reason)."
        case let .badRow(path, line, reason):
            return "\(path):\(line): \(reason.hasSuffix(".") ? String(reason.dropLast()) : reason). Nothing was imported."
        case let .badFile(path, reason):
            return "\(path): \(reason)."
        }
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
