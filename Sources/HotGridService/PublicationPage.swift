import Foundation
import HotGridCore
import HotGridStore

/// The public warning list of a month as one self-contained HTML page a citizen can read:
/// Chinese first with English beside it, a map of the warned cells drawn from the region's own
/// cells (no network needed), a summary per city and the table.
struct PublicationPage {
    let publication: Publication
    let records: [[String: String]]
    let store: any Store

    var html: String {
        get throws {
            let cells = try store.cells()
            let cityNames = Dictionary(try store.cities().map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
            var marked: [CellID: String] = [:]
            for row in records {
                guard let cell = row["cell_id"].flatMap(CellID.init), let first = Self.reasons(row).first else { continue }
                marked[cell] = first.rawValue
            }
            // Publications from before the hotspot cells were stored with them shade today's list.
            let hotspotYear = try store.warningList(month: publication.month)?.hotspotYear
            let shaded = Set(try publication.hotspotCells ?? hotspotYear.flatMap { try store.hotspotList(year: $0) }?.entries.map(\.cell) ?? [])
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
    }

    private var provenance: String {
        let correction = publication.replaces.map {
            "<p class=\"correction\">本版为更正，替代第 \($0) 号发布。<span class=\"en\">This publication corrects publication #\($0).</span></p>"
        } ?? ""
        return """
            <section class="provenance"><p>发布编号 <span class="en">Publication</span> #\(publication.id) · \
            发布时间 <span class="en">Published</span> <time>\(HTML.escape(publication.publishedAt))</time> · \
            预警网格 <span class="en">Warned cells</span> \(records.count)</p>\(correction)
            <p>名单 CSV 文件的 SHA-256 <span class="en">SHA-256 of the list's CSV file</span>：<code>\(publication.sha256)</code></p></section>
            """
    }

    private var legend: String {
        WarningReason.allCases.map { r in
            "<span class=\"key \(r.rawValue)\"></span>\(r.chineseName) <span class=\"en\">\(r.englishName)</span>"
        }.joined(separator: " ") + " <span class=\"key hot\"></span>热点网格 <span class=\"en\">hotspot cell</span>"
    }

    private var citySummary: String {
        let byCity = Dictionary(grouping: records, by: { $0["city_code"] ?? "" }).sorted { $0.key < $1.key }
        let rows = byCity.map { code, rows -> String in
            "<tr><td>\(HTML.escape(rows[0]["city_name"] ?? ""))</td><td>\(HTML.escape(code))</td><td class=\"n\">\(rows.count)</td>"
                + WarningReason.allCases.map { r in "<td class=\"n\">\(rows.filter { Self.reasons($0).contains(r) }.count)</td>" }.joined()
                + "</tr>"
        }.joined(separator: "\n")
        let heads = WarningReason.allCases.map { "<th>\($0.chineseName)<br><span class=\"en\">\($0.englishName)</span></th>" }.joined()
        return "<table><thead><tr><th>城市<br><span class=\"en\">City</span></th><th>代码<br><span class=\"en\">Code</span></th>"
            + "<th>预警网格<br><span class=\"en\">Warned</span></th>\(heads)</tr></thead><tbody>\(rows)</tbody></table>"
    }

    private var table: String {
        let rows = records.enumerated().map { i, row -> String in
            let cells = [row["city_name"], row["county_name"], row["cell_id"]].map { "<td>\(HTML.escape($0 ?? ""))</td>" }.joined()
            let numbers = [row["lon"], row["lat"], row["pm25"], row["yoy_change_pct"], row["mom_change_pct"]]
                .map { "<td class=\"n\">\(HTML.escape($0 ?? ""))</td>" }.joined()
            let reasons = Self.reasons(row).map { "<span class=\"tag \($0.rawValue)\">\($0.chineseName)</span>" }.joined(separator: " ")
            return "<tr><td class=\"n\">\(i + 1)</td>\(cells)\(numbers)<td>\(reasons)</td></tr>"
        }.joined(separator: "\n")
        let heads = [("序号", "No."), ("城市", "City"), ("区县", "County"), ("网格编号", "Cell"), ("经度", "Lon"), ("纬度", "Lat"),
                     ("PM2.5", "µg/m³"), ("同比 %", "YoY %"), ("环比 %", "MoM %"), ("预警类型", "Reason")]
            .map { "<th>\($0.0)<br><span class=\"en\">\($0.1)</span></th>" }.joined()
        return "<table class=\"list\"><thead><tr>\(heads)</tr></thead><tbody>\(rows)</tbody></table>"
    }

    static func reasons(_ row: [String: String]) -> [WarningReason] {
        (row["reasons"] ?? "").split(separator: ";").compactMap { WarningReason(rawValue: String($0)) }
    }
}
