import HotGridCore

extension Workspace {
    /// A warned cell of the month in the person's area, with its open problems.
    public struct WarnedCell: Sendable {
        public let warning: Placed<WarningCell>
        public let openProblems: Int

        public init(_ warning: Placed<WarningCell>, openProblems: Int) {
            self.warning = warning
            self.openProblems = openProblems
        }
    }

    /// The workspace's front page: this month's warned cells in the person's area, the problems
    /// (overdue first), the counts to act on and the statistics.
    /// `statistics` is a table: its headings, then a row per unit with the total last.
    public func home(month: Month?, warned: [WarnedCell], problems: [Problem], openReports: Int, statistics: (headings: [String], rows: [[String]]),
                     today: Day) -> HTML {
        let warnRows = warned.map { w -> HTML in
            let p = w.warning.place
            return "<tr><td>\(p.cityName)</td><td>\(p.countyName)</td><td><a href=\"/staff/cells/\(p.cell)\">\(p.cell)</a></td>"
                + "<td>\(w.warning.value.reasons.map(\.chineseName).joined(separator: "、"))</td>"
                + "<td class=\"n\">\(w.warning.value.pm25, format: "%.1f")</td><td class=\"n\">\(w.openProblems)</td></tr>"
        }
        let open = problems.filter { !$0.status.isClosed }.count, overdue = problems.filter { $0.isOverdue(on: today) }.count
        return page("Workspace · HotGrid", """
            <h1>\(language.t("工作台", "Workspace"))</h1>
            <p class="provenance">\(language.t("本月预警网格", "Warned cells this month")) <b>\(warned.count)</b> ·
            <a href="/staff/problems">\(language.t("未办结问题", "Open problems"))</a> <b>\(open)</b> ·
            <a href="/staff/problems?overdue=true">\(language.t("超期", "Overdue"))</a> <b>\(overdue)</b> ·
            <a href="/staff/reports">\(language.t("待答复数据纠错", "Data reports to answer"))</a> <b>\(openReports)</b></p>
            <h2>\(language.t("本月预警网格", "Warned cells this month")) \(month?.description ?? "")</h2>
            <table class="warnings"><thead><tr><th>\(language.t("城市", "City"))</th><th>\(language.t("区县", "County"))</th><th>\(language.t("网格", "Cell"))</th>
            <th>\(language.t("预警类型", "Reasons"))</th><th>PM2.5</th><th>\(language.t("未办结问题", "Open problems"))</th></tr></thead><tbody>\(warnRows.joined(separator: "\n"))</tbody></table>
            <h2>\(language.t("问题台账", "Problems")) (\(problems.count))</h2>
            \(problemTable(problems.prefix(200), today: today))
            <h2>\(language.t("统计", "Statistics"))</h2>\(Self.table(statistics))<p><a href="/staff/statistics.csv">CSV</a></p>
            """)
    }

    /// A table of counts: text in the first two columns, numbers right-aligned, the last row a total.
    static func table(_ t: (headings: [String], rows: [[String]])) -> HTML {
        let head = t.headings.enumerated().map { i, h -> HTML in i < 2 ? "<th>\(h)</th>" : "<th class=\"n\">\(h)</th>" }.joined()
        let rows = t.rows.enumerated().map { r, row -> HTML in
            let cells = row.enumerated().map { i, v -> HTML in i < 2 ? "<td>\(v)</td>" : "<td class=\"n\">\(v)</td>" }.joined()
            return r == t.rows.count - 1 ? "<tr class=\"total\">\(cells)</tr>" : "<tr>\(cells)</tr>"
        }.joined(separator: "\n")
        return "<div class=\"scroll\"><table class=\"statistics\"><thead><tr>\(head)</tr></thead><tbody>\(rows)</tbody></table></div>"
    }
}
