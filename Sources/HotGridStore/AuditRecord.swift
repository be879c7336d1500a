import Foundation

/// A ledger row as the audit log hashes it, the same on every backend: the columns declared
/// here, each read as its logical kind (a flag is true or false whether the database stores a
/// boolean or 0/1; a list of strings is a JSON array however the database spells JSON), written
/// as JSON with sorted keys. So two stores holding the same ledger hash it the same, and an
/// audit chain moved from one to the other still verifies.
public enum AuditRecord {
    /// How a column's value is read and written.
    public enum Kind: Sendable {
        case text, integer, real, flag
        /// A list of strings (SHA-256 of attachments), stored as JSON.
        case strings
        /// Kept out of the log: only its SHA-256 is written, as `<column>_sha256` (a password hash).
        case fingerprint
    }

    /// A value as read from a backend, by its column's kind.
    public enum Value: Sendable, Equatable {
        case null
        case integer(Int64)
        case real(Double)
        case text(String)
        case flag(Bool)
        case strings([String])
    }

    /// The audited columns of each ledger table, by table name.
    public static let columns: [String: [(name: String, kind: Kind)]] = [
        "department": [("code", .text), ("name", .text)],
        "person": [("id", .integer), ("name", .text), ("role", .text), ("scope", .text), ("department", .text), ("phone", .text), ("redacted", .flag)],
        "cell_staff": [("cell_id", .text), ("duty", .text), ("person_id", .integer)],
        "source": [("id", .integer), ("cell_id", .text), ("kind", .text), ("lon", .real), ("lat", .real), ("name", .text), ("census_id", .text),
                   ("operator", .text), ("notes", .text)],
        "attachment": [("sha256", .text), ("file_name", .text), ("byte_count", .integer)],
        "patrol": [("id", .integer), ("cell_id", .text), ("person_id", .integer), ("day", .text), ("findings", .text), ("attachments", .strings)],
        "inspection": [("id", .integer), ("cell_id", .text), ("month", .text), ("source_id", .integer), ("inspector", .integer), ("day", .text),
                       ("note", .text)],
        "problem": [("id", .integer), ("cell_id", .text), ("source_id", .integer), ("category", .text), ("description", .text), ("lon", .real),
                    ("lat", .real), ("found_by", .integer), ("found_on", .text), ("warning_month", .text), ("department", .text), ("deadline", .text),
                    ("status", .text), ("duplicate_of", .integer)],
        "problem_event": [("id", .integer), ("problem_id", .integer), ("action", .text), ("from_status", .text), ("to_status", .text),
                          ("actor", .integer), ("at", .text), ("comment", .text), ("evidence", .strings)],
        "data_report": [("id", .integer), ("cell_id", .text), ("city_code", .text), ("message", .text), ("contact", .text), ("submitted_at", .text),
                        ("officer_id", .integer), ("status", .text), ("answer", .text), ("answered_by", .integer), ("answered_at", .text)],
        "credential": [("person_id", .integer), ("login", .text), ("password_hash", .fingerprint), ("updated_at", .text)],
    ]

    /// The row of `table` whose columns read as `value(name, kind)`, as canonical JSON.
    public static func canonical(table: String, _ value: (String, Kind) throws -> Value) rethrows -> String {
        var fields: [(String, String)] = []
        for (name, kind) in columns[table] ?? [] {
            let v = try value(name, kind)
            if kind == .fingerprint {
                let text: String? = if case let .text(t) = v { t } else { nil }
                fields.append((name + "_sha256", text.map { quoted(ContentHash.sha256(Data($0.utf8))) } ?? "null"))
            } else {
                fields.append((name, json(v)))
            }
        }
        return "{" + fields.sorted { $0.0 < $1.0 }.map { quoted($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    /// Integers as integers, reals in Swift's shortest round-trip form (null when not finite),
    /// flags as true/false, lists as arrays.
    static func json(_ value: Value) -> String {
        switch value {
        case .null: "null"
        case let .integer(i): String(i)
        case let .real(d): d.isFinite ? "\(d)" : "null"
        case let .text(s): quoted(s)
        case let .flag(b): b ? "true" : "false"
        case let .strings(list): "[" + list.map(quoted).joined(separator: ",") + "]"
        }
    }

    /// A JSON string literal.
    public static func quoted(_ s: String) -> String {
        // Most text needs no escaping.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) { return "\"" + s + "\"" }
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
