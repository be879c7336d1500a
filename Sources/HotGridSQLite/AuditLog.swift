import Crypto
import Foundation
import GRDB
import HotGridStore

/// What an audit entry is about: a ledger table and how its rows are keyed.
public enum AuditEntity: String, Sendable, CaseIterable {
    case department, person, cellStaff = "cell_staff", source, attachment, patrol, inspection, problem
    case problemEvent = "problem_event"
    case dataReport = "data_report"
    /// A person's login and password hash, keyed by person; signing in and out is recorded against it.
    case credential

    var table: String { rawValue }

    /// The SQL expression that gives a row's entity id as text.
    var key: String {
        switch self {
        case .department: "code"
        case .cellStaff: "cell_id || '/' || duty"
        case .attachment: "sha256"
        case .credential: "CAST(person_id AS TEXT)"
        default: "CAST(id AS TEXT)"
        }
    }

    /// The column (or expression) to find a row by its entity id; `id` and `person_id` take the
    /// text id through SQLite's numeric affinity and stay index lookups.
    var lookup: String {
        switch key {
        case "CAST(id AS TEXT)": "id"
        case "CAST(person_id AS TEXT)": "person_id"
        default: key
        }
    }

    /// Columns kept out of the log, which records only their SHA-256 (as `<column>_sha256`): a
    /// password hash must not be copied where auditors read, yet a changed one must show.
    var fingerprinted: Set<String> { self == .credential ? ["password_hash"] : [] }
}

/// The append-only, hash-chained audit log.
///
/// Every change to a ledger row appends an entry (who, when, what, the row before and after) in
/// the same transaction as the change. An entry's hash covers the previous entry's hash, its own
/// fields and the SHA-256 of its payload and of the row after the change, so editing, deleting or
/// reordering any entry breaks the chain from there on; and the latest entry of every row must
/// match the row as it is, so a row changed behind HotGrid's back is caught too. Redaction removes
/// a payload but keeps its hash, so the chain still verifies.
///
/// Rows are written in one of two encodings, recorded with each entry. Entries made before
/// migration v13 hold the row as `SELECT *` gave it (`rows`); later ones hold the declared
/// columns of ``AuditRecord`` read by their logical kind (`declared`), which any backend
/// reproduces. Old chains keep verifying in the encoding they were written in.
enum AuditLog {
    /// How an entry holds its rows.
    enum Encoding: Int {
        /// Every column as SQLite stores it (entries before v13).
        case rows = 1
        /// ``AuditRecord``'s declared columns by kind: the same on every backend.
        case declared = 2
    }

    /// The encoding new entries get: `declared` once the log records encodings (v13), `rows`
    /// while migrations before it run.
    static func encoding(_ db: Database) throws -> Encoding {
        try db.columns(in: "audit_entry").contains { $0.name == "encoding" } ? .declared : .rows
    }

    static let genesis = String(repeating: "0", count: 64)
    /// Audit times: ISO 8601 UTC with milliseconds.
    static let time = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    static func sha256(_ text: String) -> String { ContentHash.sha256(Data(text.utf8)) }

