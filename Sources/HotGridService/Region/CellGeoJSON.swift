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
    /// `metadata`, when given, is added to the collection as a foreign member under `metadataKey`.
    static func encode(_ features: [(cell: CellID, properties: [String: PropertyValue])],
                       metadata: [String: PropertyValue]? = nil, metadataKey: String = "metadata") throws -> Data {
        let grid = NationalGrid()
        let encoded = try features.map { feature in
            let ring = try grid.boundary(of: feature.cell).map { [round($0.longitude, 6), round($0.latitude, 6)] }
            return Feature(id: feature.cell.description, properties: feature.properties, geometry: Geometry(coordinates: [ring]))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return try encoder.encode(Collection(features: encoded, metadata: metadata.map { [metadataKey: $0] } ?? [:]))
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
        let features: [Feature]
        let metadata: [String: [String: PropertyValue]]

        private struct Key: CodingKey {
            let stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode("FeatureCollection", forKey: Key(stringValue: "type"))
            try c.encode(features, forKey: Key(stringValue: "features"))
            for (key, value) in metadata { try c.encode(value, forKey: Key(stringValue: key)) }
        }
    }
}
