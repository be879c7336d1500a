import HotGridCore

/// "One hotspot cell, one problem list" (一格一单) as a page to print and take into the field:
/// the cell, the month and why it was warned, its grid leader and supervisor, and a line per
/// source and problem.
public struct ProblemSheetPage: Sendable {
    /// The columns of `rows`, as the sheet heads them.
    public static let heads = ["来源 Source", "类型 Kind", "名称 Name", "普查编码 Census id", "检查 Inspected", "检查人 Inspector", "问题 Problem",
                               "类别 Category", "描述 Description", "状态 Status", "责任部门 Department", "时限 Deadline", "超期 Overdue"]

    let cell: CellID
    let month: Month
    /// Why the cell was warned that month; nil when it was not.
    let reasons: [WarningReason]?
    let gridLeader: String?
    let gridSupervisor: String?
    /// One line per source and problem, a value per head.
    let rows: [[String]]

    public init(cell: CellID, month: Month, reasons: [WarningReason]?, gridLeader: String?, gridSupervisor: String?, rows: [[String]]) {
        self.cell = cell
        self.month = month
        self.reasons = reasons
        self.gridLeader = gridLeader
        self.gridSupervisor = gridSupervisor
        self.rows = rows
    }

    public var html: HTML {
        let reasons = reasons?.map(\.chineseName).joined(separator: "、") ?? "本月未预警 not warned this month"
        let body = rows.map { r -> HTML in "<tr>\(r.map { v -> HTML in "<td>\(v)</td>" }.joined())</tr>" }.joined(separator: "\n")
        return """
            <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>一格一单 \(cell) \(month)</title>
            <style>body{font-family:"Noto Sans CJK SC",sans-serif;margin:1.5rem;color:#1d2733}table{border-collapse:collapse;width:100%;\
            font-size:.85rem}th,td{border:1px solid #bcc6d0;padding:.2rem .35rem;text-align:left;vertical-align:top}th{background:#eef2f5}\
            .en{color:#5b6b7b;font-size:.85em}@media print{body{margin:0}}</style></head><body>
            <h1>热点网格问题清单（一格一单） <span class="en">One cell, one problem list</span></h1>
            <p>网格 Cell <b>\(cell)</b> · 月份 Month <b>\(month)</b> · 预警类型 Reasons: \(reasons)</p>
            <p>网格长 Grid leader: \(gridLeader ?? "未指定 none") · 网格监督员 Supervisor: \
            \(gridSupervisor ?? "未指定 none")</p>
            <table><thead><tr>\(Self.heads.map { h -> HTML in "<th>\(h)</th>" }.joined())</tr></thead><tbody>
            \(body)
            </tbody></table></body></html>

            """
    }
}
