import Foundation
import HotGridCore
import HotGridStore

/// The region's cells and the names of its cities and counties, read once — they do not change
/// after `hotgrid init` — and shared by every use case that places a cell: scope checks, exports,
/// the public catalog and the pages.
public struct RegionDirectory: Sendable {
    /// Every cell, in the store's order: a cell's position here is its dense index.
    public let cells: [Cell]
    public let cityNames: [String: String]
    public let countyNames: [String: String]
    private let index: [CellID: Int]
    private let cityCodes: Set<String>
    private let countyCodes: Set<String>

    public init(store: any Store) throws {
        cells = try store.cells()
        index = Dictionary(uniqueKeysWithValues: cells.enumerated().map { ($1.id, $0) })
        cityNames = Dictionary(try store.cities().map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        countyNames = Dictionary(try store.counties().map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        cityCodes = Set(cells.map(\.cityCode))
        countyCodes = Set(cells.map(\.countyCode))
    }

    /// The cells' resolution (3 km for a region without cells).
    public var resolution: GridResolution { cells.first?.id.resolution ?? .m3000 }

    /// `id`'s dense index; nil outside the region.
    public func denseIndex(_ id: CellID) -> Int? { index[id] }

    public func cell(_ id: CellID) -> Cell? { index[id].map { cells[$0] } }

    /// Where `id` lies, for scope checks; nil outside the region.
    public func place(_ id: CellID) -> CellPlace? { cell(id).map { CellPlace(cell: $0.id, cityCode: $0.cityCode, countyCode: $0.countyCode) } }

    /// `id` with its city's and county's names and its centre; nil outside the region.
    public func location(_ id: CellID) -> CellLocation? {
        cell(id).map { CellLocation(cell: $0, cityName: cityNames[$0.cityCode] ?? "", countyName: countyNames[$0.countyCode] ?? "") }
    }

    /// Whether some cell of the region lies in city `code`.
    public func hasCity(_ code: String) -> Bool { cityCodes.contains(code) }

    /// Whether some cell of the region lies in county `code`.
    public func hasCounty(_ code: String) -> Bool { countyCodes.contains(code) }

    /// city_code, city_name, county_code, county_name, lon, lat of `cell`, as exports print them;
    /// nil when not in the region.
    func placeColumns(_ id: CellID) -> [String]? {
        guard let c = cell(id) else { return nil }
        return [c.cityCode, cityNames[c.cityCode] ?? "", c.countyCode, countyNames[c.countyCode] ?? "",
                String(format: "%.6f", c.longitude), String(format: "%.6f", c.latitude)]
    }
}
