import Foundation
import HotGridCore
import HotGridGeo
import HotGridStore

/// `hotgrid cells`: every cell of the region with its city, county, centre and area inside.
public struct CellExport {
    public enum Format: String, CaseIterable, Sendable {
        case csv, geojson
    }

    /// The columns of the CSV and the properties of each GeoJSON feature, in order.
    public static let columns = ["cell_id", "city_code", "city_name", "county_code", "county_name", "lon", "lat", "area_km2"]

    private let store: any Store

    public init(store: any Store) { self.store = store }

    public func render(_ format: Format) throws -> Data {
        let cities = Dictionary(try store.cities().map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let counties = Dictionary(try store.counties().map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let cells = try store.cells()
        let rows = cells.map { cell -> CellRow in
            CellRow(id: cell.id, cell_id: cell.id.description, city_code: cell.cityCode, city_name: cities[cell.cityCode] ?? "",
                    county_code: cell.countyCode, county_name: counties[cell.countyCode] ?? "",
                    lon: CellGeoJSON.round(cell.longitude, 6), lat: CellGeoJSON.round(cell.latitude, 6),
                    area_km2: CellGeoJSON.round(cell.areaInside / 1e6, 4))
        }
        switch format {
        case .csv:
            var table = CSVTable(header: Self.columns)
            for row in rows {
                table.append([row.cell_id, row.city_code, row.city_name, row.county_code, row.county_name,
                              String(row.lon), String(row.lat), String(row.area_km2)])
            }
            return table.data
        case .geojson:
            return try CellGeoJSON.encode(rows.map { row in
                (row.id, ["cell_id": .text(row.cell_id), "city_code": .text(row.city_code), "city_name": .text(row.city_name),
                                        "county_code": .text(row.county_code), "county_name": .text(row.county_name),
                                        "lon": .number(row.lon), "lat": .number(row.lat), "area_km2": .number(row.area_km2)])
            })
        }
    }
}

/// One row of the cell export.
private struct CellRow {
    let id: CellID
    let cell_id, city_code, city_name, county_code, county_name: String
    let lon, lat, area_km2: Double
}
