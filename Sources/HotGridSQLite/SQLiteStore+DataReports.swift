import Foundation
import GRDB
import HotGridStore
import HotGridCore

extension SQLiteLedgerTransaction {
    /// Stores a new data report (its id is ignored) with its audit entry.
    public func addDataReport(_ r: DataReport) throws -> DataReport {
        try db.cachedStatement(sql: """
            INSERT INTO data_report (cell_id, city_code, message, contact, submitted_at, officer_id) VALUES (?, ?, ?, ?, ?, ?)
            """).execute(arguments: [r.cell?.description, r.cityCode, r.message, r.contact, r.submittedAt, r.officer])
        let id = Int(db.lastInsertedRowID)
        try AuditLog.record(db, actor: actor, action: "add_data_report", entity: .dataReport, id: "\(id)", before: nil, head: head)
        return try dataReport(id: id) ?? r
    }

    /// Records the answer to an open report; an answered report is never answered again.
    public func answerDataReport(id: Int, answer: String, at: String) throws {
        let before = try AuditLog.snapshot(db, .dataReport, id: "\(id)")
        try db.cachedStatement(sql: """
            UPDATE data_report SET status = 'answered', answer = ?, answered_by = ?, answered_at = ? WHERE id = ? AND status = 'open'
            """).execute(arguments: [answer, actor, at, id])
        guard db.changesCount == 1 else { throw StoreError.conflict("data report #\(id) is not open") }
        try AuditLog.record(db, actor: actor, action: "answer_data_report", entity: .dataReport, id: "\(id)", before: before, head: head)
    }

    /// Report `id` as it stands inside this transaction.
    public func dataReport(id: Int) throws -> DataReport? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM data_report WHERE id = ?"), arguments: [id]).map(SQLiteStore.dataReport)
    }
}

extension SQLiteStore {
    /// Data reports, newest first: all, or those of some cities.
    public func dataReports(cities: Set<String>?) throws -> [DataReport] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM data_report ORDER BY id DESC").map(Self.dataReport)
                .filter { cities?.contains($0.cityCode) ?? true }
        }
    }

    public func dataReport(id: Int) throws -> DataReport? {
        try pool.read { db in try Row.fetchOne(db, sql: "SELECT * FROM data_report WHERE id = ?", arguments: [id]).map(Self.dataReport) }
    }

    static func dataReport(_ row: Row) -> DataReport {
        DataReport(id: row["id"], cell: (row["cell_id"] as String?).flatMap(CellID.init), cityCode: row["city_code"], message: row["message"],
                   contact: row["contact"], submittedAt: row["submitted_at"], officer: row["officer_id"],
                   status: DataReport.Status(rawValue: row["status"]) ?? .open, answer: row["answer"], answeredBy: row["answered_by"],
                   answeredAt: row["answered_at"])
    }
}
