import Foundation
import HotGridCore
import HotGridService
import Hummingbird

/// The portal's city and county pages: the area's map with its hotspot cells and this month's
/// warned cells, its units (a city's counties), the warned cells with their changes, and the
/// escalations of the past twelve months.
extension Portal {
    /// A city or a county, as its page draws it.
    struct Area {
        let name: String
        let cells: [Cell]
        /// The units the map and the summary table break the area into.
        let division: CellMapSVG.Division
        /// A county lists each of its hotspot cells; a city (hundreds) only counts them.
        let listsHotspots: Bool
        let contains: @Sendable (PublicCatalog.Place) -> Bool
    }

    func registerAreas(on router: Router<AppRequestContext>) {
        router.get("cities/:code") { request, context in
            let code = context.parameters.get("code") ?? ""
            guard let name = catalog.cityNames[code] else { throw APIError.notFound("no city \(code) in this region") }
            return try cached(request) {
                try areaPage(Area(name: name, cells: catalog.cells.filter { $0.cityCode == code }, division: .county,
                                  listsHotspots: false, contains: { $0.cityCode == code }), request)
            }
        }
        router.get("counties/:code") { request, context in
            let code = context.parameters.get("code") ?? ""
            let cells = catalog.cells.filter { $0.countyCode == code }
            guard let first = cells.first, let name = catalog.countyNames[code] else { throw APIError.notFound("no county \(code) in this region") }
            return try cached(request) {
                try areaPage(Area(name: "\(catalog.cityNames[first.cityCode] ?? "") \(name)", cells: cells, division: .county,
                                  listsHotspots: true, contains: { $0.countyCode == code }), request)
            }
        }
    }

    func areaPage(_ area: Area, _ request: Request) throws -> String {
        let language = Language(request)
        let month = try catalog.latestWarningMonth()
        let warnings = try month.map { try catalog.warnings(month: $0) }?.filter { area.contains($0.place) } ?? []
        let hotspots = ((try? catalog.hotspots(year: nil)) ?? []).filter { area.contains($0.place) }
        let escalations = try month.map { m in
            try (0..<12).flatMap { try catalog.escalations(month: m.advanced(by: -$0)) }
        }?.filter { e in CellID(e.cellID).flatMap(catalog.place).map(area.contains) ?? false } ?? []
        var marked: [CellID: String] = [:]
        for w in warnings { if let id = CellID(w.place.cellID), let first = w.reasons.first { marked[id] = first } }
        let map = CellMapSVG(cells: area.cells, names: catalog.countyNames, division: area.division,
                             shaded: Set(hotspots.compactMap { CellID($0.place.cellID) }), marked: marked,
                             title: "\(area.name) \(month?.description ?? "")", link: "/cells/{id}\(language.query)").svg
        let hotByCounty = Dictionary(grouping: hotspots, by: \.place.countyCode).mapValues(\.count)
        let warnedByCounty = Dictionary(grouping: warnings, by: \.place.countyCode).mapValues(\.count)
        let units = Dictionary(grouping: area.cells, by: \.countyCode).sorted { $0.key < $1.key }.map { code, cells in
            "<tr><td><a href=\"/counties/\(code)\(language.query)\">\(HTML.escape(catalog.countyNames[code] ?? code))</a></td><td class=\"n\">\(cells.count)</td>"
                + "<td class=\"n\">\(hotByCounty[code] ?? 0)</td><td class=\"n\">\(warnedByCounty[code] ?? 0)</td></tr>"
        }.joined()
        let percent = { (v: Double?) in v.map { String(format: "%+.1f %%", $0) } ?? "—" }
        let warnRows = warnings.map { w in
            "<tr><td><a href=\"/cells/\(w.place.cellID)\(language.query)\">\(w.place.cellID)</a></td><td>\(HTML.escape(w.place.countyName))</td>"
                + "<td>\(w.reasons.compactMap { WarningReason(rawValue: $0) }.map { "<span class=\"tag \($0.rawValue)\">\($0.chineseName)</span>" }.joined(separator: " "))</td>"
                + "<td class=\"n\">\(String(format: "%.1f", w.pm25))</td><td class=\"n\">\(percent(w.yoyChangePct))</td><td class=\"n\">\(percent(w.momChangePct))</td></tr>"
        }.joined(separator: "\n")
        let escalationRows = escalations.map { e in
            "<tr><td>\(e.month)</td><td><a href=\"/cells/\(e.cellID)\(language.query)\">\(e.cellID)</a></td><td>\(HTML.escape(e.rule))</td>"
                + "<td class=\"n\">\(e.consecutiveMonths)</td><td class=\"n\">\(e.warningsInWindow)</td></tr>"
        }.joined(separator: "\n")
        let hotspotRows = hotspots.map { h in
            "<tr><td><a href=\"/cells/\(h.place.cellID)\(language.query)\">\(h.place.cellID)</a></td><td class=\"n\">\(h.rank)</td>"
                + "<td class=\"n\">\(h.pm25Annual.map { String(format: "%.1f", $0) } ?? "—")</td>"
                + "<td class=\"n\">\(h.probability.map { "\(Int(($0 * 100).rounded())) %" } ?? "—")</td></tr>"
        }.joined(separator: "\n")
        let hotspotTable = !area.listsHotspots ? "" : """
            <h2>\(language.t("热点网格", "Hotspot cells"))</h2>
            <table><thead><tr><th>\(language.t("网格", "Cell"))</th><th>\(language.t("全区排名", "Rank in the region"))</th>
            <th>\(language.t("年均 PM2.5", "Annual PM2.5"))</th><th>\(language.t("入选概率", "Probability"))</th></tr></thead><tbody>\(hotspotRows)</tbody></table>
            """
        let name = HTML.escape(area.name)
        let title = language.t("\(name) 热点网格", "\(name): hotspot grid")
        return page("\(area.name) · HotGrid", language, """
            <h1>\(title) \(month?.description ?? "")</h1>
            <p>\(language.t("网格", "Cells")) \(area.cells.count) · \(language.t("热点网格", "Hotspot cells")) \(hotspots.count) ·
            \(language.t("本月预警", "Warned this month")) \(warnings.count)</p>
            <figure>\(map)<figcaption>\(legend(language))</figcaption></figure>
            <h2>\(language.t("区县", "Counties"))</h2>
            <table><thead><tr><th>\(language.t("区县", "County"))</th><th>\(language.t("网格", "Cells"))</th><th>\(language.t("热点网格", "Hotspot cells"))</th>
            <th>\(language.t("本月预警", "Warned this month"))</th></tr></thead><tbody>\(units)</tbody></table>
            <h2>\(language.t("本月预警网格", "Warned cells this month"))</h2>
            <table class="warnings"><thead><tr><th>\(language.t("网格", "Cell"))</th><th>\(language.t("区县", "County"))</th><th>\(language.t("预警类型", "Reasons"))</th>
            <th>PM2.5</th><th>\(language.t("同比", "Year on year"))</th><th>\(language.t("环比", "Month on month"))</th></tr></thead><tbody>\(warnRows)</tbody></table>
            \(hotspotTable)
            <h2>\(language.t("近12个月升级", "Escalations, past 12 months"))</h2>
            <table><thead><tr><th>\(language.t("月份", "Month"))</th><th>\(language.t("网格", "Cell"))</th><th>\(language.t("规则", "Rule"))</th>
            <th>\(language.t("连续月数", "Months in a row"))</th><th>\(language.t("12个月内次数", "Warnings in 12 months"))</th></tr></thead><tbody>\(escalationRows)</tbody></table>
            """)
    }
}
