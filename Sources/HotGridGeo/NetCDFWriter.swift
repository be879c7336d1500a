import CGDAL
import Foundation
import HotGridCore

/// Writes fields on a regular longitude/latitude grid as CF NetCDF, one or several variables in
/// one file, one time step at a time so a long series never sits in memory whole. Four layouts:
/// HotGrid's daily files, ERA5 as the Copernicus Climate Data Store delivered it until 2024 and
/// since, and ChinaHighPM2.5's daily files (see ``Layout``), so that imports are tested on files
/// shaped like users' downloads.
public final class NetCDFWriter {
    /// How the file is laid out.
    public enum Layout: Sendable {
        /// NetCDF-4, dimensions time/lat/lon, `days since` the first day, float32, `_FillValue` −9999.
        case daily
        /// ERA5 until 2024: netCDF3 classic, `time` in hours since 1900-01-01, `latitude`/`longitude`,
        /// int16 packed with `scale_factor`/`add_offset` (each variable's ``Variable/packing``) and
        /// `_FillValue` −32767.
        case era5Classic
        /// ERA5 since 2024: NetCDF-4, `valid_time` in seconds since 1970-01-01, `latitude`/`longitude`,
        /// float32 with a NaN `_FillValue`, and the `number` and `expver` variables beside the data.
        case era5
        /// ChinaHighPM2.5 (CHAP) daily: NetCDF-4 with one day and no time axis (the date is in the
        /// file name), `lat` ascending and `lon`, uint16 packed with `scale_factor` and `_FillValue` 65535.
        case chap
    }

    /// A variable of the file: its name, units and long name; packed files need `packing`
    /// (stored = (value − offset) / scale, rounded).
    public struct Variable: Sendable {
        public let name: String
        public let units: String
        public let longName: String
        public let packing: (scale: Double, offset: Double)?

        public init(name: String, units: String, longName: String, packing: (scale: Double, offset: Double)? = nil) {
            self.name = name
            self.units = units
            self.longName = longName
            self.packing = packing
        }
    }

    public let path: String
    public let width: Int
    public let height: Int
    /// The time steps, in seconds since 1970-01-01 00:00 UTC.
    public let times: [Double]
    /// The `_FillValue` of daily files, written where a value is NaN.
    public static let fillValue: Float = -9999
    /// The `_FillValue` of packed files.
    public static let packedFillValue: Int16 = -32767
    /// The `_FillValue` of CHAP's unsigned files.
    public static let unsignedFillValue: UInt16 = 65_535

    private let layout: Layout
    private let packing: [(scale: Double, offset: Double)?]
    private let dataset: GDALDatasetH
    private let root: GDALGroupH
    private let data: [GDALMDArrayH]
    private let float32: GDALExtendedDataTypeH
    private let int16: GDALExtendedDataTypeH
    private let uint16: GDALExtendedDataTypeH

    /// Creates `path` for `variable` over `lattice` (degrees, north-up) and `days`. Rows passed to
    /// ``write(day:values:variable:)`` are north first; latitudes are stored descending, as ERA5 does.
    public convenience init(path: String, variable: String, units: String, longName: String,
                            lattice: Lattice, days: [Day]) throws {
        try self.init(path: path, variables: [Variable(name: variable, units: units, longName: longName)], lattice: lattice, days: days)
    }

    /// Creates a daily file for `variables` over `lattice` and `days`.
    public convenience init(path: String, variables: [Variable], lattice: Lattice, days: [Day]) throws {
        try self.init(path: path, variables: variables, lattice: lattice, times: days.map { Double($0.ordinal) * 86_400 }, layout: .daily)
    }