    /// The row of `entity` with id `id` as canonical JSON in the encoding new entries get; nil
    /// when there is none.
    static func snapshot(_ db: Database, _ entity: AuditEntity, id: String) throws -> String? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM \(entity.table) WHERE \(entity.lookup) = ?"), arguments: [id]) else {
            return nil
        }
        return canonical(row, entity, try encoding(db))
    }

    /// `row` of `entity` as canonical JSON in `encoding`.
    static func canonical(_ row: Row, _ entity: AuditEntity, _ encoding: Encoding) -> String {
        switch encoding {
        case .rows: canonical(row, excluding: "audit_key", fingerprinting: entity.fingerprinted)
        case .declared: declared(row, entity)
        }
    }

    /// `row` as ``AuditRecord`` writes it: SQLite's 0/1 flags as booleans, its JSON lists parsed
    /// (a list that no longer parses is kept as its text, so it still hashes differently).
    static func declared(_ row: Row, _ entity: AuditEntity) -> String {
        AuditRecord.canonical(table: entity.table) { name, kind in value(row[name] ?? .null, kind) }
    }

    /// A stored value read as `kind`.
    private static func value(_ stored: DatabaseValue, _ kind: AuditRecord.Kind) -> AuditRecord.Value {
        if stored.isNull { return .null }
        switch kind {
        case .text, .fingerprint: return String.fromDatabaseValue(stored).map(AuditRecord.Value.text) ?? .null
        case .integer: return Int64.fromDatabaseValue(stored).map(AuditRecord.Value.integer) ?? .null
        case .real: return Double.fromDatabaseValue(stored).map(AuditRecord.Value.real) ?? .null
        case .flag: return Int64.fromDatabaseValue(stored).map { .flag($0 != 0) } ?? .null
        case .strings:
            let text = String.fromDatabaseValue(stored) ?? ""
            if text == "[]" { return .strings([]) }
            return (try? JSONDecoder().decode([String].self, from: Data(text.utf8))).map(AuditRecord.Value.strings) ?? .text(text)
        }
    }

    /// `row` as JSON with sorted keys, leaving out the column `excluding` and giving the columns
    /// `fingerprinting` as their SHA-256: the same row always gives the same text (integers as
    /// integers, reals in Swift's shortest round-trip form, blobs in base64).
    static func canonical(_ row: Row, excluding: String? = nil, fingerprinting: Set<String> = []) -> String {
        var fields: [(String, String)] = []
        for (column, value) in row where column != excluding {
            if fingerprinting.contains(column) {
                fields.append((column + "_sha256", String.fromDatabaseValue(value).map { AuditRecord.quoted(sha256($0)) } ?? "null"))
                continue
            }
            let text: String
            switch value.storage {
            case .null: text = "null"
            case let .int64(i): text = String(i)
            case let .double(d): text = d.isFinite ? "\(d)" : "null"
            case let .string(s): text = AuditRecord.quoted(s)
            case let .blob(b): text = AuditRecord.quoted(b.base64EncodedString())
            }
            fields.append((column, text))
        }
        return "{" + fields.sorted { $0.0 < $1.0 }.map { AuditRecord.quoted($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    /// Appends an entry for a change of `entity` `id` whose row was `before` (a snapshot taken
    /// before the change; nil for a new row). The row after is read now. `head` carries the
    /// chain's last entry from one entry to the next within a transaction.
    static func record(_ db: Database, actor: Int?, action: String, entity: AuditEntity, id: String, before: String?,
                       head: ChainHead = ChainHead()) throws {
        let after = try snapshot(db, entity, id: id)
        if head.hash == nil {
            let last = try Row.fetchOne(db.cachedStatement(sql: "SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1"))
            head.seq = last?["seq"] ?? 0
            head.hash = last?["hash"] ?? genesis
            head.encoding = try encoding(db)
        }
        let encoding = head.encoding
        let payload = "{\"after\":\(after ?? "null"),\"before\":\(before ?? "null")" + (encoding == .rows ? "}" : ",\"encoding\":\(encoding.rawValue)}")
        let seq = head.seq + 1, previous = head.hash!
        let at = Self.time.format(Date())
        let entry = AuditEntryFields(seq: seq, at: at, actor: actor, action: action, entity: entity.rawValue, entityID: id,
                                     payloadSHA256: sha256(payload), afterSHA256: after.map(sha256), previousHash: previous, encoding: encoding)
        let hash = entry.hash
        var arguments: StatementArguments = [seq, at, actor, action, entity.rawValue, id, payload, entry.payloadSHA256, entry.afterSHA256, previous, hash]
        if encoding == .rows {
            try db.cachedStatement(sql: """
                INSERT INTO audit_entry (seq, at, actor, action, entity, entity_id, payload, payload_sha256, after_sha256, previous_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: arguments)
        } else {
            arguments += [encoding.rawValue]
            try db.cachedStatement(sql: """
                INSERT INTO audit_entry (seq, at, actor, action, entity, entity_id, payload, payload_sha256, after_sha256, previous_hash, hash, encoding)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: arguments)
        }
        head.seq = seq
        head.hash = hash
    }

    /// Appends an entry for something done to `entity` `id` that leaves its row as it was (signing
    /// in or out): before and after are the same.
    static func event(_ db: Database, actor: Int?, action: String, entity: AuditEntity, id: String) throws {
        try record(db, actor: actor, action: action, entity: entity, id: id, before: try snapshot(db, entity, id: id))
    }
}

/// The audit chain's last entry, as known inside one write transaction.
final class ChainHead {
    var seq = 0
    var hash: String?
    var encoding = AuditLog.Encoding.declared
}

/// The fields an audit entry's hash covers.
struct AuditEntryFields {
    let seq: Int
    let at: String
    let actor: Int?
    let action: String
    let entity: String
    let entityID: String
    let payloadSHA256: String
    let afterSHA256: String?
    let previousHash: String
    let encoding: AuditLog.Encoding

    /// Entries in the declared encoding name it in their hash, so it cannot be changed unseen.
    var hash: String {
        AuditLog.sha256(([previousHash, "\(seq)", at, actor.map(String.init) ?? "-", action, entity, entityID, payloadSHA256,
                          afterSHA256 ?? "-"] + (encoding == .rows ? [] : ["encoding \(encoding.rawValue)"])).joined(separator: "\n"))
    }
}
