import Foundation
import HotGridCore
import HotGridGeo

/// A property value of a GeoJSON feature.
enum PropertyValue: Encodable {
    case text(String)
    case number(Double)
    case null

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case let .text(t): try container.encode(t)
        case let .number(n): try container.encode(n)
        case .null: try container.encodeNil()
        }
    }
}

/// Cells as an RFC 7946 FeatureCollection: each cell's square in WGS84, its id as the feature id,
/// and the given properties.
enum CellGeoJSON {
    static func encode(_ features: [(cell: CellID, properties: [String: PropertyValue])]) throws -> Data {
        let grid = NationalGrid()
        let encoded = try features.map { feature in
            let ring = try grid.boundary(of: feature.cell).map { [round($0.longitude, 6), round($0.latitude, 6)] }
            return Feature(id: feature.cell.description, properties: feature.properties, geometry: Geometry(coordinates: [ring]))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return try encoder.encode(Collection(features: encoded))
    }

    static func round(_ value: Double, _ digits: Int) -> Double {
        let scale = pow(10, Double(digits))
        return (value * scale).rounded() / scale
    }

    private struct Geometry: Encodable {
        let type = "Polygon"
        let coordinates: [[[Double]]]
    }

    private struct Feature: Encodable {
        let type = "Feature"
        let id: String
        let properties: [String: PropertyValue]
        let geometry: Geometry
    }

    private struct Collection: Encodable {
        let type = "FeatureCollection"
        let features: [Feature]
    }
}
