import CGDAL
import HotGridCore

/// A coordinate reference system, owned by Swift. Axis order is always x = longitude/easting,
/// y = latitude/northing (GDAL's "traditional GIS order"), whatever the authority says.
public final class SpatialReference {
    let handle: OGRSpatialReferenceH

    /// Takes ownership of `handle`, which must be a fresh or cloned SRS.
    init(owning handle: OGRSpatialReferenceH) {
        self.handle = handle
        OSRSetAxisMappingStrategy(handle, OAMS_TRADITIONAL_GIS_ORDER)
    }

    /// A copy of an SRS GDAL owns (a layer's or a dataset's), or nil when there is none.
    static func cloning(_ borrowed: OGRSpatialReferenceH?) -> SpatialReference? {
        guard let borrowed, let copy = OSRClone(borrowed) else { return nil }
        return SpatialReference(owning: copy)
    }

    /// Any definition GDAL understands: `EPSG:4326`, a PROJ string, WKT.
    public convenience init(definition: String) throws {
        GDALRuntime.ensureRegistered()
        guard let handle = OSRNewSpatialReference(nil) else {
            throw GeoError.invalidCRS(definition: definition, reason: "out of memory")
        }
        GDALRuntime.resetError()
        guard OSRSetFromUserInput(handle, definition) == OGRERR_NONE else {
            OSRDestroySpatialReference(handle)
            throw GeoError.invalidCRS(definition: definition, reason: GDALRuntime.lastErrorMessage())
        }
        self.init(owning: handle)
    }

    /// WGS84 longitude/latitude (EPSG:4326).
    public static func wgs84() -> SpatialReference {
        // Both definitions are constants GDAL always knows; failing here means a broken GDAL install.
        try! SpatialReference(definition: "EPSG:4326")
    }

    /// The national grid's Albers equal-area CRS.
    public static func nationalGrid() -> SpatialReference {
        try! SpatialReference(definition: GridSpec.albersProj4)
    }

    /// The CRS as WKT2, for storing or showing.
    public var wkt: String {
        var text: UnsafeMutablePointer<CChar>?
        guard OSRExportToWkt(handle, &text) == OGRERR_NONE, let text else { return "" }
        defer { VSIFree(text) }
        return String(cString: text)
    }

    /// True for a longitude/latitude CRS.
    public var isGeographic: Bool { OSRIsGeographic(handle) != 0 }

    /// True when both describe the same CRS.
    public func isSame(as other: SpatialReference) -> Bool { OSRIsSame(handle, other.handle) != 0 }

    deinit { OSRDestroySpatialReference(handle) }
}

/// Moves points from one CRS to another with PROJ.
public final class CoordinateTransformation {
    private let handle: OGRCoordinateTransformationH

    public init(from source: SpatialReference, to target: SpatialReference) throws {
        GDALRuntime.ensureRegistered()
        GDALRuntime.resetError()
        guard let handle = OCTNewCoordinateTransformation(source.handle, target.handle) else {
            throw GeoError.transformFailed(reason: GDALRuntime.lastErrorMessage())
        }
        self.handle = handle
    }

    /// Transforms `points` in place. Throws when any point cannot be transformed.
    public func transform(_ points: inout [ProjectedPoint]) throws {
        guard !points.isEmpty else { return }
        var xs = points.map(\.x)
        var ys = points.map(\.y)
        var success = [Int32](repeating: 0, count: points.count)
        let ok = OCTTransformEx(handle, Int32(points.count), &xs, &ys, nil, &success)
        guard ok != 0 || success.contains(where: { $0 != 0 }) else {
            throw GeoError.transformFailed(reason: GDALRuntime.lastErrorMessage(or: "no point could be transformed"))
        }
        for i in points.indices {
            guard success[i] != 0, xs[i].isFinite, ys[i].isFinite else {
                throw GeoError.transformFailed(reason: "point (\(points[i].x), \(points[i].y)) has no image in the target CRS")
            }
            points[i] = ProjectedPoint(x: xs[i], y: ys[i])
        }
    }

    /// One point.
    public func transform(_ point: ProjectedPoint) throws -> ProjectedPoint {
        var points = [point]
        try transform(&points)
        return points[0]
    }

    deinit { OCTDestroyCoordinateTransformation(handle) }
}
