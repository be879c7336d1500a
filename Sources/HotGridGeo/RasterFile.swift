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
        guard let dataset = GDALRuntime.serialized({ GDALOpenEx(path, UInt32(GDAL_OF_RASTER | GDAL_OF_READONLY), nil, nil, nil) }) else {
            throw GeoError.cannotOpen(path: path, reason: GDALRuntime.lastErrorMessage(or: "not a raster file"))
        }
        self.path = path
        self.dataset = dataset
    }

    /// Creates a new GeoTIFF of 32-bit floats with `bandCount` bands, georeferenced by
    /// `geoTransform` in `crs` (none when nil), every pixel set to `noData`.
    public init(creatingGeoTIFF path: String, width: Int, height: Int, bandCount: Int,
                geoTransform: GeoTransform, crs: SpatialReference?, noData: Double) throws {
        GDALRuntime.ensureRegistered()
        GDALRuntime.resetError()
        guard let driver = GDALGetDriverByName("GTiff"),
              let dataset = GDALRuntime.serialized({ GDALCreate(driver, path, Int32(width), Int32(height), Int32(bandCount), GDT_Float32, nil) })
        else { throw GeoError.writeFailed(path: path, reason: GDALRuntime.lastErrorMessage()) }
        self.path = path
        self.dataset = dataset
        var transform = geoTransform.gdal
        GDALSetGeoTransform(dataset, &transform)
        if let crs { GDALSetSpatialRef(dataset, crs.handle) }
        for band in 1...bandCount {
            let handle = GDALGetRasterBand(dataset, Int32(band))
            GDALSetRasterNoDataValue(handle, noData)
            GDALFillRaster(handle, noData, 0)
        }
    }

    deinit { GDALRuntime.serialized { _ = GDALClose(dataset) } }

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
        let status = GDALRuntime.serialized {
            values.withUnsafeMutableBytes { buffer in
                GDALRasterIO(handle, GF_Read, Int32(column), Int32(row), Int32(w), Int32(h),
                             buffer.baseAddress, Int32(w), Int32(h), GDT_Float64, 0, 0)
            }
        }
        guard status == CE_None else {
            throw GeoError.cannotOpen(path: path, reason: "reading band \(band): \(GDALRuntime.lastErrorMessage())")
        }
        var hasNoData: Int32 = 0
        let noData = GDALGetRasterNoDataValue(handle, &hasNoData)
        return RasterWindow(column: column, row: row, width: w, height: h, values: values,
                            noData: hasNoData != 0 ? noData : nil)
    }

    /// A whole band as 32-bit floats, physical values (the band's own scale and offset applied,
    /// as CF's `scale_factor`/`add_offset` ask), with NaN wherever the pixel is the no-data value.
    public func readPhysical(band: Int) throws -> [Float] {
        let handle = try bandHandle(band)
        var values = [Float](repeating: .nan, count: width * height)
        GDALRuntime.resetError()
        let status = GDALRuntime.serialized {
            values.withUnsafeMutableBytes { buffer in
                GDALRasterIO(handle, GF_Read, 0, 0, Int32(width), Int32(height),
                             buffer.baseAddress, Int32(width), Int32(height), GDT_Float32, 0, 0)
            }
        }
        guard status == CE_None else {
            throw GeoError.cannotOpen(path: path, reason: "reading band \(band): \(GDALRuntime.lastErrorMessage())")
        }
        var hasNoData: Int32 = 0, hasScale: Int32 = 0, hasOffset: Int32 = 0
        let noData = GDALGetRasterNoDataValue(handle, &hasNoData)
        let scale = GDALGetRasterScale(handle, &hasScale), offset = GDALGetRasterOffset(handle, &hasOffset)
        // Compare no-data in the band's stored precision: a Float32 band holds -9999.0 as written.
        let missing = hasNoData != 0 ? Float(noData) : Float.nan
        let applyScale = (hasScale != 0 && scale != 1) || (hasOffset != 0 && offset != 0)
        for i in values.indices {
            if values[i] == missing { values[i] = .nan } else if applyScale { values[i] = Float(Double(values[i]) * scale + offset) }
        }
        return values
    }

    /// A metadata item of the dataset (e.g. `time#units` on NetCDF); nil when absent.
    public func metadata(key: String, domain: String? = nil) -> String? {
        guard let value = GDALGetMetadataItem(dataset, key, domain) else { return nil }
        return String(cString: value)
    }

    /// Every `key=value` item of the dataset's default metadata domain.
    public var metadataItems: [String: String] { metadataItems(domain: nil) }

    /// Every `key=value` item of a metadata domain of the dataset. Read as a list: some drivers
    /// (netCDF for `SUBDATASETS`) answer item lookups in a domain with nothing.
    public func metadataItems(domain: String?) -> [String: String] {
        var items: [String: String] = [:]
        guard var list = GDALGetMetadata(dataset, domain) else { return items }
        while let entry = list.pointee {
            let text = String(cString: entry)
            if let eq = text.firstIndex(of: "=") { items[String(text[..<eq])] = String(text[text.index(after: eq)...]) }
            list += 1
        }
        return items
    }

    /// GDAL's short name of the driver that opened the file (`netCDF`, `GTiff`, …).
    public var driverName: String {
        guard let driver = GDALGetDatasetDriver(dataset), let name = GDALGetDriverShortName(driver) else { return "" }
        return String(cString: name)
    }

    /// The CRS a NetCDF implies without declaring one: CF latitude/longitude axes
    /// (`degrees_north`/`degrees_east`) mean WGS84 longitude/latitude, as ERA5 files have it.
    public var impliedGeographicCRS: SpatialReference? {
        let units = Set(metadataItems.filter { $0.key.hasSuffix("#units") }.map { $0.value.lowercased() })
        let north = ["degrees_north", "degree_north", "degrees_n", "degree_n"], east = ["degrees_east", "degree_east", "degrees_e", "degree_e"]
        guard driverName == "netCDF", !units.isDisjoint(with: north), !units.isDisjoint(with: east) else { return nil }
        return .wgs84()
    }

    /// The names GDAL gives the file's subdatasets (NetCDF variables: `NETCDF:"file.nc":u10`).
    public var subdatasetNames: [String] {
        let items = metadataItems(domain: "SUBDATASETS")
        var names: [String] = []
        while let name = items["SUBDATASET_\(names.count + 1)_NAME"] { names.append(name) }
        return names
    }

    /// The pixel lattice in the raster's CRS, flipped to north-up when the file stores rows
    /// south-first. Throws for rotated or sheared rasters.
    public func lattice() throws -> Lattice {
        guard let t = geoTransform else { throw GeoError.notGeoreferenced(path: path) }
        guard t.rowRotation == 0, t.columnRotation == 0, t.pixelWidth > 0, t.pixelHeight != 0 else {
            throw GeoError.rotatedRaster(path: path)
        }
        let north = t.pixelHeight < 0 ? t.originY : t.originY + t.pixelHeight * Double(height)
        return Lattice(minX: t.originX, maxY: north, cellWidth: t.pixelWidth, cellHeight: abs(t.pixelHeight),
                       columns: width, rows: height)
    }

    /// True when rows are stored south-first (positive pixel height); their order is then the
    /// reverse of ``lattice()``'s.
    public var isSouthUp: Bool { (geoTransform?.pixelHeight ?? -1) > 0 }

    /// Writes `values` (row-major, `width` × `height`) into `band` at (`column`, `row`).
    public func write(band: Int, column: Int = 0, row: Int = 0, width: Int, height: Int, values: [Double]) throws {
        let handle = try bandHandle(band)
        guard values.count == width * height else {
            throw GeoError.writeFailed(path: path, reason: "\(values.count) values do not fill a \(width)×\(height) window")
        }
        var copy = values
        GDALRuntime.resetError()
        let status = GDALRuntime.serialized {
            copy.withUnsafeMutableBytes { buffer in
                GDALRasterIO(handle, GF_Write, Int32(column), Int32(row), Int32(width), Int32(height),
                             buffer.baseAddress, Int32(width), Int32(height), GDT_Float64, 0, 0)
            }
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
