import Foundation
import HotGridCore
import HotGridStore

/// Warning lists and escalations as CSV, with the columns `hotgrid warn --help` documents.
public struct WarningExport {
    public static let columns = ["month", "cell_id", "city_code", "city_name", "county_code", "county_name", "lon", "lat",
                                 "reasons", "pm25", "yoy_change_pct", "mom_change_pct"]
    public static let escalationColumns = ["cell_id", "city_code", "county_code", "month", "rule", "consecutive_months",
                                           "warnings_in_window", "actions"]
    private let store: any Store

    public init(store: any Store) { self.store = store }

    /// The lists of `months`, by month, then city, county and cell.
    public func csv(_ lists: [WarningList]) throws -> Data {
        let directory = try RegionDirectory(store: store)
        var table = CSVTable(header: Self.columns)
        for list in lists {
            let rows = list.cells.compactMap { w in directory.placeColumns(w.cell).map { (w, $0) } }
                .sorted { ($0.1[0], $0.1[2], $0.0.cell) < ($1.1[0], $1.1[2], $1.0.cell) }
            for (w, place) in rows {
                table.append([list.month.description, w.cell.description] + place + [
                    w.reasons.map(\.rawValue).joined(separator: ";"), String(format: "%.1f", w.pm25),
                    w.yearOnYearPercent.map { String(format: "%.1f", $0) } ?? "",
                    w.monthOnMonthPercent.map { String(format: "%.1f", $0) } ?? "",
                ])
            }
        }
        return table.data
    }

    public func escalationsCSV(_ escalations: [Escalation]) throws -> Data {
        let region = try RegionDirectory(store: store)
        var table = CSVTable(header: Self.escalationColumns)
        for e in escalations {
            let place = region.place(e.cell)
            table.append([e.cell.description, place?.cityCode ?? "", place?.countyCode ?? "", e.month.description,
                          e.rule, "\(e.consecutiveMonths)", "\(e.warningsInWindow)", e.actions.map(\.rawValue).joined(separator: ";")])
        }
        return table.data
    }

    /// One month: per city, hotspot cells, warned cells, cells per kind and cells escalated.
    /// Several months: the same per month, over the region.
    public func summary(_ months: [WarningMonth]) throws -> String {
        let directory = try RegionDirectory(store: store)
        var table = TextTable(columns: ["month", "city_code", "city", "hotspots", "warned", "highest", "yoy", "mom", "escalated"],
                              rightAligned: [3, 4, 5, 6, 7, 8])
        var hotspotsByYear: [Int: [String: Int]] = [:]
        for m in months {
            let year = m.list.hotspotYear
            if hotspotsByYear[year] == nil {
                let entries = try store.hotspotList(year: year)?.entries ?? []
                hotspotsByYear[year] = Dictionary(grouping: entries, by: { directory.cell($0.cell)?.cityCode ?? "" }).mapValues(\.count)
            }
            let city = { (cell: CellID) in months.count == 1 ? directory.cell(cell)?.cityCode ?? "" : "" }
            let byCity = Dictionary(grouping: m.list.cells, by: { city($0.cell) })
            let escalated = Dictionary(grouping: Set(m.escalations.map(\.cell)), by: city)
            for code in byCity.keys.sorted() {
                let warned = byCity[code]!
                let hotspots = code.isEmpty ? hotspotsByYear[year]!.values.reduce(0, +) : hotspotsByYear[year]?[code] ?? 0
                let kinds = WarningReason.allCases.map { r in "\(warned.filter { $0.reasons.contains(r) }.count)" }
                table.add([m.list.month.description, code.isEmpty ? "all" : code, directory.cityNames[code] ?? "", "\(hotspots)",
                           "\(warned.count)"] + kinds + ["\(escalated[code]?.count ?? 0)"])
            }
        }
        return table.text
    }
}
