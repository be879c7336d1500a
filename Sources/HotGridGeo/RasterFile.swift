import Foundation
import CGDAL
import HotGridCore

/// The affine map from pixel (column, row) to CRS coordinates, GDAL's six-number geotransform.
public struct GeoTransform: Hashable, Sendable {
    public var originX: Double, pixelWidth: Double, rowRotation: Double
    public var originY: Double, columnRotation: Double, pixelHeight: Double

    public init(originX: Double, pixelWidth: Double, originY: Double, pixelHeight: Double,
                rowRotation: Double = 0, columnRotation: Double = 0) {
        self.originX = originX; self.pixelWidth = pixelWidth; self.rowRotation = rowRotation
        self.originY = originY; self.columnRotation = columnRotation; self.pixelHeight = pixelHeight
    }

    init(gdal c: [Double]) {
        self.init(originX: c[0], pixelWidth: c[1], originY: c[3], pixelHeight: c[5],
                  rowRotation: c[2], columnRotation: c[4])
    }

    var gdal: [Double] { [originX, pixelWidth, rowRotation, originY, columnRotation, pixelHeight] }

    /// CRS coordinates of the pixel corner at fractional (column, row).
    public func point(column: Double, row: Double) -> ProjectedPoint {
        ProjectedPoint(x: originX + column * pixelWidth + row * rowRotation,
                       y: originY + column * columnRotation + row * pixelHeight)
    }
}

/// A rectangle of pixels read from one band, row-major, with the band's no-data value.
public struct RasterWindow: Sendable {
    public let column: Int, row: Int, width: Int, height: Int
    public let values: [Double]
    public let noData: Double?

    /// The value at (column, row) relative to the window; nil where it is the no-data value or NaN.
    public func value(column c: Int, row r: Int) -> Double? {
        let v = values[r * width + c]
        if v.isNaN { return nil }
        if let noData, v == noData { return nil }
        return v
    }
}

/// A raster file (GeoTIFF, NetCDF, … anything GDAL reads) opened for reading, or created for writing.
public final class RasterFile {
    public let path: String
    private let dataset: GDALDatasetH

    /// Opens `path` read-only.
    public init(path: String) throws {
        try GDALRuntime.requireReadableFile(path)
        GDALRuntime.ensureRegistered()
        GDALRuntime.resetError()
        guard let dataset = GDALOpenEx(path, UInt32(GDAL_OF_RASTER | GDAL_OF_READONLY), nil, nil, nil) else {
            throw GeoError.cannotOpen(path: path, reason: GDALRuntime.lastErrorMessage(or: "not a raster file"))
        }
        self.path = path
        self.dataset = dataset
    }

    /// Creates a new GeoTIFF of 32-bit floats with `bandCount` bands, georeferenced by
    /// `geoTransform` in `crs`, every pixel set to `noData`.
    public init(creatingGeoTIFF path: String, width: Int, height: Int, bandCount: Int,
                geoTransform: GeoTransform, crs: SpatialReference, noData: Double) throws {
        GDALRuntime.ensureRegistered()
        GDALRuntime.resetError()
        guard let driver = GDALGetDriverByName("GTiff"),
              let dataset = GDALCreate(driver, path, Int32(width), Int32(height), Int32(bandCount), GDT_Float32, nil)
        else { throw GeoError.writeFailed(path: path, reason: GDALRuntime.lastErrorMessage()) }
        self.path = path
        self.dataset = dataset
        var transform = geoTransform.gdal
        GDALSetGeoTransform(dataset, &transform)
        GDALSetSpatialRef(dataset, crs.handle)
        for band in 1...bandCount {
            let handle = GDALGetRasterBand(dataset, Int32(band))
            GDALSetRasterNoDataValue(handle, noData)
            GDALFillRaster(handle, noData, 0)
        }
    }

    deinit { GDALClose(dataset) }

    public var width: Int { Int(GDALGetRasterXSize(dataset)) }
    public var height: Int { Int(GDALGetRasterYSize(dataset)) }
    public var bandCount: Int { Int(GDALGetRasterCount(dataset)) }

    /// The pixel-to-CRS map; nil when the file has none.
    public var geoTransform: GeoTransform? {
        var c = [Double](repeating: 0, count: 6)
        guard GDALGetGeoTransform(dataset, &c) == CE_None else { return nil }
        return GeoTransform(gdal: c)
    }

    /// The raster's CRS; nil when the file declares none.
    public var spatialReference: SpatialReference? { SpatialReference.cloning(GDALGetSpatialRef(dataset)) }

    /// A band's metadata item (e.g. `NETCDF_DIM_time` on NetCDF bands); nil when absent.
    public func metadata(band: Int, key: String) throws -> String? {
        let handle = try bandHandle(band)
        guard let value = GDALGetMetadataItem(handle, key, nil) else { return nil }
        return String(cString: value)
    }

    /// Reads the window at (`column`, `row`) of size `width` × `height` from `band` (1-based).
    public func read(band: Int, column: Int = 0, row: Int = 0, width: Int? = nil, height: Int? = nil) throws -> RasterWindow {
        let handle = try bandHandle(band)
        let w = width ?? self.width - column, h = height ?? self.height - row
        guard column >= 0, row >= 0, w > 0, h > 0, column + w <= self.width, row + h <= self.height else {
            throw GeoError.windowOutOfRange(path: path, window: "\(w)×\(h) at (\(column), \(row))",
                                            size: "\(self.width)×\(self.height)")
        }
        var values = [Double](repeating: .nan, count: w * h)
        GDALRuntime.resetError()
        let status = values.withUnsafeMutableBytes { buffer in
            GDALRasterIO(handle, GF_Read, Int32(column), Int32(row), Int32(w), Int32(h),
                         buffer.baseAddress, Int32(w), Int32(h), GDT_Float64, 0, 0)
        }
        guard status == CE_None else {
            throw GeoError.cannotOpen(path: path, reason: "reading band \(band): \(GDALRuntime.lastErrorMessage())")
        }
        var hasNoData: Int32 = 0
        let noData = GDALGetRasterNoDataValue(handle, &hasNoData)
        return RasterWindow(column: column, row: row, width: w, height: h, values: values,
                            noData: hasNoData != 0 ? noData : nil)
    }

    /// Writes `values` (row-major, `width` × `height`) into `band` at (`column`, `row`).
    public func write(band: Int, column: Int = 0, row: Int = 0, width: Int, height: Int, values: [Double]) throws {
        let handle = try bandHandle(band)
        guard values.count == width * height else {
            throw GeoError.writeFailed(path: path, reason: "\(values.count) values do not fill a \(width)×\(height) window")
        }
        var copy = values
        GDALRuntime.resetError()
        let status = copy.withUnsafeMutableBytes { buffer in
            GDALRasterIO(handle, GF_Write, Int32(column), Int32(row), Int32(width), Int32(height),
                         buffer.baseAddress, Int32(width), Int32(height), GDT_Float64, 0, 0)
        }
        guard status == CE_None else { throw GeoError.writeFailed(path: path, reason: GDALRuntime.lastErrorMessage()) }
    }

    private func bandHandle(_ band: Int) throws -> GDALRasterBandH {
        guard (1...max(1, bandCount)).contains(band), bandCount > 0, let handle = GDALGetRasterBand(dataset, Int32(band)) else {
            throw GeoError.bandOutOfRange(path: path, band: band, bandCount: bandCount)
        }
        return handle
    }
}
