import Foundation
import HotGridCore
import HotGridStore

extension Ledger {
    /// The hotspot cells of the latest list with their grid leader and supervisor (nil where missing).
    public func staffing() throws -> [(cell: CellID, leader: Person?, supervisor: Person?)] {
        guard let year = try store.hotspotListYears().last, let list = try store.hotspotList(year: year) else { return [] }
        let people = Dictionary(uniqueKeysWithValues: try store.persons().map { ($0.id, $0) })
        var duty: [CellID: [Role: Person]] = [:]
        for s in try store.cellStaff() { duty[s.cell, default: [:]][s.duty] = people[s.person] }
        return list.entries.map(\.cell).sorted().map { ($0, duty[$0]?[.gridLeader], duty[$0]?[.gridSupervisor]) }
    }

    /// Removes a person's personal data for good (administrators only): name and phone, and the
    /// audit payloads about them, leaving a chained tombstone.
    public func redact(person id: Int) throws {
        guard actor.role == .admin else {
            throw LedgerError.forbidden(person: actor.id, role: actor.role, action: "redact personal data", reason: "only an admin redacts")
        }
        guard try store.person(id: id) != nil else { throw LedgerError.unknownPerson(id) }
        try store.ledger(actor: actor.id) { try $0.redactPerson(id) }
        try store.purgeRemovedData()
    }
}

/// `hotgrid audit verify`: the audit chain, every ledger row against its latest entry, and every
/// stored file against its SHA-256.
public enum AuditCheck {
    public static func run(store: any Store) throws -> AuditReport {
        let report = try store.verifyAudit()
        let files = EvidenceFiles(store: store).damaged(try store.attachments()).map { a, reason in
            AuditFinding(seq: nil, message: "attachment \(a.sha256) (\(a.fileName)): \(reason)")
        }
        return AuditReport(entries: report.entries, redacted: report.redacted, head: report.head, findings: report.findings + files)
    }
}
