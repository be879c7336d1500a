import Foundation
import HotGridCore
import HotGridStore

/// A problem as found in the field, before it is recorded.
public struct ProblemReport: Sendable {
    public var cell: CellID?
    public var source: Int?
    public var category: ProblemCategory
    public var description: String
    /// Where it was found; the source's position when a source is named.
    public var position: LonLat?
    /// When it was found; nil: today, by the recording ledger's clock.
    public var foundOn: Day?
    public var warningMonth: Month?

    public init(cell: CellID? = nil, source: Int? = nil, category: ProblemCategory, description: String, position: LonLat? = nil,
                foundOn: Day? = nil, warningMonth: Month? = nil) {
        self.cell = cell
        self.source = source
        self.category = category
        self.description = description
        self.position = position
        self.foundOn = foundOn
        self.warningMonth = warningMonth
    }
}

extension Ledger {
    /// How close and how recent a problem of the same category must be to be pointed out as a possible duplicate.
    public static let duplicateRadiusMetres = 100.0
    public static let duplicateWindowDays = 90

    /// Records a problem (status reported) with its evidence; returns it with the possible
    /// duplicates it may repeat.
    public func recordProblem(_ report: ProblemReport, evidence: [EvidenceFile] = []) throws -> (problem: Problem, possibleDuplicates: [Problem]) {
        let stored = try storeEvidence(evidence)
        return try batch { try $0.recordProblem(report, evidence: stored) }
    }

    /// Moves problem `id` by `action`, with a comment (always), a department and deadline (assign,
    /// reassign), a new deadline (extend), the problem it repeats (mark_duplicate) and evidence
    /// files (required to verify). `seenEvents`, the number of events the person read before
    /// deciding (a page or an API client that read the problem), refuses the move when someone
    /// else moved it since, rather than applying a decision taken on a state that is gone.
    public func act(problem id: Int, _ action: ProblemAction, comment: String, department: String? = nil, deadline: Day? = nil,
                    duplicateOf: Int? = nil, evidence: [EvidenceFile] = [], seenEvents: Int? = nil) throws -> Problem {
        let stored = try storeEvidence(evidence)
        return try batch {
            try $0.act(problem: id, action, comment: comment, department: department, deadline: deadline, duplicateOf: duplicateOf,
                       evidence: stored, seenEvents: seenEvents)
        }
    }

    /// Stores evidence files ahead of the transaction that records them (``batch(_:)`` users
    /// store theirs with this first).
    public func storeEvidence(_ files: [EvidenceFile]) throws -> [Attachment] { try files.map(self.files.store) }

    /// Runs several problem records and moves in one transaction, all or none: a day of field work
    /// synchronised at once, or a ledger imported from another system.
    public func batch<T>(_ body: (LedgerBatch) throws -> T) throws -> T {
        try store.ledger(actor: actor.id) { w in try body(LedgerBatch(ledger: self, writer: w)) }
    }

    /// Great-circle distance in metres.
    static func metres(_ a: LonLat, _ b: LonLat) -> Double {
        let r = 6_371_008.8, rad = Double.pi / 180
        let dLat = (b.latitude - a.latitude) * rad, dLon = (b.longitude - a.longitude) * rad
        let h = sin(dLat / 2) * sin(dLat / 2) + cos(a.latitude * rad) * cos(b.latitude * rad) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * r * asin(min(1, sqrt(h)))
    }
}

/// Problem records and moves inside one transaction of ``Ledger/batch(_:)``; every check of the
/// single-step calls applies, against the data as it stands inside the transaction.
public struct LedgerBatch {
    let ledger: Ledger
    let writer: any LedgerTransaction

    /// See ``Ledger/recordProblem(_:evidence:)``; `evidence` as stored by ``Ledger/storeEvidence(_:)``.
    public func recordProblem(_ report: ProblemReport, evidence: [Attachment] = []) throws -> (problem: Problem, possibleDuplicates: [Problem]) {
        var position = report.position, cell = report.cell
        if let sourceID = report.source {
            // A source outside the actor's area is answered as if it did not exist, so its cell stays unnamed.
            guard let source = try writer.source(id: sourceID), ledger.covers(source.cell) else {
                throw LedgerError.notFound(what: "source", id: "#\(sourceID)")
            }
            if let cell, cell != source.cell {
                throw LedgerError.invalid(field: .cell, reason: "source #\(sourceID) lies in \(source.cell), not \(cell)")
            }
            position = position ?? source.position
            cell = source.cell
        }
        guard let position else { throw LedgerError.invalid(field: .position, reason: "say where the problem is, or name its source") }
        let located = try ledger.cell(at: position, field: .position)
        if let cell, cell != located {
            throw LedgerError.invalid(field: .position, reason: "the position lies in \(located), not in \(cell)")
        }
        try ledger.policy.check(.recordProblem, at: ledger.place(located))
        let description = try FreeText.checked(report.description, field: .description, limit: FreeText.long, required: "say what the problem is")
        let foundOn = report.foundOn ?? ledger.today
        guard foundOn <= ledger.today else { throw LedgerError.invalid(field: .foundOn, reason: "\(foundOn) is in the future") }
        guard foundOn >= FreeText.earliestFinding else {
            throw LedgerError.invalid(field: .foundOn, reason: "\(foundOn) is before \(FreeText.earliestFinding), when PM2.5 monitoring began")
        }
        // Same category within 100 m, found in the 90 days up to this one, not themselves duplicates.
        let duplicates = try writer.problems(category: report.category, since: foundOn.advanced(by: -Ledger.duplicateWindowDays),
                                             near: position, degrees: 0.002)
            .filter { $0.status != .duplicate && $0.foundOn <= foundOn && Ledger.metres($0.position, position) <= Ledger.duplicateRadiusMetres }
        for a in evidence { try writer.addAttachment(a) }
        let problem = try writer.addProblem(Problem(id: 0, cell: located, sourceID: report.source, category: report.category, description: description,
                                                    position: position, foundBy: ledger.actor.id, foundOn: foundOn,
                                                    warningMonth: report.warningMonth),
                                            comment: "recorded: " + description, evidence: evidence.map(\.sha256))
        return (problem, duplicates)
    }

