import Foundation
import GRDB
import HotGridStore
import HotGridCore

/// Writes to the ledger inside one SQLite transaction, each change with its audit entry. Get one
/// from ``SQLiteStore/ledger(actor:_:)``; throwing rolls the whole transaction back.
struct SQLiteLedgerTransaction: LedgerTransaction {
    let db: Database
    /// The person making the changes; nil for HotGrid itself (bootstrap, migrations).
    public let actor: Int?
    let head = ChainHead()

    /// Problem `id` as it stands inside this transaction.
    public func problem(id: Int) throws -> Problem? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM problem WHERE id = ?"), arguments: [id]).flatMap(SQLiteStore.problem)
    }

    /// How many events a problem has had: read with a page, it says whether anyone moved it since.
    public func eventCount(problem id: Int) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM problem_event WHERE problem_id = ?"), arguments: [id]) ?? 0
    }

    /// Problems of `category` found on or after `since` within a lon/lat box (for duplicate checks).
    public func problems(category: ProblemCategory, since: Day, near position: LonLat, degrees: Double) throws -> [Problem] {
        let sql = "SELECT * FROM problem WHERE category = ? AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ? AND found_on >= ? ORDER BY id"
        return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: [
            category.rawValue, position.latitude - degrees, position.latitude + degrees,
            position.longitude - degrees, position.longitude + degrees, since.description,
        ]).compactMap(SQLiteStore.problem)
    }

    /// Source `id` as it stands inside this transaction.
    public func source(id: Int) throws -> PollutionSource? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM source WHERE id = ?"), arguments: [id]).flatMap(SQLiteStore.source)
    }

    /// The codes of the departments problems can go to.
    public func departmentCodes() throws -> [String] {
        try String.fetchAll(db.cachedStatement(sql: "SELECT code FROM department ORDER BY code"))
    }

    /// Runs `change` on `entity` `id` and records it in the audit log.
    private func audited(_ action: String, _ entity: AuditEntity, _ id: String, _ change: () throws -> Void) throws {
        let before = try AuditLog.snapshot(db, entity, id: id)
        try change()
        try AuditLog.record(db, actor: actor, action: action, entity: entity, id: id, before: before, head: head)
    }

    public func addDepartment(_ d: Department) throws {
        try audited("add_department", .department, d.code) {
            try db.cachedStatement(sql: "INSERT INTO department (code, name) VALUES (?, ?)").execute(arguments: [d.code, d.name])
        }
    }

    /// Adds a person; the id in `person` is ignored and the stored one returned.
    public func addPerson(_ p: Person) throws -> Person {
        try db.cachedStatement(sql: "INSERT INTO person (name, role, scope, department, phone) VALUES (?, ?, ?, ?, ?)").execute(
                       arguments: [p.name, p.role.rawValue, p.scope.description, p.department, p.phone])
        let id = Int(db.lastInsertedRowID)
        try AuditLog.record(db, actor: actor, action: "add_person", entity: .person, id: "\(id)", before: nil, head: head)
        return Person(id: id, name: p.name, role: p.role, scope: p.scope, department: p.department, phone: p.phone)
    }

    /// Makes `person` the cell's grid leader or grid supervisor (replacing the one before).
    public func assign(cell: CellID, duty: Role, person: Int) throws {
        try audited("assign_staff", .cellStaff, "\(cell)/\(duty.rawValue)") {
            try db.cachedStatement(sql: "INSERT OR REPLACE INTO cell_staff (cell_id, duty, person_id) VALUES (?, ?, ?)").execute(
                           arguments: [cell.description, duty.rawValue, person])
        }
    }

    /// Adds a source; its id is assigned.
    public func addSource(_ s: PollutionSource) throws -> PollutionSource {
        try db.cachedStatement(sql: "INSERT INTO source (cell_id, kind, lon, lat, name, census_id, operator, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)").execute(
                       arguments: [s.cell.description, s.kind.rawValue, s.position.longitude, s.position.latitude, s.name,
                                   s.censusID, s.operatorName, s.notes])
        let id = Int(db.lastInsertedRowID)
        try AuditLog.record(db, actor: actor, action: "add_source", entity: .source, id: "\(id)", before: nil, head: head)
        return PollutionSource(id: id, cell: s.cell, kind: s.kind, position: s.position, name: s.name, censusID: s.censusID,
                               operatorName: s.operatorName, notes: s.notes)
    }

    /// Registers a stored file (once; a file already known is left as it is).
    public func addAttachment(_ a: Attachment) throws {
        guard try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM attachment WHERE sha256 = ?"), arguments: [a.sha256]) == nil else { return }
        try audited("add_attachment", .attachment, a.sha256) {
            try db.cachedStatement(sql: "INSERT INTO attachment (sha256, file_name, byte_count) VALUES (?, ?, ?)").execute(
                           arguments: [a.sha256, a.fileName, a.byteCount])
        }
    }

    public func addPatrol(_ p: Patrol) throws -> Patrol {
        try db.cachedStatement(sql: "INSERT INTO patrol (cell_id, person_id, day, findings, attachments) VALUES (?, ?, ?, ?, ?)").execute(
                       arguments: [p.cell.description, p.person, p.day.description, p.findings, Self.json(p.attachments)])
        let id = Int(db.lastInsertedRowID)
        try AuditLog.record(db, actor: actor, action: "add_patrol", entity: .patrol, id: "\(id)", before: nil, head: head)
        return Patrol(id: id, cell: p.cell, person: p.person, day: p.day, findings: p.findings, attachments: p.attachments)
    }

    public func addInspection(_ i: Inspection) throws -> Inspection {
        try db.cachedStatement(sql: "INSERT INTO inspection (cell_id, month, source_id, inspector, day, note) VALUES (?, ?, ?, ?, ?, ?)").execute(
                       arguments: [i.cell.description, i.month.description, i.sourceID, i.inspector, i.day.description, i.note])
        let id = Int(db.lastInsertedRowID)
        try AuditLog.record(db, actor: actor, action: "add_inspection", entity: .inspection, id: "\(id)", before: nil, head: head)
        return Inspection(id: id, cell: i.cell, month: i.month, sourceID: i.sourceID, inspector: i.inspector, day: i.day, note: i.note)
    }

    /// Records a new problem (status reported) with its first event.
    public func addProblem(_ p: Problem, comment: String, evidence: [String]) throws -> Problem {
        try db.cachedStatement(sql: """
            INSERT INTO problem (cell_id, source_id, category, description, lon, lat, found_by, found_on, warning_month, status)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'reported')
            """).execute(arguments: [p.cell.description, p.sourceID, p.category.rawValue, p.description, p.position.longitude,
                             p.position.latitude, p.foundBy, p.foundOn.description, p.warningMonth?.description])
        let id = Int(db.lastInsertedRowID)
        try AuditLog.record(db, actor: actor, action: "record_problem", entity: .problem, id: "\(id)", before: nil, head: head)
        try addEvent(problem: id, action: nil, from: nil, to: .reported, comment: comment, evidence: evidence)
        return Problem(id: id, cell: p.cell, sourceID: p.sourceID, category: p.category, description: p.description, position: p.position,
                       foundBy: p.foundBy, foundOn: p.foundOn, warningMonth: p.warningMonth)
    }

    /// Stores `problem` as changed by `action` (status, department, deadline, duplicate link) with its event.
    public func apply(_ action: ProblemAction, from status: ProblemStatus, to problem: Problem, comment: String, evidence: [String]) throws {
        try audited(action.rawValue, .problem, "\(problem.id)") {
            try db.cachedStatement(sql: "UPDATE problem SET status = ?, department = ?, deadline = ?, duplicate_of = ? WHERE id = ? AND status = ?").execute(
                           arguments: [problem.status.rawValue, problem.department, problem.deadline?.description, problem.duplicateOf,
                                       problem.id, status.rawValue])
            // Someone else moved it since it was read.
            guard db.changesCount == 1 else { throw StoreError.conflict("problem #\(problem.id) is no longer \(status.rawValue); reload it and try again") }
        }
        try addEvent(problem: problem.id, action: action, from: status, to: problem.status, comment: comment, evidence: evidence)
    }

    private func addEvent(problem: Int, action: ProblemAction?, from: ProblemStatus?, to: ProblemStatus, comment: String, evidence: [String]) throws {
        try db.cachedStatement(sql: """
            INSERT INTO problem_event (problem_id, action, from_status, to_status, actor, at, comment, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [problem, action?.rawValue, from?.rawValue, to.rawValue, actor ?? 0, AuditLog.time.format(Date()), comment,
                             Self.json(evidence)])
        try AuditLog.record(db, actor: actor, action: "add_event", entity: .problemEvent, id: "\(db.lastInsertedRowID)", before: nil, head: head)
    }

    /// Removes a person's personal data for good: their name and phone, and every audit payload
    /// about them (whose hashes stay, so the chain verifies); a tombstone entry records the redaction.
    public func redactPerson(_ id: Int) throws {
        try db.execute(sql: "PRAGMA secure_delete = ON")
        try db.cachedStatement(sql: "UPDATE person SET name = '[redacted]', phone = NULL, redacted = 1 WHERE id = ?").execute(arguments: [id])
        try db.cachedStatement(sql: "UPDATE audit_entry SET payload = NULL, redacted = 1 WHERE entity IN ('person', 'credential') AND entity_id = ?")
            .execute(arguments: ["\(id)"])
        // The tombstone: chained like any entry, with no trace of what was removed; `audit verify`
        // accepts a blanked entry only when a tombstone for its person follows it.
        try AuditLog.record(db, actor: actor, action: Self.redactionAction, entity: .person, id: "\(id)", before: nil, head: head)
    }

    /// The action of a redaction's tombstone.
    static let redactionAction = "redact_person"

    static func json(_ values: [String]) -> String {
        "[" + values.map { "\"\($0)\"" }.joined(separator: ",") + "]"
    }
}

extension SQLiteStore {
    /// Runs `body` in one write transaction on the ledger as `actor`.
    public func ledger<T>(actor: Int?, _ body: (any LedgerTransaction) throws -> T) throws -> T {
        try pool.write { db in try body(SQLiteLedgerTransaction(db: db, actor: actor)) }
    }
}

extension SQLiteStore {
    /// Moves everything from the write-ahead log into the database file and empties the log, so
    /// that removed data does not linger in it (secure_delete has already zeroed its pages).
    public func purgeRemovedData() throws {
        try pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    }
}
