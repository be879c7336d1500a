import Foundation
import HotGridCore
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
    }

    public var csv: Data {
        var table = CSVTable(header: Self.columns)
        for row in rows { table.append(row) }
        return table.data
    }

    /// A page to print and take into the field.
    public var html: String {
        let reasons = warning?.reasons.map(\.chineseName).joined(separator: "、") ?? "本月未预警 not warned this month"
        let heads = ["来源 Source", "类型 Kind", "名称 Name", "普查编码 Census id", "检查 Inspected", "检查人 Inspector", "问题 Problem",
                     "类别 Category", "描述 Description", "状态 Status", "责任部门 Department", "时限 Deadline", "超期 Overdue"]
        let body = rows.map { r -> String in
            let shown = [r[2], r[3], r[4], r[5], r[6], r[7], r[9], r[10], r[11], r[12], r[13], r[14], r[15]]
            return "<tr>" + shown.map { "<td>\(HTML.escape($0))</td>" }.joined() + "</tr>"
        }.joined(separator: "\n")
        return """
            <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>一格一单 \(cell) \(month)</title>
            <style>body{font-family:"Noto Sans CJK SC",sans-serif;margin:1.5rem;color:#1d2733}table{border-collapse:collapse;width:100%;\
            font-size:.85rem}th,td{border:1px solid #bcc6d0;padding:.2rem .35rem;text-align:left;vertical-align:top}th{background:#eef2f5}\
            .en{color:#5b6b7b;font-size:.85em}@media print{body{margin:0}}</style></head><body>
            <h1>热点网格问题清单（一格一单） <span class="en">One cell, one problem list</span></h1>
            <p>网格 Cell <b>\(cell)</b> · 月份 Month <b>\(month)</b> · 预警类型 Reasons: \(HTML.escape(reasons))</p>
            <p>网格长 Grid leader: \(HTML.escape(staff[.gridLeader]?.name ?? "未指定 none")) · 网格监督员 Supervisor: \
            \(HTML.escape(staff[.gridSupervisor]?.name ?? "未指定 none"))</p>
            <table><thead><tr>\(heads.map { "<th>\($0)</th>" }.joined())</tr></thead><tbody>
            \(body)
            </tbody></table></body></html>

            """
    }
}
