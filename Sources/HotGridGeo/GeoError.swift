/// What went wrong reading or transforming geographic data, with enough detail for the user to act.
public enum GeoError: Error, Equatable, Sendable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case noLayer(path: String)
    case missingField(path: String, field: String, available: [String])
    case emptyField(path: String, feature: Int, field: String)
    case emptyGeometry(path: String, feature: Int, code: String)
    case invalidGeometry(path: String, feature: Int, code: String)
    case notPolygonal(path: String, feature: Int, code: String, geometryType: String)
    case noCRS(path: String)
    case invalidCRS(definition: String, reason: String)
    case transformFailed(reason: String)
    case outsideNationalGrid(longitude: Double, latitude: Double)
    case bandOutOfRange(path: String, band: Int, bandCount: Int)
    case windowOutOfRange(path: String, window: String, size: String)
    case writeFailed(path: String, reason: String)
    case notGeoreferenced(path: String)
    case rotatedRaster(path: String)
    case noSuchVariable(path: String, variable: String, available: [String])
    case badTimeAxis(path: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            "cannot open \(path): \(reason). Check the path and that the file is a format GDAL reads."
        case let .noLayer(path):
            "\(path) has no vector layer. Give a GeoJSON, Shapefile or GeoPackage of polygons."
        case let .missingField(path, field, available):
            "\(path) has no field '\(field)' (fields: \(available.joined(separator: ", "))). Name the right field with the matching --…-field flag."
        case let .emptyField(path, feature, field):
            "\(path), feature \(feature): field '\(field)' is empty. Every feature needs a value there."
        case let .emptyGeometry(path, feature, code):
            "\(path), feature \(feature) (code \(code)): the geometry is empty. Fix or remove that feature."
        case let .invalidGeometry(path, feature, code):
            "\(path), feature \(feature) (code \(code)): the polygon is not valid (a ring crosses itself or another). "
                + "Repair it (e.g. ogr2ogr -makevalid, or QGIS's Fix Geometries), then run init again."
        case let .notPolygonal(path, feature, code, type):
            "\(path), feature \(feature) (code \(code)): geometry is \(type), not a polygon. Boundaries must be polygons."
        case let .noCRS(path):
            "\(path) has no coordinate reference system. Add one (e.g. a .prj file, or reproject to EPSG:4326)."
        case let .invalidCRS(definition, reason):
            "cannot understand the CRS '\(definition)': \(reason)"
        case let .transformFailed(reason):
            "coordinate transformation failed: \(reason)"
        case let .outsideNationalGrid(lon, lat):
            "lon \(lon), lat \(lat) lies outside the national grid (China and its surroundings)."
        case let .bandOutOfRange(path, band, count):
            "\(path): band \(band) does not exist (the file has \(count) bands)."
        case let .windowOutOfRange(path, window, size):
            "\(path): window \(window) lies outside the raster (\(size))."
        case let .writeFailed(path, reason):
            "cannot write \(path): \(reason)"
        case let .notGeoreferenced(path):
            "\(path) has no georeferencing (no geotransform). Give a raster whose pixels have coordinates."
        case let .rotatedRaster(path):
            "\(path) is rotated or sheared; warp it to a north-up grid first (gdalwarp)."
        case let .noSuchVariable(path, variable, available):
            "\(path) has no variable '\(variable)' (variables: \(available.isEmpty ? "none" : available.joined(separator: ", "))). Name the file's variable with --source-variable."
        case let .badTimeAxis(path, reason):
            "\(path): cannot read the time axis: \(reason). Give the date with --date for a single-day file."
        }
    }
}
