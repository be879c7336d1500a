import Foundation
import GRDB

/// One entry of the audit log as people read it: who did what to which row, and when.
public struct AuditEntry: Sendable, Equatable {
    public let seq: Int
    /// ISO 8601 UTC with milliseconds.
    public let at: String
    /// The person who acted; nil for the operator at the command line.
    public let actor: Int?
    public let action: String
    public let entity: String
    public let entityID: String
    public let redacted: Bool
}

extension SQLiteStore {
    /// The last `limit` entries, oldest first; with `person`, only those by that person or about
    /// them (their person row and their credential: sign-ins, passwords, redaction).
    public func auditEntries(person: Int? = nil, limit: Int) throws -> [AuditEntry] {
        try pool.read { db in
            let filter = person == nil ? "" : "WHERE actor = :person OR (entity IN ('person', 'credential') AND entity_id = CAST(:person AS TEXT))"
            return try Row.fetchAll(db, sql: """
                SELECT * FROM (SELECT seq, at, actor, action, entity, entity_id, redacted FROM audit_entry \(filter)
                               ORDER BY seq DESC LIMIT :limit) ORDER BY seq
                """, arguments: ["person": person, "limit": limit])
                .map { AuditEntry(seq: $0["seq"], at: $0["at"], actor: $0["actor"], action: $0["action"], entity: $0["entity"],
                                  entityID: $0["entity_id"], redacted: ($0["redacted"] as Int) == 1) }
        }
    }
}
