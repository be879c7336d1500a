import Foundation
import HotGridCore
import HotGridPages
import HotGridStore

/// "One hotspot cell, one problem list" (一格一单): for a warned cell and month, every source in
/// the cell with its inspection (or none yet) and its problems, and the cell's problems not tied
/// to a source; as CSV and as a printable page. Source details follow the viewer's rights.
public struct ProblemList {
    public static let columns = ["cell_id", "month", "source_id", "source_kind", "source_name", "census_id", "inspected_on", "inspector",
                                 "inspection_note", "problem_id", "category", "description", "status", "department", "deadline", "overdue"]

    public let cell: CellID
    public let month: Month
    public let warning: WarningCell?
    public let staff: [Role: Person]
    public let rows: [[String]]
    /// Department names by code, for the printed sheet.
    let departmentNames: [String: String]

    /// The sheet as of `day` (nil: today by the ledger's clock), which decides what is overdue.
    public init(ledger: Ledger, cell: CellID, month: Month, asOf day: Day? = nil) throws {
        let day = day ?? ledger.today
        self.cell = cell
        self.month = month
        let store = ledger.store
        // Another city's cell is as unknown as a cell outside the region: its sheet names sources and people.
        guard ledger.covers(cell) else { throw LedgerError.unknownCell(cell.description) }
        warning = try store.warningList(month: month)?.cells.first { $0.cell == cell }
        let people = Dictionary(uniqueKeysWithValues: try store.persons().map { ($0.id, $0) })
        staff = Dictionary(try store.cellStaff().filter { $0.cell == cell }.compactMap { s in people[s.person].map { (s.duty, $0) } },
                           uniquingKeysWith: { a, _ in a })
        let inspections = Dictionary(try store.inspections(cell: cell, month: month).map { ($0.sourceID, $0) }, uniquingKeysWith: { a, _ in a })
        let problems = try store.problems(cell: cell)
        var rows: [[String]] = []
        func problemFields(_ p: Problem?) -> [String] {
            guard let p else { return Array(repeating: "", count: 7) }
            return ["\(p.id)", p.category.rawValue, p.description, p.status.rawValue, p.department ?? "", p.deadline?.description ?? "",
                    p.isOverdue(on: day) ? "yes" : "no"]
        }
        for source in try ledger.sources(in: cell) {
            let inspection = inspections[source.id]
            let head = [cell.description, month.description, "\(source.id)", source.kind.rawValue, source.name ?? "(withheld)", source.censusID ?? "",
                        inspection?.day.description ?? "not inspected", inspection.flatMap { people[$0.inspector]?.name } ?? "", inspection?.note ?? ""]
            let own = problems.filter { $0.sourceID == source.id }
            if own.isEmpty { rows.append(head + problemFields(nil)) }
            for p in own { rows.append(head + problemFields(p)) }
        }
        for p in problems where p.sourceID == nil {
            rows.append([cell.description, month.description, "", "", "", "", "", "", ""] + problemFields(p))
        }
        self.rows = rows
        departmentNames = Dictionary(try store.departments().map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    public var csv: Data {
        var table = CSVTable(header: Self.columns)
        for row in rows { table.append(row) }
        return table.data
    }

    /// A page to print and take into the field.
    public var page: ProblemSheetPage {
        ProblemSheetPage(cell: cell, month: month, reasons: warning?.reasons, gridLeader: staff[.gridLeader]?.name,
                         gridSupervisor: staff[.gridSupervisor]?.name,
                         rows: rows.map { r in
                             // The CSV's codes in the sheet's words.
                             [r[2], SourceKind(rawValue: r[3])?.chineseName ?? r[3], r[4] == "(withheld)" ? "（保密）" : r[4], r[5],
                              r[6] == "not inspected" ? "未检查" : r[6], r[7], r[9], ProblemCategory(rawValue: r[10])?.chineseName ?? r[10], r[11],
                              ProblemStatus(rawValue: r[12])?.chineseName ?? r[12], departmentNames[r[13]] ?? r[13], r[14], r[15] == "yes" ? "超期" : r[15] == "no" ? "否" : r[15]]
                         })
    }
}