    /// Creates `path` in `layout` for `variables` over `lattice` and the time steps `times`
    /// (seconds since 1970-01-01 00:00 UTC).
    public init(path: String, variables: [Variable], lattice: Lattice, times: [Double], layout: Layout) throws {
        GDALRuntime.ensureRegistered()
        GDALRuntime.lockForWriting()
        defer { GDALRuntime.unlockForWriting() }
        GDALRuntime.resetError()
        if layout == .era5Classic || layout == .chap, let unpacked = variables.first(where: { $0.packing == nil }) {
            throw GeoError.writeFailed(path: path, reason: "variable \(unpacked.name) needs a packing for the \(layout) layout")
        }
        if layout == .chap, times.count != 1 { throw GeoError.writeFailed(path: path, reason: "a CHAP file holds one day") }
        let format = layout == .era5Classic ? CSLAddString(nil, "FORMAT=NC") : nil
        defer { CSLDestroy(format) }
        guard !times.isEmpty, !variables.isEmpty, let driver = GDALGetDriverByName("netCDF"),
              let dataset = GDALCreateMultiDimensional(driver, path, nil, format) else {
            throw GeoError.writeFailed(path: path, reason: GDALRuntime.lastErrorMessage(or: "no time steps or variables to write"))
        }
        let root = GDALDatasetGetRootGroup(dataset)!
        let float32 = GDALExtendedDataTypeCreate(GDT_Float32)!
        let float64 = GDALExtendedDataTypeCreate(GDT_Float64)!
        let int16 = GDALExtendedDataTypeCreate(GDT_Int16)!
        let uint16 = GDALExtendedDataTypeCreate(GDT_UInt16)!
        let text = GDALExtendedDataTypeCreateString(0)!
        defer { [float64, text].forEach { GDALExtendedDataTypeRelease($0) } }
        func release() {
            GDALGroupRelease(root)
            GDALReleaseDataset(dataset)
            [float32, int16, uint16].forEach { GDALExtendedDataTypeRelease($0) }
        }
        let era5 = layout == .era5 || layout == .era5Classic
        let timeName = layout == .era5 ? "valid_time" : "time", latName = era5 ? "latitude" : "lat", lonName = era5 ? "longitude" : "lon"
        let time = layout == .chap ? nil : GDALGroupCreateDimension(root, timeName, "TEMPORAL", nil, UInt64(times.count), nil)
        let lat = GDALGroupCreateDimension(root, latName, "HORIZONTAL_Y", nil, UInt64(lattice.rows), nil)
        let lon = GDALGroupCreateDimension(root, lonName, "HORIZONTAL_X", nil, UInt64(lattice.columns), nil)
        defer { [time, lat, lon].compactMap { $0 }.forEach { GDALDimensionRelease($0) } }
        var data: [GDALMDArrayH] = []
        do {
            let timeAxis: (units: String, values: [Double])? = switch layout {
            case .daily: ("days since \(Day(ordinal: Int((times[0] / 86_400).rounded(.down))))", times.map { ($0 - times[0]) / 86_400 })
            case .era5Classic: ("hours since 1900-01-01 00:00:00.0", times.map { ($0 + 2_208_988_800) / 3_600 })
            case .era5: ("seconds since 1970-01-01", times)
            case .chap: nil
            }
            if let timeAxis {
                try Self.coordinate(root, time, timeName, timeAxis.values, float64, text,
                                    ["standard_name": "time", "units": timeAxis.units, "calendar": era5 ? "gregorian" : "standard"], path)
            }
            var lats = (0..<lattice.rows).map { lattice.maxY - (Double($0) + 0.5) * lattice.cellHeight }
            if layout == .chap { lats.reverse() }
            try Self.coordinate(root, lat, latName, lats, float64, text,
                                ["standard_name": "latitude", "units": "degrees_north"], path)
            let lons = (0..<lattice.columns).map { lattice.minX + (Double($0) + 0.5) * lattice.cellWidth }
            try Self.coordinate(root, lon, lonName, lons, float64, text,
                                ["standard_name": "longitude", "units": "degrees_east"], path)
            if layout == .era5 {
                // The ensemble member and the experiment version, beside every CDS download since 2024.
                try Self.coordinate(root, nil, "number", [0], float64, text, ["long_name": "ensemble member numerical id"], path)
                try Self.coordinate(root, time, "expver", times.map { _ in 1 }, float64, text, ["long_name": "experiment version"], path)
            }
            var dimensions: [GDALDimensionH?] = time.map { [$0, lat, lon] } ?? [lat, lon]
            // One chunk per step: writing a step touches one chunk, and reading one back decompresses one.
            let block = (time == nil ? "" : "1,") + "\(lattice.rows),\(lattice.columns)"
            let options = layout == .era5Classic ? nil : CSLAddString(CSLAddString(CSLAddString(nil, "COMPRESS=DEFLATE"), "ZLEVEL=1"), "BLOCKSIZE=\(block)")
            defer { CSLDestroy(options) }
            let stored = switch layout {
            case .daily, .era5: float32
            case .era5Classic: int16
            case .chap: uint16
            }
            for variable in variables {
                guard let array = dimensions.withUnsafeMutableBufferPointer({
                    GDALGroupCreateMDArray(root, variable.name, $0.count, $0.baseAddress, stored, options)
                }) else { throw GeoError.writeFailed(path: path, reason: GDALRuntime.lastErrorMessage()) }
                data.append(array)
                switch layout {
                case .daily: GDALMDArraySetNoDataValueAsDouble(array, Double(Self.fillValue))
                case .era5: GDALMDArraySetNoDataValueAsDouble(array, .nan)
                case .era5Classic, .chap:
                    GDALMDArraySetNoDataValueAsDouble(array, layout == .chap ? Double(Self.unsignedFillValue) : Double(Self.packedFillValue))
                    GDALMDArraySetScale(array, variable.packing!.scale)
                    GDALMDArraySetOffset(array, variable.packing!.offset)
                }
                try Self.attributes(array, ["units": variable.units, "long_name": variable.longName], text, path)
            }
        } catch {
            data.forEach { GDALMDArrayRelease($0) }
            release()
            throw error
        }
        self.path = path
        self.dataset = dataset
        self.width = lattice.columns
        self.height = lattice.rows
        self.times = times
        self.layout = layout
        self.packing = variables.map(\.packing)
        self.root = root
        self.data = data
        self.float32 = float32
        self.int16 = int16
        self.uint16 = uint16
    }

