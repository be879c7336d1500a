import Foundation
import HotGridCore
import HotGridStore

/// The region's cells by id and its city and county names by code, for exports that print a
/// cell's place.
struct CellDirectory {
    let cells: [CellID: Cell]
    let cityNames: [String: String]
    let countyNames: [String: String]

    init(store: any Store) throws {
        cells = Dictionary(uniqueKeysWithValues: try store.cells().map { ($0.id, $0) })
        cityNames = Dictionary(try store.cities().map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        countyNames = Dictionary(try store.counties().map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    /// city_code, city_name, county_code, county_name, lon, lat of `cell`; nil when not in the region.
    func place(_ cell: CellID) -> [String]? {
        guard let c = cells[cell] else { return nil }
        return [c.cityCode, cityNames[c.cityCode] ?? "", c.countyCode, countyNames[c.countyCode] ?? "",
                String(format: "%.6f", c.longitude), String(format: "%.6f", c.latitude)]
    }
}
