import Foundation
import HotGridCore
import HotGridService
import Hummingbird

/// The public portal: server-rendered pages, Chinese first (`?lang=en` for English first), drawn
/// from HotGrid's own data with nothing loaded from a network.
struct Portal: Sendable {
    let catalog: PublicCatalog
    /// Rendered map pages by path, language and the data's stamp: drawing a region's map takes
    /// tens of milliseconds, and it changes once a month.
    let cache: ResponseCache

    /// `render()`'s page, from the cache while the warning and hotspot lists stay as they were.
    func cached(_ request: Request, _ render: () throws -> String) throws -> Response {
        try cache.response(key: "\(request.uri.path)|\(Language(request).english)|\(catalog.pageStamp())", contentType: "text/html; charset=utf-8") {
            Data(try render().utf8)
        }
    }

    /// Chinese or English first.
    struct Language {
        let english: Bool
        init(_ request: Request) { english = request.uri.queryParameters.get("lang") == "en" }
        /// Both, in the reader's order.
        func t(_ zh: String, _ en: String) -> String { english ? "\(en) <span class=\"en\">\(zh)</span>" : "\(zh) <span class=\"en\">\(en)</span>" }
        /// Both as plain text, for attributes (placeholders) where markup cannot go.
        func plain(_ zh: String, _ en: String) -> String { HTML.escape(english ? "\(en) · \(zh)" : "\(zh) · \(en)") }
        var query: String { english ? "?lang=en" : "" }
        var switchLink: String { english ? "<a href=\"?\">中文</a>" : "<a href=\"?lang=en\">English</a>" }
    }

    func register(on router: Router<AppRequestContext>) {
        router.get("/") { request, _ in try cached(request) { try home(request) } }
        router.get("cells/:id") { request, context in
            guard let id = context.parameters.get("id").flatMap(CellID.init) else { throw APIError.notFound("cell ids look like 3K-R01234-C05678") }
            return JSONBody.html(try cellPage(id, request))
        }
        router.get("publications") { request, _ in JSONBody.html(try publications(request)) }
        registerAreas(on: router)
    }

    /// `title` is plain text (a boundary's name may hold anything): it is escaped here.
    func page(_ title: String, _ language: Language, _ body: String) -> String { Self.frame(title, language, body) }

    /// The frame of every page: the site's navigation around `body`, under the escaped `title`.
    static func frame(_ title: String, _ language: Language, _ body: String) -> String {
        """
        <!DOCTYPE html><html lang="\(language.english ? "en" : "zh-CN")"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1"><title>\(HTML.escape(title))</title>
        <style>\(PageStyle.css) nav{display:flex;gap:1.2rem;align-items:baseline;border-bottom:1px solid #d8dee4;padding-bottom:.4rem}
        nav .lang{margin-left:auto} tr.overdue td{background:#fdecea}</style></head><body>
        <nav><b>HotGrid 热点网格</b><a href="/\(language.query)">\(language.t("地图", "Map"))</a>
        <a href="/publications\(language.query)">\(language.t("预警名单", "Published lists"))</a>
        <a href="/report\(language.query)">\(language.t("报告数据错误", "Report a data error"))</a>
        <a href="/api/v1/openapi.yaml">API</a><a href="/staff">\(language.t("工作台", "Staff"))</a>
        <span class="lang">\(language.switchLink)</span></nav>
        \(body)
        </body></html>

        """
    }