    /// Writes time step `index` of the `variable`-th variable (row-major, north row first, NaN where missing).
    public func write(day index: Int, values: [Float], variable: Int = 0) throws {
        guard times.indices.contains(index), data.indices.contains(variable), values.count == width * height else {
            throw GeoError.writeFailed(path: path, reason: "step \(index) with \(values.count) values does not fit \(times.count) steps of \(width)×\(height)")
        }
        GDALRuntime.lockForWriting()
        defer { GDALRuntime.unlockForWriting() }
        var start: [UInt64] = [UInt64(index), 0, 0]
        var count: [Int] = [1, height, width]
        let ok: Int32
        if layout == .chap, let packing = packing[variable] {
            // Latitude ascends: the south row is stored first.
            let southFirst = (0..<height).reversed().flatMap { values[($0 * width)..<(($0 + 1) * width)] }
            let packed = southFirst.map { v -> UInt16 in
                guard v.isFinite else { return Self.unsignedFillValue }
                return UInt16(max(0, min(65_534, ((Double(v) - packing.offset) / packing.scale).rounded())))
            }
            start.removeFirst()
            count.removeFirst()
            ok = packed.withUnsafeBytes { GDALMDArrayWrite(data[variable], &start, &count, nil, nil, uint16, $0.baseAddress, $0.baseAddress, $0.count) }
        } else if layout == .era5Classic, let packing = packing[variable] {
            let packed = values.map { v -> Int16 in
                guard v.isFinite else { return Self.packedFillValue }
                return Int16(max(-32_766, min(32_767, ((Double(v) - packing.offset) / packing.scale).rounded())))
            }
            ok = packed.withUnsafeBytes { GDALMDArrayWrite(data[variable], &start, &count, nil, nil, int16, $0.baseAddress, $0.baseAddress, $0.count) }
        } else {
            let filled = layout == .daily ? values.map { $0.isNaN ? Self.fillValue : $0 } : values
            ok = filled.withUnsafeBytes { GDALMDArrayWrite(data[variable], &start, &count, nil, nil, float32, $0.baseAddress, $0.baseAddress, $0.count) }
        }
        guard ok != 0 else { throw GeoError.writeFailed(path: path, reason: GDALRuntime.lastErrorMessage()) }
    }

    /// Flushes and closes the file; the writer must not be used afterwards.
    deinit {
        GDALRuntime.lockForWriting()
        defer { GDALRuntime.unlockForWriting() }
        data.forEach { GDALMDArrayRelease($0) }
        GDALGroupRelease(root)
        GDALReleaseDataset(dataset)
        [float32, int16, uint16].forEach { GDALExtendedDataTypeRelease($0) }
    }

    private static func coordinate(_ root: GDALGroupH, _ dimension: GDALDimensionH?, _ name: String, _ values: [Double],
                                   _ float64: GDALExtendedDataTypeH, _ text: GDALExtendedDataTypeH,
                                   _ attributes: [String: String], _ path: String) throws {
        var dims: [GDALDimensionH?] = dimension.map { [$0] } ?? []
        guard let array = dims.withUnsafeMutableBufferPointer({ GDALGroupCreateMDArray(root, name, $0.count, $0.baseAddress, float64, nil) }) else {
            throw GeoError.writeFailed(path: path, reason: GDALRuntime.lastErrorMessage())
        }
        defer { GDALMDArrayRelease(array) }
        try Self.attributes(array, attributes, text, path)
        var start: [UInt64] = dimension == nil ? [] : [0]
        var count: [Int] = dimension == nil ? [] : [values.count]
        let ok = values.withUnsafeBytes { buffer in
            GDALMDArrayWrite(array, &start, &count, nil, nil, float64, buffer.baseAddress, buffer.baseAddress, buffer.count)
        }
        guard ok != 0 else { throw GeoError.writeFailed(path: path, reason: GDALRuntime.lastErrorMessage()) }
        // A dimension's own coordinate indexes it; an auxiliary variable along it (expver) does not.
        if let dimension, String(cString: GDALDimensionGetName(dimension)) == name { GDALDimensionSetIndexingVariable(dimension, array) }
    }

    private static func attributes(_ array: GDALMDArrayH, _ values: [String: String], _ text: GDALExtendedDataTypeH,
                                   _ path: String) throws {
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            guard let attribute = GDALMDArrayCreateAttribute(array, name, 0, nil, text, nil) else {
                throw GeoError.writeFailed(path: path, reason: GDALRuntime.lastErrorMessage())
            }
            defer { GDALAttributeRelease(attribute) }
            guard GDALAttributeWriteString(attribute, value) != 0 else {
                throw GeoError.writeFailed(path: path, reason: GDALRuntime.lastErrorMessage())
            }
        }
    }
}
