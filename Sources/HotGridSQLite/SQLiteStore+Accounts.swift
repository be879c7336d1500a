import Foundation
import GRDB
import HotGridStore
import HotGridCore

/// Logins, password hashes and access tokens (kept as SHA-256 only).
extension SQLiteStore {
    /// Sets (or replaces) the login and password hash of a person, by `actor` (nil: the operator at
    /// the command line), and audits it; a replaced password also ends every session and token of
    /// the person, in the same transaction.
    public func setCredential(person: Int, login: String, passwordHash: String, actor: Int?) throws {
        try pool.write { db in
            let before = try AuditLog.snapshot(db, .credential, id: "\(person)")
            try db.execute(sql: """
                INSERT INTO credential (person_id, login, password_hash, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT(person_id) DO UPDATE SET login = excluded.login, password_hash = excluded.password_hash, updated_at = excluded.updated_at
                """, arguments: [person, login, passwordHash, AuditLog.time.format(Date())])
            try AuditLog.record(db, actor: actor, action: before == nil ? "add_credential" : "set_password", entity: .credential, id: "\(person)",
                                before: before)
            if before != nil { try Self.endSessions(db, person: person, actor: actor) }
        }
    }

    /// Deletes every session and token of `person`, recorded as `end_sessions` when there were any.
    private static func endSessions(_ db: Database, person: Int, actor: Int?) throws {
        try db.execute(sql: "DELETE FROM access_token WHERE person_id = ?", arguments: [person])
        guard db.changesCount > 0 else { return }
        try AuditLog.event(db, actor: actor, action: "end_sessions", entity: .credential, id: "\(person)")
    }

    /// The person and password hash behind `login`; nil when unknown.
    public func credential(login: String) throws -> (person: Int, passwordHash: String)? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT person_id, password_hash FROM credential WHERE login = ?", arguments: [login])
                .map { ($0["person_id"], $0["password_hash"]) }
        }
    }

    /// Every login, by person.
    public func logins() throws -> [Int: String] {
        try pool.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT person_id, login FROM credential").map { ($0["person_id"], $0["login"]) })
        }
    }

    public func hasCredentials() throws -> Bool {
        try pool.read { try Bool.fetchOne($0, sql: "SELECT 1 FROM credential LIMIT 1") ?? false }
    }

    /// Stores a token (by its SHA-256) for `person` until `expires`; the sign-in is audited
    /// (`sign_in_session` or `sign_in_token`, by the person), so acting as someone leaves a trace.
    public func saveToken(sha256: String, person: Int, kind: TokenKind, csrf: String?, expires: Date) throws {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM access_token WHERE expires_at < ?", arguments: [AuditLog.time.format(Date())])
            try db.execute(sql: "INSERT INTO access_token (token_sha256, person_id, kind, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [sha256, person, kind.rawValue, csrf, AuditLog.time.format(Date()), AuditLog.time.format(expires)])
            try AuditLog.event(db, actor: person, action: "sign_in_\(kind == .session ? "session" : "token")", entity: .credential, id: "\(person)")
        }
    }

    /// The person and CSRF token of a live token of `kind`; nil when unknown or expired.
    public func token(sha256: String, kind: TokenKind) throws -> (person: Int, csrf: String?)? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT person_id, csrf FROM access_token WHERE token_sha256 = ? AND kind = ? AND expires_at > ?",
                             arguments: [sha256, kind.rawValue, AuditLog.time.format(Date())]).map { ($0["person_id"], $0["csrf"]) }
        }
    }

    /// Ends one session or token (signing out), audited as `sign_out` by its person.
    public func deleteToken(sha256: String) throws {
        try pool.write { db in
            guard let person = try Int.fetchOne(db, sql: "SELECT person_id FROM access_token WHERE token_sha256 = ?", arguments: [sha256]) else { return }
            try db.execute(sql: "DELETE FROM access_token WHERE token_sha256 = ?", arguments: [sha256])
            try AuditLog.event(db, actor: person, action: "sign_out", entity: .credential, id: "\(person)")
        }
    }
}