    /// See ``Ledger/act(problem:_:comment:department:deadline:duplicateOf:evidence:seenEvents:)``; `evidence` as
    /// stored by ``Ledger/storeEvidence(_:)``.
    public func act(problem id: Int, _ action: ProblemAction, comment: String, department: String? = nil, deadline: Day? = nil,
                    duplicateOf: Int? = nil, evidence: [Attachment] = [], seenEvents: Int? = nil) throws -> Problem {
        guard !comment.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw LedgerError.commentRequired }
        let comment = try FreeText.checked(comment, field: .comment, limit: FreeText.long)
        guard var problem = try writer.problem(id: id) else { throw LedgerError.notFound(what: "problem", id: "#\(id)") }
        let status = problem.status
        try ledger.policy.check(.act(action), at: ledger.place(problem.cell), problem: problem)
        if let seenEvents, try writer.eventCount(problem: id) != seenEvents { throw LedgerError.changedSinceRead(problem: id, status: status) }
        guard !status.isClosed else { throw LedgerError.closed(problem: id, status: status) }
        guard let next = action.next(from: status) else { throw LedgerError.transitionNotAllowed(problem: id, status: status, action: action) }
        if action == .verify, evidence.isEmpty { throw LedgerError.evidenceRequired(action) }
        switch action {
        case .assign, .reassign:
            guard let department else { throw LedgerError.missingField(action: action, field: .department) }
            let known = try writer.departmentCodes()
            guard known.contains(department) else {
                throw LedgerError.invalid(field: .department, reason: "no department \(department); known: \(known.joined(separator: ", "))")
            }
            let due = deadline ?? problem.deadline ?? problem.foundOn.advanced(by: problem.category.defaultDeadlineDays)
            guard due >= problem.foundOn else {
                throw LedgerError.invalid(field: .deadline, reason: "\(due) is before the problem was found (\(problem.foundOn))")
            }
            // The category's rule is the longest a deadline may be (from the finding, or from today
            // when that time has passed); more time is an extension, not an assignment.
            let latest = max(problem.foundOn.advanced(by: problem.category.defaultDeadlineDays), ledger.today)
            guard due <= latest else {
                throw LedgerError.invalid(field: .deadline, reason: "\(due) is later than \(problem.category.chineseName)'s rule allows "
                    + "(\(problem.category.defaultDeadlineDays) days from \(problem.foundOn): \(latest))")
            }
            problem.department = department
            problem.deadline = due
        case .extend:
            // One period of the category's rule at a time, from the deadline it replaces.
            guard let due = deadline else { throw LedgerError.missingField(action: action, field: .deadline) }
            let current = problem.deadline ?? problem.foundOn.advanced(by: problem.category.defaultDeadlineDays)
            let latest = current.advanced(by: problem.category.defaultDeadlineDays)
            guard due > current, due <= latest else {
                throw LedgerError.invalid(field: .deadline, reason: "an extension moves the deadline \(current) later, by at most "
                    + "\(problem.category.defaultDeadlineDays) days (\(problem.category.chineseName)): up to \(latest)")
            }
            problem.deadline = due
        case .markDuplicate:
            guard let original = duplicateOf else { throw LedgerError.missingField(action: action, field: .duplicateOf) }
            // An original outside the actor's area is answered as if it did not exist.
            guard original != id, let other = try writer.problem(id: original), other.status != .duplicate, ledger.covers(other.cell) else {
                throw LedgerError.invalid(field: .duplicateOf, reason: "#\(original) is not another recorded problem that is not itself a duplicate")
            }
            problem.duplicateOf = original
        default: break
        }
        problem.status = next
        for a in evidence { try writer.addAttachment(a) }
        try writer.apply(action, from: status, to: problem, comment: comment, evidence: evidence.map(\.sha256))
        return problem
    }
}

extension Ledger {
    /// Problems in this person's area, of one cell or all.
    public func problems(cell: CellID? = nil) throws -> [Problem] {
        try store.problems(cell: cell).filter { covers($0.cell) }
    }

    /// Problem `id` when it lies in this person's area; nil otherwise, as if it did not exist.
    public func problem(id: Int) throws -> Problem? {
        try store.problem(id: id).flatMap { covers($0.cell) ? $0 : nil }
    }
}
