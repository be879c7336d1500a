import Foundation
import HotGridCore

/// The public warning list of a month as one self-contained HTML page a citizen can read:
/// Chinese first with English beside it, a map of the warned cells drawn from the region's own
/// cells (no network needed), a summary per city and the table.
public struct PublicationPage: Sendable {
    let publication: Publication
    /// The list's rows as its CSV names them (`cell_id`, `city_name`, `reasons` …).
    let records: [[String: String]]
    let cells: [Cell]
    let cityNames: [String: String]
    /// The hotspot cells the map shades.
    let shaded: Set<CellID>

    public init(publication: Publication, records: [[String: String]], cells: [Cell], cityNames: [String: String], shaded: Set<CellID>) {
        self.publication = publication
        self.records = records
        self.cells = cells
        self.cityNames = cityNames
        self.shaded = shaded
    }

    public var html: HTML {
        var marked: [CellID: String] = [:]
        for row in records {
            guard let cell = row["cell_id"].flatMap(CellID.init), let first = Self.reasons(row).first else { continue }
            marked[cell] = first.rawValue
        }
        let m = publication.month
        let map = CellMapSVG(cells: cells, names: cityNames, shaded: shaded, marked: marked,
                             title: "\(m.year)年\(m.month)月热点网格预警 Hotspot grid warnings \(m)").svg
        return """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(m.year)年\(m.month)月大气污染热点网格预警名单 · Hotspot grid warning list \(m)</title>
            <style>\(PageStyle.css)</style></head><body>
            <header><h1>\(m.year)年\(m.month)月大气污染热点网格预警名单</h1>
            <p class="en">Air-pollution hotspot grid warning list, \(m)</p></header>
            \(provenance)
            <section><h2>预警网格分布 <span class="en">Map of warned cells</span></h2>
            <figure>\(map)<figcaption>\(legend)</figcaption></figure></section>
            <section><h2>各城市预警网格数 <span class="en">Warned cells per city</span></h2>\(citySummary)</section>
            <section><h2>预警网格名单 <span class="en">The list</span></h2>\(table)</section>
            <footer><p>预警类型：浓度最高、同比恶化最严重、环比恶化最严重，均在本市热点网格中排名。PM2.5 为网格月均浓度估算值（µg/m³）。</p>
            <p class="en">Each city's hotspot cells with the highest monthly mean PM2.5, the worst change on the same month last year and
            the worst change on the previous month are warned. PM2.5 is the cell's estimated monthly mean (µg/m³).</p></footer>
            </body></html>

            """
    }

    private var provenance: HTML {
        let correction: HTML? = publication.replaces.map {
            "<p class=\"correction\">本版为更正，替代第 \($0) 号发布。<span class=\"en\">This publication corrects publication #\($0).</span></p>"
        }
        return """
            <section class="provenance"><p>发布编号 <span class="en">Publication</span> #\(publication.id) · \
            发布时间 <span class="en">Published</span> <time>\(publication.publishedAt)</time> · \
            预警网格 <span class="en">Warned cells</span> \(records.count)</p>\(correction)
            <p>名单 CSV 文件的 SHA-256 <span class="en">SHA-256 of the list's CSV file</span>：<code>\(publication.sha256)</code></p></section>
            """
    }

    private var legend: HTML {
        WarningReason.allCases.map { r -> HTML in
            "<span class=\"key \(r.rawValue)\"></span>\(r.chineseName) <span class=\"en\">\(r.englishName)</span>"
        }.joined(separator: " ") + " <span class=\"key hot\"></span>热点网格 <span class=\"en\">hotspot cell</span>"
    }

    private var citySummary: HTML {
        let byCity = Dictionary(grouping: records, by: { $0["city_code"] ?? "" }).sorted { $0.key < $1.key }
        let rows = byCity.map { code, rows -> HTML in
            "<tr><td>\(rows[0]["city_name"] ?? "")</td><td>\(code)</td><td class=\"n\">\(rows.count)</td>"
                + WarningReason.allCases.map { r -> HTML in "<td class=\"n\">\(rows.filter { Self.reasons($0).contains(r) }.count)</td>" }.joined()
                + "</tr>"
        }.joined(separator: "\n")
        let heads = WarningReason.allCases.map { r -> HTML in "<th>\(r.chineseName)<br><span class=\"en\">\(r.englishName)</span></th>" }.joined()
        return "<table><thead><tr><th>城市<br><span class=\"en\">City</span></th><th>代码<br><span class=\"en\">Code</span></th>"
            + "<th>预警网格<br><span class=\"en\">Warned</span></th>\(heads)</tr></thead><tbody>\(rows)</tbody></table>"
    }

    private var table: HTML {
        let rows = records.enumerated().map { i, row -> HTML in
            let cells = [row["city_name"], row["county_name"], row["cell_id"]].map { v -> HTML in "<td>\(v ?? "")</td>" }.joined()
            let numbers = [row["lon"], row["lat"], row["pm25"], row["yoy_change_pct"], row["mom_change_pct"]]
                .map { v -> HTML in "<td class=\"n\">\(v ?? "")</td>" }.joined()
            let reasons = PortalPages.tags(Self.reasons(row))
            return "<tr><td class=\"n\">\(i + 1)</td>\(cells)\(numbers)<td>\(reasons)</td></tr>"
        }.joined(separator: "\n")
        let heads = [("序号", "No."), ("城市", "City"), ("区县", "County"), ("网格编号", "Cell"), ("经度", "Lon"), ("纬度", "Lat"),
                     ("PM2.5", "µg/m³"), ("同比 %", "YoY %"), ("环比 %", "MoM %"), ("预警类型", "Reason")]
            .map { h -> HTML in "<th>\(h.0)<br><span class=\"en\">\(h.1)</span></th>" }.joined()
        return "<table class=\"list\"><thead><tr>\(heads)</tr></thead><tbody>\(rows)</tbody></table>"
    }

    static func reasons(_ row: [String: String]) -> [WarningReason] {
        (row["reasons"] ?? "").split(separator: ";").compactMap { WarningReason(rawValue: String($0)) }
    }
}
