import Foundation
import HotGridCore

/// The public portal's pages, drawn from HotGrid's own data with nothing loaded from a network.
public enum PortalPages {
    /// The region map with hotspot cells and the month's warned cells, and a table per city.
    public static func home(month: Month?, cells: [Cell], cityNames: [String: String], warnings: [Placed<WarningCell>],
                            hotspots: [Placed<HotspotEntry>], _ language: Language) -> HTML {
        let (zh, en) = month.map { ("\($0.year)年\($0.month)月热点网格预警", "Hotspot grid warnings, \($0)") } ?? ("热点网格", "Hotspot grid")
        let map = CellMapSVG(cells: cells, names: cityNames, shaded: Set(hotspots.map(\.place.cell)), marked: marks(warnings),
                             title: month.map { "Hotspot grid warnings \($0)" } ?? "Hotspot grid", link: "/cells/{id}\(language.query)").svg
        let warnedByCity = Dictionary(grouping: warnings, by: \.place.cityCode).mapValues(\.count)
        let hotByCity = Dictionary(grouping: hotspots, by: \.place.cityCode).mapValues(\.count)
        let rows = cityNames.keys.sorted().map { code -> HTML in
            "<tr><td><a href=\"/cities/\(code)\(language.query)\">\(cityNames[code] ?? code)</a></td><td class=\"n\">\(hotByCity[code] ?? 0)</td><td class=\"n\">\(warnedByCity[code] ?? 0)</td></tr>"
        }
        return SiteFrame.page("\(language.either(zh, en)) · HotGrid", language, """
            <h1>\(language.t("\(zh)", "\(en)"))</h1>
            <figure>\(map)<figcaption>\(legend(language))</figcaption></figure>
            <h2>\(language.t("各城市", "Cities"))</h2>
            <table><thead><tr><th>\(language.t("城市", "City"))</th><th>\(language.t("热点网格", "Hotspot cells"))</th>
            <th>\(language.t("本月预警", "Warned this month"))</th></tr></thead><tbody>\(rows.joined())</tbody></table>
            """)
    }

    /// Each warned cell with the class of its first reason, for the map's dots.
    static func marks(_ warnings: [Placed<WarningCell>]) -> [CellID: String] {
        var marked: [CellID: String] = [:]
        for w in warnings { if let first = w.value.reasons.first { marked[w.place.cell] = first.rawValue } }
        return marked
    }

    /// The map's key: warning reasons by colour, and the hotspot cells' shade.
    static func legend(_ language: Language) -> HTML {
        WarningReason.allCases.map { r -> HTML in "<span class=\"key \(r.rawValue)\"></span>\(language.t("\(r.chineseName)", "\(r.englishName)"))" }
            .joined(separator: " ") + " <span class=\"key hot\"></span>\(language.t("热点网格", "hotspot cell"))"
    }

    /// The reasons as coloured tags.
    static func tags(_ reasons: [WarningReason]) -> HTML {
        reasons.map { r -> HTML in "<span class=\"tag \(r.rawValue)\">\(r.chineseName)</span>" }.joined(separator: " ")
    }

    /// A cell: its place, a monthly PM2.5 chart, warnings, escalations, and the count of open problems.
    public static func cell(_ record: CellRecord, _ language: Language) -> HTML {
        let p = record.place, id = p.cell
        let rows = record.months.map { m -> HTML in
            "<tr><td>\(m.month)</td><td class=\"n\">\(m.mean.mean.map { String(format: "%.1f", $0) } ?? "—")</td><td class=\"n\">\(m.mean.validDays)/\(m.mean.expectedDays)</td>"
                + "<td>\(tags(m.reasons))</td><td>\(m.escalations.joined(separator: ", "))</td></tr>"
        }
        let listings = record.listings.map { listing(language, $0) }
        return SiteFrame.page("\(id) · HotGrid", language, """
            <h1>\(language.t("网格", "Cell")) \(id)</h1>
            <p><a href="/cities/\(p.cityCode)\(language.query)">\(p.cityName)</a>
            <a href="/counties/\(p.countyCode)\(language.query)">\(p.countyName)</a> · \(String(format: "%.5f°E %.5f°N", p.longitude, p.latitude)) ·
            \(language.t("热点网格年份", "Hotspot lists")): \(listings.isEmpty ? "—" : listings.joined(separator: ", ")) ·
            \(language.t("未办结问题", "Open problems")): <b>\(record.openProblems)</b> ·
            <a href="/report?cell=\(id)\(language.andQuery)">\(language.t("报告此网格的数据错误", "Report a data error in this cell"))</a></p>
            <figure>\(MonthlyChart(months: record.months).svg)<figcaption>\(language.t("月均 PM2.5（µg/m³），红点为预警月份", "Monthly mean PM2.5 (µg/m³); red dots mark warned months"))</figcaption></figure>
            <table><thead><tr><th>\(language.t("月份", "Month"))</th><th>PM2.5</th><th>\(language.t("有效天数", "Valid days"))</th>
            <th>\(language.t("预警", "Warnings"))</th><th>\(language.t("升级", "Escalations"))</th></tr></thead><tbody>\(rows.joined(separator: "\n"))</tbody></table>
            """)
    }

    /// "2017（第 12 名，入选概率 93 %）": a hotspot list holding the cell, its rank and how sure the list is of it.
    private static func listing(_ language: Language, _ l: CellRecord.Listing) -> HTML {
        let percent = l.probability.map { "\(Int(($0 * 100).rounded())) %" }
        return language.t("\(l.year)（第 \(l.rank) 名\(percent.map { "，入选概率 \($0)" } ?? "")）",
                          "\(l.year) (rank \(l.rank)\(percent.map { ", probability \($0)" } ?? ""))")
    }

    /// The published monthly lists with their SHA-256 and downloads, newest first.
    public static func publications(_ publications: [Publication], _ language: Language) -> HTML {
        let rows = publications.reversed().map { p -> HTML in
            let corrects: HTML? = p.replaces.map { " (\(language.t("更正", "corrects")) #\($0))" }
            let downloads = ["html", "csv", "geojson"].map { f -> HTML in "<a href=\"/api/v1/publications/\(p.id)/\(f)\">\(f.uppercased())</a>" }
            return "<tr><td>\(p.month)</td><td class=\"n\">#\(p.id)\(corrects)</td><td>\(p.publishedAt)</td><td><code>\(p.sha256)</code></td><td>\(downloads.joined(separator: " "))</td></tr>"
        }
        return SiteFrame.page("Publications · HotGrid", language, """
            <h1>\(language.t("已发布的预警名单", "Published warning lists"))</h1>
            <p>\(language.t("名单发布后不再修改；更正作为新的发布并注明所替代的版本。CSV 文件可用 sha256sum 核验。",
                            "Published lists never change; a correction is a new publication naming the one it replaces. Check a CSV download with sha256sum."))</p>
            <table><thead><tr><th>\(language.t("月份", "Month"))</th><th>\(language.t("编号", "No."))</th><th>\(language.t("发布时间", "Published"))</th>
            <th>SHA-256 (CSV)</th><th>\(language.t("下载", "Download"))</th></tr></thead><tbody>\(rows.joined(separator: "\n"))</tbody></table>
            """)
    }
}
