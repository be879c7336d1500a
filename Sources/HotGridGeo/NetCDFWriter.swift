import CGDAL
import Foundation
import HotGridCore

/// Writes daily fields on a regular longitude/latitude grid as CF NetCDF-4 (dimensions
/// time/lat/lon, `days since` the first day, no grid mapping: the way ERA5-like files come), one
/// or several variables in one file, one day at a time so a long series never sits in memory whole.
public final class NetCDFWriter {
    /// A variable of the file: its name, units and long name.
    public struct Variable: Sendable {
        public let name: String
        public let units: String
        public let longName: String

        public init(name: String, units: String, longName: String) {
            self.name = name
            self.units = units
            self.longName = longName
        }
    }

    public let path: String
    public let width: Int
    public let height: Int
    public let days: [Day]
    /// The `_FillValue` written where a value is NaN.
    public static let fillValue: Float = -9999

    private let dataset: GDALDatasetH
    private let root: GDALGroupH
    private let data: [GDALMDArrayH]
    private let float32: GDALExtendedDataTypeH
    private let float64: GDALExtendedDataTypeH
    private let text: GDALExtendedDataTypeH

    /// Creates `path` for `variable` over `lattice` (degrees, north-up) and `days`. Rows passed to
    /// ``write(day:values:)`` are north first; latitudes are stored descending, as ERA5 does.
    public convenience init(path: String, variable: String, units: String, longName: String,
                            lattice: Lattice, days: [Day]) throws {
        try self.init(path: path, variables: [Variable(name: variable, units: units, longName: longName)], lattice: lattice, days: days)
    }

    /// Creates `path` for `variables` over `lattice` and `days`; see ``init(path:variable:units:longName:lattice:days:)``.
    public init(path: String, variables: [Variable], lattice: Lattice, days: [Day]) throws {
        GDALRuntime.ensureRegistered()
        GDALRuntime.lockForWriting()
        defer { GDALRuntime.unlockForWriting() }
        GDALRuntime.resetError()
        guard !days.isEmpty, !variables.isEmpty, let driver = GDALGetDriverByName("netCDF"),
              let dataset = GDALCreateMultiDimensional(driver, path, nil, nil) else {
            throw GeoError.writeFailed(path: path, reason: GDALRuntime.lastErrorMessage(or: "no days to write"))
        }
        let root = GDALDatasetGetRootGroup(dataset)!
        let float32 = GDALExtendedDataTypeCreate(GDT_Float32)!
        let float64 = GDALExtendedDataTypeCreate(GDT_Float64)!
        let text = GDALExtendedDataTypeCreateString(0)!
        func release() {
            GDALGroupRelease(root)
            GDALReleaseDataset(dataset)
            [float32, float64, text].forEach { GDALExtendedDataTypeRelease($0) }
        }
        let time = GDALGroupCreateDimension(root, "time", "TEMPORAL", nil, UInt64(days.count), nil)
        let lat = GDALGroupCreateDimension(root, "lat", "HORIZONTAL_Y", nil, UInt64(lattice.rows), nil)
        let lon = GDALGroupCreateDimension(root, "lon", "HORIZONTAL_X", nil, UInt64(lattice.columns), nil)
        defer { [time, lat, lon].forEach { GDALDimensionRelease($0) } }
        var data: [GDALMDArrayH] = []
        do {
            let first = days[0]
            try Self.coordinate(root, time, "time", days.map { Double($0.ordinal - first.ordinal) }, float64, text,
                                ["standard_name": "time", "units": "days since \(first)", "calendar": "standard"], path)
            let lats = (0..<lattice.rows).map { lattice.maxY - (Double($0) + 0.5) * lattice.cellHeight }
            try Self.coordinate(root, lat, "lat", lats, float64, text,
                                ["standard_name": "latitude", "units": "degrees_north"], path)
            let lons = (0..<lattice.columns).map { lattice.minX + (Double($0) + 0.5) * lattice.cellWidth }
            try Self.coordinate(root, lon, "lon", lons, float64, text,
                                ["standard_name": "longitude", "units": "degrees_east"], path)
            var dimensions: [GDALDimensionH?] = [time, lat, lon]
            // One chunk per day: writing a day touches one chunk, and reading one back decompresses one.
            let options = CSLAddString(CSLAddString(CSLAddString(nil, "COMPRESS=DEFLATE"), "ZLEVEL=1"),
                                       "BLOCKSIZE=1,\(lattice.rows),\(lattice.columns)")
            defer { CSLDestroy(options) }
            for variable in variables {
                guard let array = dimensions.withUnsafeMutableBufferPointer({
                    GDALGroupCreateMDArray(root, variable.name, 3, $0.baseAddress, float32, options)
                }) else { throw GeoError.writeFailed(path: path, reason: GDALRuntime.lastErrorMessage()) }
                data.append(array)
                GDALMDArraySetNoDataValueAsDouble(array, Double(Self.fillValue))
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
        self.days = days
        self.root = root
        self.data = data
        self.float32 = float32
        self.float64 = float64
        self.text = text
    }

    /// Writes one day's values of the `variable`-th variable (row-major, north row first, NaN where missing).
    public func write(day index: Int, values: [Float], variable: Int = 0) throws {
        guard days.indices.contains(index), data.indices.contains(variable), values.count == width * height else {
            throw GeoError.writeFailed(path: path, reason: "day \(index) with \(values.count) values does not fit \(days.count) days of \(width)×\(height)")
        }
        let filled = values.map { $0.isNaN ? Self.fillValue : $0 }
        GDALRuntime.lockForWriting()
        defer { GDALRuntime.unlockForWriting() }
        var start: [UInt64] = [UInt64(index), 0, 0]
        var count: [Int] = [1, height, width]
        let ok = filled.withUnsafeBytes { buffer in
            GDALMDArrayWrite(data[variable], &start, &count, nil, nil, float32, buffer.baseAddress, buffer.baseAddress, buffer.count)
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
        [float32, float64, text].forEach { GDALExtendedDataTypeRelease($0) }
    }

    private static func coordinate(_ root: GDALGroupH, _ dimension: GDALDimensionH?, _ name: String, _ values: [Double],
                                   _ float64: GDALExtendedDataTypeH, _ text: GDALExtendedDataTypeH,
                                   _ attributes: [String: String], _ path: String) throws {
        var dims: [GDALDimensionH?] = [dimension]
        guard let array = dims.withUnsafeMutableBufferPointer({ GDALGroupCreateMDArray(root, name, 1, $0.baseAddress, float64, nil) }) else {
            throw GeoError.writeFailed(path: path, reason: GDALRuntime.lastErrorMessage())
        }
        defer { GDALMDArrayRelease(array) }
        try Self.attributes(array, attributes, text, path)
        var start: [UInt64] = [0]
        var count: [Int] = [values.count]
        let ok = values.withUnsafeBytes { buffer in
            GDALMDArrayWrite(array, &start, &count, nil, nil, float64, buffer.baseAddress, buffer.baseAddress, buffer.count)
        }
        guard ok != 0 else { throw GeoError.writeFailed(path: path, reason: GDALRuntime.lastErrorMessage()) }
        GDALDimensionSetIndexingVariable(dimension, array)
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
