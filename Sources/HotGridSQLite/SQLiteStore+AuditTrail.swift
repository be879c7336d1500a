import Foundation
import GRDB
import HotGridStore

extension SQLiteStore {
    /// The last `limit` entries, oldest first; with `person`, only those by that person or about
    /// them (their person row and their credential: sign-ins, passwords, redaction).
    public func auditEntries(person: Int?, limit: Int) throws -> [AuditEntry] {
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
