import Foundation
import GRDB
import HotGridStore

extension SQLiteStore {
    /// Walks the chain (sequence, previous hash, payload hash, entry hash), then checks that every
    /// ledger row is what its latest entry says it became.
    public func verifyAudit() throws -> AuditReport {
        try pool.read { db in
            var findings: [AuditFinding] = []
            var previous = AuditLog.genesis, expectedSeq = 1, count = 0, redacted = 0
            var latest: [String: (seq: Int, after: String?, encoding: AuditLog.Encoding)] = [:]
            // Blanked entries by person, until a later redaction of that person explains them.
            var unexplained: [String: [Int]] = [:]
            let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM audit_entry ORDER BY seq")
            while let row = try cursor.next() {
                count += 1
                let seq: Int = row["seq"]
                if seq != expectedSeq {
                    findings.append(AuditFinding(seq: seq, message: seq > expectedSeq
                        ? (seq - 1 == expectedSeq ? "entry \(expectedSeq) is missing (deleted)" : "entries \(expectedSeq)…\(seq - 1) are missing (deleted)") : "out of sequence (expected \(expectedSeq))"))
                }
                expectedSeq = seq + 1
                let fields = AuditEntryFields(seq: seq, at: row["at"], actor: row["actor"], action: row["action"], entity: row["entity"],
                                              entityID: row["entity_id"], payloadSHA256: row["payload_sha256"],
                                              afterSHA256: row["after_sha256"], previousHash: row["previous_hash"],
                                              encoding: AuditLog.Encoding(rawValue: row["encoding"] ?? 1) ?? .rows)
                if fields.previousHash != previous {
                    findings.append(AuditFinding(seq: seq, message: "does not follow the entry before it (an entry was deleted, inserted or reordered)"))
                }
                if fields.hash != row["hash"] as String {
                    findings.append(AuditFinding(seq: seq, message: "its content does not match its hash (the entry was edited)"))
                }
                if (row["redacted"] as Int) == 1 {
                    redacted += 1
                    if fields.entity == AuditEntity.person.rawValue || fields.entity == AuditEntity.credential.rawValue {
                        unexplained[fields.entityID, default: []].append(seq)
                    } else {
                        findings.append(AuditFinding(seq: seq, message: "its payload was removed, but only entries about a person are ever redacted"))
                    }
                } else if let payload = row["payload"] as String?, AuditLog.sha256(payload) != fields.payloadSHA256 {
                    findings.append(AuditFinding(seq: seq, message: "its payload does not match its hash (the before/after record was edited)"))
                } else if row["payload"] as String? == nil {
                    findings.append(AuditFinding(seq: seq, message: "its payload is missing but it is not marked redacted"))
                }
                if fields.action == SQLiteLedgerTransaction.redactionAction, fields.entity == AuditEntity.person.rawValue {
                    unexplained[fields.entityID] = nil
                }
                previous = row["hash"]
                latest["\(fields.entity)/\(fields.entityID)"] = (seq, fields.afterSHA256, fields.encoding)
            }
            for (person, blanked) in unexplained {
                for seq in blanked {
                    findings.append(AuditFinding(seq: seq, message: "its payload was removed, but no later entry records redacting person \(person)"))
                }
            }
            // Every ledger row must be what its latest entry recorded.
            for entity in AuditEntity.allCases {
                var seen = Set<String>()
                for row in try Row.fetchAll(db, sql: "SELECT \(entity.key) AS audit_key, * FROM \(entity.table)") {
                    let id: String = row["audit_key"]
                    seen.insert(id)
                    guard let last = latest["\(entity.rawValue)/\(id)"] else {
                        findings.append(AuditFinding(seq: nil, message: "\(entity.rawValue) \(id) has no audit entry (written behind HotGrid's back)"))
                        continue
                    }
                    // The row as the latest entry's encoding writes it.
                    if last.after != AuditLog.sha256(AuditLog.canonical(row, entity, last.encoding)) {
                        findings.append(AuditFinding(seq: last.seq, message:
                            "\(entity.rawValue) \(id) differs from what this entry recorded (the row was changed behind HotGrid's back)"))
                    }
                }
                for (key, last) in latest where key.hasPrefix(entity.rawValue + "/") && last.after != nil
                    && !seen.contains(String(key.dropFirst(entity.rawValue.count + 1))) {
                    findings.append(AuditFinding(seq: last.seq, message: "\(key.replacingOccurrences(of: "/", with: " ")) is gone (deleted behind HotGrid's back)"))
                }
            }
            return AuditReport(entries: count, redacted: redacted, head: previous, findings: findings)
        }
    }
}

extension SQLiteStore {
    /// Whether an entry with this hash is in the log.
    public func auditContains(hash: String) throws -> Bool {
        try pool.read { try Bool.fetchOne($0, sql: "SELECT 1 FROM audit_entry WHERE hash = ?", arguments: [hash]) ?? false }
    }
}
