import GRDB

extension Migration {
    /// Logins and password hashes join the audit log (their hash only): each existing one gets its first entry, by nobody, so later changes chain from it.
    static let v9AuditedCredentials = Migration(
        id: "v9-audited-credentials",
        sql: "",
        afterwards: { db in
            for person in try String.fetchAll(db, sql: "SELECT CAST(person_id AS TEXT) FROM credential ORDER BY person_id") {
                try AuditLog.record(db, actor: nil, action: "adopt_credential", entity: .credential, id: person, before: nil)
            }
        }
    )
}