    /// The region map with hotspot cells and the latest month's warned cells, and a table per city.
    func home(_ request: Request) throws -> String {
        let language = Language(request)
        let month = try catalog.latestWarningMonth()
        let warnings = try month.map { try catalog.warnings(month: $0) } ?? []
        let hotspots = (try? catalog.hotspots(year: nil)) ?? []
        var marked: [CellID: String] = [:]
        for w in warnings { if let id = CellID(w.place.cellID), let first = w.reasons.first { marked[id] = first } }
        let (zh, en) = month.map { ("\($0.year)年\($0.month)月热点网格预警", "Hotspot grid warnings, \($0)") } ?? ("热点网格", "Hotspot grid")
        let title = language.t(zh, en)
        let map = CellMapSVG(cells: catalog.cells, names: catalog.cityNames, shaded: Set(hotspots.compactMap { CellID($0.place.cellID) }),
                             marked: marked, title: month.map { "Hotspot grid warnings \($0)" } ?? "Hotspot grid", link: "/cells/{id}\(language.query)").svg
        let byCity = Dictionary(grouping: warnings, by: \.place.cityCode)
        let hotByCity = Dictionary(grouping: hotspots, by: \.place.cityCode).mapValues(\.count)
        let rows = catalog.cityNames.keys.sorted().map { code in
            "<tr><td><a href=\"/cities/\(code)\(language.query)\">\(HTML.escape(catalog.cityNames[code] ?? code))</a></td><td class=\"n\">\(hotByCity[code] ?? 0)</td><td class=\"n\">\(byCity[code]?.count ?? 0)</td></tr>"
        }.joined()
        return page("\(language.english ? en : zh) · HotGrid", language, """
            <h1>\(title)</h1>
            <figure>\(map)<figcaption>\(legend(language))</figcaption></figure>
            <h2>\(language.t("各城市", "Cities"))</h2>
            <table><thead><tr><th>\(language.t("城市", "City"))</th><th>\(language.t("热点网格", "Hotspot cells"))</th>
            <th>\(language.t("本月预警", "Warned this month"))</th></tr></thead><tbody>\(rows)</tbody></table>
            """)
    }

    /// The map's key: warning reasons by colour, and the hotspot cells' shade.
    func legend(_ language: Language) -> String {
        WarningReason.allCases.map { r in "<span class=\"key \(r.rawValue)\"></span>\(language.t(r.chineseName, r.englishName))" }
            .joined(separator: " ") + " <span class=\"key hot\"></span>\(language.t("热点网格", "hotspot cell"))"
    }

