import Foundation
import HotGridCore
import HotGridStore

/// `hotgrid inventory`: what is loaded, per variable and per station.
public struct InventoryReport {
    private let store: any Store

    public init(store: any Store) { self.store = store }

    public func render() throws -> String {
        let fields = try store.fieldInventory()
        let stations = try store.stationInventory()
        var text = "Region \(try store.regionInfo().name) · \(try store.cellCount()) cells\n\n"
        if fields.isEmpty {
            text += "Gridded fields: none. Load one with `hotgrid ingest field`.\n"
        } else {
            var table = TextTable(columns: ["variable", "unit", "first_day", "last_day", "days", "present_%"], rightAligned: [4, 5])
            for f in fields {
                table.add([f.variable, FieldVariable(rawValue: f.variable)?.unit ?? "", f.firstDay.description, f.lastDay.description,
                           "\(f.days)", String(format: "%.1f", 100 * f.presentShare)])
            }
            text += "Gridded fields (present_% = share of cell-days with a value)\n" + table.text
        }
        text += "\n"
        if stations.isEmpty {
            text += "Stations: none. Load them with `hotgrid ingest stations`.\n"
        } else {
            var table = TextTable(columns: ["station_id", "name", "background", "cell_id", "first_day", "last_day", "days", "valid_days"],
                                  rightAligned: [6, 7])
            for s in stations {
                let background = s.station.background.map { $0 ? "对照点" : "no" } ?? "—"
                table.add([s.station.id, s.station.name, background, s.station.cell.description, s.firstDay?.description ?? "—",
                           s.lastDay?.description ?? "—", "\(s.days)", "\(s.validDays)"])
            }
            let valid = stations.reduce(0) { $0 + $1.validDays }, days = stations.reduce(0) { $0 + $1.days }
            table.addRule()
            table.add(["\(stations.count) stations", "", "", "", "", "", "\(days)", "\(valid)"])
            text += "Stations (valid_days: daily mean from ≥ 20 valid hours, HJ 663-2013; background: CNEMC's 对照点 where the source says)\n" + table.text
        }
        return text
    }
}
