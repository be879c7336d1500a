import Foundation
import CGDAL
import HotGridCore

/// One feature of a vector file as values: its attributes as text and its polygons.
public struct VectorFeature: Sendable {
    /// Position in the layer, counting from 1, for error messages.
    public let number: Int
    public let attributes: [String: String]
    /// The feature's polygons (a Polygon gives one, a MultiPolygon several); empty when the
    /// feature has no geometry or a non-polygonal one (see ``geometryType``).
    public let polygons: [Polygon]
    /// GDAL's name of the geometry type, e.g. `Multi Polygon`; nil without geometry.
    public let geometryType: String?
    /// Whether the geometry is valid in the OGC sense (GEOS): no ring crossing itself or another.
    public let isValid: Bool
}

/// A vector file (GeoJSON, Shapefile, GeoPackage, … anything GDAL reads) opened for reading its
/// first layer.
public final class VectorFile {
    public let path: String
    private let dataset: GDALDatasetH
    private let layer: OGRLayerH

    public init(path: String) throws {
        try GDALRuntime.requireReadableFile(path)
        GDALRuntime.ensureRegistered()
        GDALRuntime.resetError()
        guard let dataset = GDALOpenEx(path, UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY), nil, nil, nil) else {
            throw GeoError.cannotOpen(path: path, reason: GDALRuntime.lastErrorMessage(or: "not a vector file"))
        }
        guard GDALDatasetGetLayerCount(dataset) > 0, let layer = GDALDatasetGetLayer(dataset, 0) else {
            GDALClose(dataset)
            throw GeoError.noLayer(path: path)
        }
        self.path = path
        self.dataset = dataset
        self.layer = layer
    }

    deinit { GDALClose(dataset) }

    /// The layer's attribute field names, in order.
    public var fieldNames: [String] {
        let definition = OGR_L_GetLayerDefn(layer)
        return (0..<OGR_FD_GetFieldCount(definition)).map { index in
            String(cString: OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(definition, index)))
        }
    }

    /// The layer's CRS; nil when the file declares none.
    public var spatialReference: SpatialReference? {
        SpatialReference.cloning(OGR_L_GetSpatialRef(layer))
    }

    /// Reads every feature, keeping the attributes named in `fields` (all must exist) and the
    /// polygons, transformed to `target` when given.
    public func readFeatures(fields: [String], projectingTo target: SpatialReference? = nil) throws -> [VectorFeature] {
        let available = fieldNames
        let indices = try fields.map { field -> (String, Int32) in
            guard let index = available.firstIndex(of: field) else {
                throw GeoError.missingField(path: path, field: field, available: available)
            }
            return (field, Int32(index))
        }
        var transformation: CoordinateTransformation?
        if let target {
            guard let source = spatialReference else { throw GeoError.noCRS(path: path) }
            if !source.isSame(as: target) {
                transformation = try CoordinateTransformation(from: source, to: target)
            }
        }
        var features: [VectorFeature] = []
        OGR_L_ResetReading(layer)
        var number = 0
        while let feature = OGR_L_GetNextFeature(layer) {
            defer { OGR_F_Destroy(feature) }
            number += 1
            var attributes: [String: String] = [:]
            for (field, index) in indices where OGR_F_IsFieldSetAndNotNull(feature, index) != 0 {
                attributes[field] = String(cString: OGR_F_GetFieldAsString(feature, index))
            }
            var polygons: [Polygon] = []
            var typeName: String?
            var isValid = true
            if let geometry = OGR_F_GetGeometryRef(feature) {
                typeName = String(cString: OGR_G_GetGeometryName(geometry))
                isValid = OGR_G_IsValid(geometry) != 0
                Self.collectPolygons(geometry, into: &polygons)
                if let transformation {
                    for p in polygons.indices {
                        for r in polygons[p].rings.indices { try transformation.transform(&polygons[p].rings[r]) }
                    }
                }
            }
            features.append(VectorFeature(number: number, attributes: attributes, polygons: polygons,
                                          geometryType: typeName, isValid: isValid))
        }
        return features
    }

    private static func collectPolygons(_ geometry: OGRGeometryH, into polygons: inout [Polygon]) {
        switch OGR_GT_Flatten(OGR_G_GetGeometryType(geometry)) {
        case wkbPolygon:
            let rings = (0..<OGR_G_GetGeometryCount(geometry)).compactMap { index -> [ProjectedPoint]? in
                guard let ring = OGR_G_GetGeometryRef(geometry, index) else { return nil }
                let points = ringPoints(ring)
                return points.count >= 3 ? points : nil
            }
            if !rings.isEmpty { polygons.append(Polygon(rings: rings)) }
        case wkbMultiPolygon, wkbGeometryCollection:
            for index in 0..<OGR_G_GetGeometryCount(geometry) {
                if let part = OGR_G_GetGeometryRef(geometry, index) { collectPolygons(part, into: &polygons) }
            }
        default:
            break
        }
    }

    /// The ring's points without the closing repeat of the first.
    private static func ringPoints(_ ring: OGRGeometryH) -> [ProjectedPoint] {
        let count = Int(OGR_G_GetPointCount(ring))
        guard count > 0 else { return [] }
        var xs = [Double](repeating: 0, count: count)
        var ys = [Double](repeating: 0, count: count)
        let stride = Int32(MemoryLayout<Double>.stride)
        xs.withUnsafeMutableBytes { xb in
            ys.withUnsafeMutableBytes { yb in
                _ = OGR_G_GetPoints(ring, xb.baseAddress, stride, yb.baseAddress, stride, nil, 0)
            }
        }
        var points = zip(xs, ys).map { ProjectedPoint(x: $0, y: $1) }
        if points.count > 1, points.first == points.last { points.removeLast() }
        return points
    }
}