    /// A cell: its place, a monthly PM2.5 chart, warnings, escalations, and the count of open problems.
    func cellPage(_ id: CellID, _ request: Request) throws -> String {
        let language = Language(request)
        let report = try catalog.cellReport(id)
        let p = report.place
        let rows = report.months.map { m in
            "<tr><td>\(m.month)</td><td class=\"n\">\(m.pm25.map { String(format: "%.1f", $0) } ?? "—")</td><td class=\"n\">\(m.validDays)/\(m.expectedDays)</td>"
                + "<td>\(m.reasons.compactMap { WarningReason(rawValue: $0) }.map { "<span class=\"tag \($0.rawValue)\">\($0.chineseName)</span>" }.joined(separator: " "))</td>"
                + "<td>\(HTML.escape(m.escalations.joined(separator: ", ")))</td></tr>"
        }.joined(separator: "\n")
        return page("\(id) · HotGrid", language, """
            <h1>\(language.t("网格", "Cell")) \(id)</h1>
            <p><a href="/cities/\(p.cityCode)\(language.query)">\(HTML.escape(p.cityName))</a>
            <a href="/counties/\(p.countyCode)\(language.query)">\(HTML.escape(p.countyName))</a> · \(String(format: "%.5f°E %.5f°N", p.lon, p.lat)) ·
            \(language.t("热点网格年份", "Hotspot lists")): \(report.hotspotLists.map { listing(language, $0) }.joined(separator: ", ").nonEmptyOr("—")) ·
            \(language.t("未办结问题", "Open problems")): <b>\(report.openProblems)</b> ·
            <a href="/report?cell=\(id)\(language.english ? "&lang=en" : "")">\(language.t("报告此网格的数据错误", "Report a data error in this cell"))</a></p>
            <figure>\(MonthlyChart(months: report.months).svg)<figcaption>\(language.t("月均 PM2.5（µg/m³），红点为预警月份", "Monthly mean PM2.5 (µg/m³); red dots mark warned months"))</figcaption></figure>
            <table><thead><tr><th>\(language.t("月份", "Month"))</th><th>PM2.5</th><th>\(language.t("有效天数", "Valid days"))</th>
            <th>\(language.t("预警", "Warnings"))</th><th>\(language.t("升级", "Escalations"))</th></tr></thead><tbody>\(rows)</tbody></table>
            """)
    }

    /// "2017（第 12 名，入选概率 93 %）": a hotspot list holding the cell, its rank and how sure the list is of it.
    private func listing(_ language: Language, _ l: PublicCatalog.CellReport.Listing) -> String {
        let percent = l.probability.map { "\(Int(($0 * 100).rounded())) %" }
        return language.t("\(l.year)（第 \(l.rank) 名\(percent.map { "，入选概率 \($0)" } ?? "")）",
                          "\(l.year) (rank \(l.rank)\(percent.map { ", probability \($0)" } ?? ""))")
    }

    /// The published monthly lists with their SHA-256 and downloads.
    func publications(_ request: Request) throws -> String {
        let language = Language(request)
        let rows = try catalog.publications(month: nil).reversed().map { p in
            "<tr><td>\(p.month)</td><td class=\"n\">#\(p.id)\(p.replaces.map { " (\(language.t("更正", "corrects")) #\($0))" } ?? "")</td>"
                + "<td>\(HTML.escape(p.publishedAt))</td><td><code>\(p.sha256)</code></td><td>"
                + ["html", "csv", "geojson"].map { "<a href=\"/api/v1/publications/\(p.id)/\($0)\">\($0.uppercased())</a>" }.joined(separator: " ")
                + "</td></tr>"
        }.joined(separator: "\n")
        return page("Publications · HotGrid", language, """
            <h1>\(language.t("已发布的预警名单", "Published warning lists"))</h1>
            <p>\(language.t("名单发布后不再修改；更正作为新的发布并注明所替代的版本。CSV 文件可用 sha256sum 核验。",
                            "Published lists never change; a correction is a new publication naming the one it replaces. Check a CSV download with sha256sum."))</p>
            <table><thead><tr><th>\(language.t("月份", "Month"))</th><th>\(language.t("编号", "No."))</th><th>\(language.t("发布时间", "Published"))</th>
            <th>SHA-256 (CSV)</th><th>\(language.t("下载", "Download"))</th></tr></thead><tbody>\(rows)</tbody></table>
            """)
    }
}

/// A bar chart of monthly means, as SVG; warned months get a red dot.
struct MonthlyChart {
    let months: [PublicCatalog.CellReport.MonthRow]

    var svg: String {
        let top = max(50, (months.compactMap(\.pm25).max() ?? 0) * 1.1), width = 24.0, height = 200.0
        var bars = ""
        for (i, m) in months.enumerated() {
            let x = 40 + Double(i) * width
            if let v = m.pm25 {
                let h = v / top * height
                bars += "<rect x=\"\(x + 3)\" y=\"\(10 + height - h)\" width=\"\(width - 6)\" height=\"\(h)\" fill=\"#5b7fa6\"><title>\(m.month): \(v)</title></rect>"
            }
            if !m.reasons.isEmpty { bars += "<circle cx=\"\(x + width / 2)\" cy=\"\(height + 18)\" r=\"4\" fill=\"#c0392b\"/>" }
            if m.month.hasSuffix("-01") || i == 0 { bars += "<text x=\"\(x)\" y=\"\(height + 38)\" font-size=\"11\">\(m.month)</text>" }
        }
        let ticks = stride(from: 0.0, through: top, by: top > 150 ? 50 : 25).map { v in
            "<line x1=\"36\" x2=\"\(40 + Double(months.count) * width)\" y1=\"\(10 + height - v / top * height)\" y2=\"\(10 + height - v / top * height)\" stroke=\"#e1e6eb\"/>"
                + "<text x=\"4\" y=\"\(14 + height - v / top * height)\" font-size=\"11\">\(Int(v))</text>"
        }.joined()
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(50 + Double(months.count) * width) \(height + 50)\" role=\"img\" aria-label=\"monthly PM2.5\">\(ticks)\(bars)</svg>"
    }
}

extension String {
    func nonEmptyOr(_ fallback: String) -> String { isEmpty ? fallback : self }
}
