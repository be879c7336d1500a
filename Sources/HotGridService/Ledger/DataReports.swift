import Foundation
import HotGridCore
import HotGridStore

/// The public's "report a data error": anyone may say a published figure or list looks wrong.
/// Each report goes to a named officer of the city it concerns — its city officer, or the region's
/// administrator where the city has none yet — who answers it from the workspace.
public struct DataReportDesk: Sendable {
    let store: any Store
    let region: RegionDirectory

    public init(store: any Store, region: RegionDirectory) {
        self.store = store
        self.region = region
    }

    /// Stores the report (audited, with no acting person) and returns it with the officer it went to.
    public func submit(cell: CellID?, city: String?, message: String, contact: String?) throws -> (report: DataReport, officer: Person?) {
        let text = message.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count <= 4000 else { throw LedgerError.invalid(field: .message, reason: "say what looks wrong, in at most 4000 characters") }
        let reach = contact?.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty
        guard (reach?.count ?? 0) <= 200 else { throw LedgerError.invalid(field: .contact, reason: "at most 200 characters") }
        let cityCode: String
        if let cell {
            guard let place = region.place(cell) else { throw LedgerError.unknownCell(cell.description) }
            cityCode = place.cityCode
        } else {
            guard let city, region.hasCity(city) else {
                throw LedgerError.invalid(field: .city, reason: "name a cell, or a city of this region")
            }
            cityCode = city
        }
        let officer = Self.officer(for: cityCode, among: try store.persons())
        let report = try store.ledger(actor: nil) { w in
            try w.addDataReport(DataReport(id: 0, cell: cell, cityCode: cityCode, message: text, contact: reach,
                                           submittedAt: Date().formatted(.iso8601), officer: officer?.id))
        }
        return (report, officer)
    }

    /// Who answers reports about `city`: its first city officer, else the first administrator.
    static func officer(for city: String, among persons: [Person]) -> Person? {
        persons.first { $0.role == .cityOfficer && $0.scope == .city(city) } ?? persons.first { $0.role == .admin }
    }
}

extension Ledger {
    /// The data reports this person answers or oversees: those routed to them and those about
    /// cities in their area, newest first.
    public func dataReports() throws -> [DataReport] {
        try store.dataReports().filter(mayAnswer)
    }

    /// Answers an open report. The officer it was routed to may, and any officer or administrator
    /// whose area holds the city; auditors only read.
    public func answer(report id: Int, with text: String) throws -> DataReport {
        guard let report = try store.dataReport(id: id), mayAnswer(report) else { throw LedgerError.notFound(what: "data report", id: "#\(id) in your area") }
        guard actor.role != .auditor else {
            throw LedgerError.forbidden(person: actor.id, role: actor.role, action: "answer data reports", reason: "auditors read, officers answer")
        }
        let answer = try FreeText.checked(text, field: .answer, limit: FreeText.long)
        guard !answer.isEmpty else { throw LedgerError.commentRequired }
        guard report.status == .open else { throw LedgerError.invalid(field: .report, reason: "#\(id) was answered on \(report.answeredAt ?? "")") }
        return try store.ledger(actor: actor.id) { w in
            try w.answerDataReport(id: id, answer: answer, at: Date().formatted(.iso8601))
            return try w.dataReport(id: id) ?? report
        }
    }

    private func mayAnswer(_ report: DataReport) -> Bool {
        if report.officer == actor.id { return true }
        guard [.admin, .cityOfficer, .countyOfficer, .auditor].contains(actor.role) else { return false }
        switch actor.scope {
        case .region: return true
        case let .city(code): return report.cityCode == code
        case let .county(code): return report.cell.flatMap(region.place)?.countyCode == code
        case .assignedCells: return false
        }
    }
}
