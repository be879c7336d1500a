import Foundation
import HotGridCore
import HotGridGeo

/// A county read from a boundaries file: its identity and its polygons in the grid's CRS.
struct CountyBoundary {
    let county: AdminUnit
    let city: AdminUnit
    var polygons: [Polygon]
}

/// Reads county boundaries from a vector file, checking every feature and projecting it to the grid.
enum BoundaryLoader {
    /// The counties of `path`, keeping only features for which `keep` is true (given the
    /// attributes named in `fields` and `extraFields`). Parts of a county spread over several
    /// features are merged.
    static func load(path: String, fields: BoundaryFields, extraFields: [String] = [],
                     keep: ([String: String]) -> Bool = { _ in true }) throws -> [CountyBoundary] {
        let file = try VectorFile(path: path)
        let features = try file.readFeatures(fields: fields.all + extraFields, projectingTo: .nationalGrid())
        var counties: [String: CountyBoundary] = [:]
        var order: [String] = []
        for feature in features where keep(feature.attributes) {
            var values: [String] = []
            for field in fields.all {
                let value = (feature.attributes[field] ?? "").trimmingCharacters(in: .whitespaces)
                guard !value.isEmpty else { throw GeoError.emptyField(path: path, feature: feature.number, field: field) }
                values.append(value)
            }
            let (code, name, cityCode, cityName) = (values[0], values[1], values[2], values[3])
            guard !feature.polygons.isEmpty else {
                if let type = feature.geometryType, !type.uppercased().contains("POLYGON") {
                    throw GeoError.notPolygonal(path: path, feature: feature.number, code: code, geometryType: type)
                }
                throw GeoError.emptyGeometry(path: path, feature: feature.number, code: code)
            }
            guard feature.isValid else { throw GeoError.invalidGeometry(path: path, feature: feature.number, code: code) }
            if var existing = counties[code] {
                guard existing.county.name == name, existing.city.code == cityCode else {
                    throw ServiceError.conflictingUnit(path: path, code: code, detail: "names or cities")
                }
                existing.polygons += feature.polygons
                counties[code] = existing
            } else {
                order.append(code)
                counties[code] = CountyBoundary(
                    county: AdminUnit(code: code, name: name, level: .county, parentCode: cityCode),
                    city: AdminUnit(code: cityCode, name: cityName, level: .city),
                    polygons: feature.polygons)
            }
        }
        return order.compactMap { counties[$0] }
    }
}
