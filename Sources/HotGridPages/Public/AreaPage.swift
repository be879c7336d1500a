import Foundation
import HotGridCore

/// A city's or a county's page: the area's map with its hotspot cells and this month's warned
/// cells, its counties, the warned cells with their changes, and the escalations of the past
/// twelve months.
public struct AreaPage: Sendable {
    /// The area's name as shown (plain text: a boundary's name may hold anything).
    public let name: String
    public let cells: [Cell]
    public let countyNames: [String: String]
    /// A county lists each of its hotspot cells; a city (hundreds) only counts them.
    public let listsHotspots: Bool
    public let month: Month?
    public let warnings: [Placed<WarningCell>]
    public let hotspots: [Placed<HotspotEntry>]
    public let escalations: [Placed<Escalation>]

    public init(name: String, cells: [Cell], countyNames: [String: String], listsHotspots: Bool, month: Month?,
                warnings: [Placed<WarningCell>], hotspots: [Placed<HotspotEntry>], escalations: [Placed<Escalation>]) {
        self.name = name
        self.cells = cells
        self.countyNames = countyNames
        self.listsHotspots = listsHotspots
        self.month = month
        self.warnings = warnings
        self.hotspots = hotspots
        self.escalations = escalations
    }

    public func render(_ language: Language) -> HTML {
        let map = CellMapSVG(cells: cells, names: countyNames, division: .county, shaded: Set(hotspots.map(\.place.cell)),
                             marked: PortalPages.marks(warnings), title: "\(name) \(month?.description ?? "")", link: "/cells/{id}\(language.query)").svg
        let hotByCounty = Dictionary(grouping: hotspots, by: \.place.countyCode).mapValues(\.count)
        let warnedByCounty = Dictionary(grouping: warnings, by: \.place.countyCode).mapValues(\.count)
        let units = Dictionary(grouping: cells, by: \.countyCode).sorted { $0.key < $1.key }.map { code, cells -> HTML in
            "<tr><td><a href=\"/counties/\(code)\(language.query)\">\(countyNames[code] ?? code)</a></td><td class=\"n\">\(cells.count)</td>"
                + "<td class=\"n\">\(hotByCounty[code] ?? 0)</td><td class=\"n\">\(warnedByCounty[code] ?? 0)</td></tr>"
        }
        let percent = { (v: Double?) in v.map { String(format: "%+.1f %%", $0) } ?? "—" }
        let warnRows = warnings.map { w -> HTML in
            "<tr><td>\(cellLink(w.place.cell, language))</td><td>\(w.place.countyName)</td><td>\(PortalPages.tags(w.value.reasons))</td>"
                + "<td class=\"n\">\(w.value.pm25, format: "%.1f")</td><td class=\"n\">\(percent(w.value.yearOnYearPercent))</td><td class=\"n\">\(percent(w.value.monthOnMonthPercent))</td></tr>"
        }
        let escalationRows = escalations.map { e -> HTML in
            "<tr><td>\(e.value.month)</td><td>\(cellLink(e.place.cell, language))</td><td>\(e.value.rule)</td>"
                + "<td class=\"n\">\(e.value.consecutiveMonths)</td><td class=\"n\">\(e.value.warningsInWindow)</td></tr>"
        }
        let hotspotRows = hotspots.map { h -> HTML in
            "<tr><td>\(cellLink(h.place.cell, language))</td><td class=\"n\">\(h.value.rank)</td>"
                + "<td class=\"n\">\(h.value.pm25Annual.map { String(format: "%.1f", $0) } ?? "—")</td>"
                + "<td class=\"n\">\(h.value.probability.map { "\(Int(($0 * 100).rounded())) %" } ?? "—")</td></tr>"
        }
        let hotspotTable: HTML = !listsHotspots ? .empty : """
            <h2>\(language.t("热点网格", "Hotspot cells"))</h2>
            <table><thead><tr><th>\(language.t("网格", "Cell"))</th><th>\(language.t("全区排名", "Rank in the region"))</th>
            <th>\(language.t("年均 PM2.5", "Annual PM2.5"))</th><th>\(language.t("入选概率", "Probability"))</th></tr></thead><tbody>\(hotspotRows.joined(separator: "\n"))</tbody></table>
            """
        return SiteFrame.page("\(name) · HotGrid", language, """
            <h1>\(language.t("\(name) 热点网格", "\(name): hotspot grid")) \(month?.description ?? "")</h1>
            <p>\(language.t("网格", "Cells")) \(cells.count) · \(language.t("热点网格", "Hotspot cells")) \(hotspots.count) ·
            \(language.t("本月预警", "Warned this month")) \(warnings.count)</p>
            <figure>\(map)<figcaption>\(PortalPages.legend(language))</figcaption></figure>
            <h2>\(language.t("区县", "Counties"))</h2>
            <table><thead><tr><th>\(language.t("区县", "County"))</th><th>\(language.t("网格", "Cells"))</th><th>\(language.t("热点网格", "Hotspot cells"))</th>
            <th>\(language.t("本月预警", "Warned this month"))</th></tr></thead><tbody>\(units.joined())</tbody></table>
            <h2>\(language.t("本月预警网格", "Warned cells this month"))</h2>
            <table class="warnings"><thead><tr><th>\(language.t("网格", "Cell"))</th><th>\(language.t("区县", "County"))</th><th>\(language.t("预警类型", "Reasons"))</th>
            <th>PM2.5</th><th>\(language.t("同比", "Year on year"))</th><th>\(language.t("环比", "Month on month"))</th></tr></thead><tbody>\(warnRows.joined(separator: "\n"))</tbody></table>
            \(hotspotTable)
            <h2>\(language.t("近12个月升级", "Escalations, past 12 months"))</h2>
            <table><thead><tr><th>\(language.t("月份", "Month"))</th><th>\(language.t("网格", "Cell"))</th><th>\(language.t("规则", "Rule"))</th>
            <th>\(language.t("连续月数", "Months in a row"))</th><th>\(language.t("12个月内次数", "Warnings in 12 months"))</th></tr></thead><tbody>\(escalationRows.joined(separator: "\n"))</tbody></table>
            """)
    }

    private func cellLink(_ cell: CellID, _ language: Language) -> HTML { "<a href=\"/cells/\(cell)\(language.query)\">\(cell)</a>" }
}
