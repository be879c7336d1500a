import Foundation
import HotGridCore
import HotGridStore

/// Hotspot lists as CSV (and GeoJSON), with the columns `hotgrid select --help` documents.
public struct HotspotExport {
    public static let columns = ["cell_id", "rank", "city_code", "city_name", "county_code", "county_name", "lon", "lat",
                                 "emission_index", "pm25_annual", "probability"]
    private let store: any Store

    public init(store: any Store) { self.store = store }

    /// The stored list of `year` in `format`.
    public func render(year: Int, format: CellExport.Format) throws -> Data {
        guard let list = try store.hotspotList(year: year) else { throw SelectionError.noList(year: year) }
        return format == .csv ? try csv(list) : try geojson(list)
    }

    public func geojson(_ list: HotspotList) throws -> Data {
        let directory = try RegionDirectory(store: store)
        return try CellGeoJSON.encode(list.entries.compactMap { e in
            guard let cell = directory.cell(e.cell) else { return nil }
            return (e.cell, ["cell_id": .text(e.cell.description), "rank": .number(Double(e.rank)), "city_code": .text(cell.cityCode),
                             "city_name": .text(directory.cityNames[cell.cityCode] ?? ""), "county_code": .text(cell.countyCode),
                             "county_name": .text(directory.countyNames[cell.countyCode] ?? ""),
                             "lon": .number(CellGeoJSON.round(cell.longitude, 6)), "lat": .number(CellGeoJSON.round(cell.latitude, 6)),
                             "emission_index": .number(CellGeoJSON.round(e.emissionIndex, 3)),
                             "pm25_annual": e.pm25Annual.map { .number(CellGeoJSON.round($0, 2)) } ?? .null,
                             "probability": e.probability.map { .number(CellGeoJSON.round($0, 3)) } ?? .null])
        })
    }

    /// How sure the list is of its cells: how many are near-certain, and how many the data cannot
    /// separate from the cells just outside.
    public static func certaintySummary(_ list: HotspotList) -> String {
        let p = list.entries.compactMap(\.probability).sorted()
        guard !p.isEmpty else { return "" }
        let sure = p.filter { $0 >= 0.9 }.count, unsure = p.filter { $0 < 0.5 }.count
        return "Probability of belonging in the list: \(sure) of \(p.count) cells ≥ 0.9, \(unsure) below 0.5, "
            + String(format: "median %.2f\n", p[p.count / 2])
    }

    /// Per city: cells, hotspots and the hotspots' share of the city's area, heaviest first.
    public func citySummary(_ list: HotspotList) throws -> String {
        let cells = try store.cells()
        let listed = Set(list.entries.map(\.cell))
        var table = TextTable(columns: ["city_code", "city", "cells", "hotspots", "share_of_area_%"], rightAligned: [2, 3, 4])
        let names = Dictionary(try store.cities().map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let byCity = Dictionary(grouping: cells, by: \.cityCode)
        let rows = byCity.map { code, cityCells -> (String, Int, Int, Double) in
            let hot = cityCells.filter { listed.contains($0.id) }
            let share = hot.reduce(0) { $0 + $1.areaInside } / max(1, cityCells.reduce(0) { $0 + $1.areaInside })
            return (code, cityCells.count, hot.count, share)
        }.sorted { ($0.2, $1.0) > ($1.2, $0.0) }
        for (code, n, hot, share) in rows {
            table.add([code, names[code] ?? "", "\(n)", "\(hot)", String(format: "%.1f", 100 * share)])
        }
        table.addRule()
        table.add(["", "合计 Total", "\(cells.count)", "\(list.entries.count)", String(format: "%.1f", 100 * Double(list.entries.count) / Double(max(1, cells.count)))])
        return table.text
    }

    public func csv(_ list: HotspotList) throws -> Data {
        let directory = try RegionDirectory(store: store)
        var table = CSVTable(header: Self.columns)
        for e in list.entries {
            guard let place = directory.placeColumns(e.cell) else { continue }
            table.append([e.cell.description, "\(e.rank)"] + place
                         + [String(format: "%.3f", e.emissionIndex), e.pm25Annual.map { String(format: "%.2f", $0) } ?? "",
                            e.probability.map { String(format: "%.3f", $0) } ?? ""])
        }
        return table.data
    }
}
