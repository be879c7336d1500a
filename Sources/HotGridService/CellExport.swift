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

    private let store: SQLiteStore

    public init(store: SQLiteStore) { self.store = store }

    public func render(_ format: Format) throws -> Data {
        let cities = Dictionary(try store.cities().map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let counties = Dictionary(try store.counties().map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let cells = try store.cells()
        let rows = cells.map { cell -> CellRow in
            CellRow(cell_id: cell.id.description, city_code: cell.cityCode, city_name: cities[cell.cityCode] ?? "",
                    county_code: cell.countyCode, county_name: counties[cell.countyCode] ?? "",
                    lon: Self.round(cell.longitude, 6), lat: Self.round(cell.latitude, 6),
                    area_km2: Self.round(cell.areaInside / 1e6, 4))
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
            let grid = NationalGrid()
            let features = try zip(cells, rows).map { cell, row in
                let ring = try grid.boundary(of: cell.id).map { [Self.round($0.longitude, 6), Self.round($0.latitude, 6)] }
                return CellFeature(id: row.cell_id, properties: row, geometry: .init(coordinates: [ring]))
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
            return try encoder.encode(FeatureCollection(features: features))
        }
    }

    private static func round(_ value: Double, _ digits: Int) -> Double {
        let scale = pow(10, Double(digits))
        return (value * scale).rounded() / scale
    }
}

// The GeoJSON (RFC 7946) shapes of a cell export; property names are the CSV's columns.
private struct CellRow: Encodable {
    let cell_id, city_code, city_name, county_code, county_name: String
    let lon, lat, area_km2: Double
}

private struct PolygonGeometry: Encodable {
    let type = "Polygon"
    let coordinates: [[[Double]]]
}

private struct CellFeature: Encodable {
    let type = "Feature"
    let id: String
    let properties: CellRow
    let geometry: PolygonGeometry
}

private struct FeatureCollection: Encodable {
    let type = "FeatureCollection"
    let features: [CellFeature]
}
