import Foundation
import HotGridService
import HotGridCore
import HotGridGeo
import HotGridStore

/// The ingest benchmark: writes a synthetic daily field over the region's extent (a smooth
/// pattern with moving cloud gaps, as a satellite product has) as CF NetCDF, then ingests it,
/// timing both; or, `hourly`, ERA5's hourly 2 m temperature in kelvin in the current CDS layout,
/// ingested into Beijing-time daily means in °C.
public struct FieldBenchmark {
    public var days: Int
    /// Pixel size in degrees.
    public var pixelDegrees: Double
    public var hourly: Bool

    public init(days: Int = 365, pixelDegrees: Double = 0.01, hourly: Bool = false) {
        self.days = days
        self.pixelDegrees = pixelDegrees
        self.hourly = hourly
    }

    public struct Result: Sendable {
        public let width: Int
        public let height: Int
        public let days: Int
        public let cells: Int
        public let writeSeconds: Double
        public let ingestSeconds: Double
        public let presentShare: Double
        public var cellDaysPerSecond: Double { Double(days * cells) / ingestSeconds }
    }

    /// Runs the benchmark against the region of `store`, writing the field into `folder`.
    public func run(store: any Store, folder: String, progress: ProgressReporter = SilentProgress()) throws -> Result {
        let (path, writeSeconds) = try writeField(store: store, folder: folder, progress: progress)
        let cells = try store.cellCount()
        let ingestStart = Date()
        let summary = try FieldIngest(variable: hourly ? .t2m : .pm25Satellite, path: path).run(store: store, progress: progress)
        return Result(width: summary.sourceWidth, height: summary.sourceHeight, days: days, cells: cells, writeSeconds: writeSeconds,
                      ingestSeconds: Date().timeIntervalSince(ingestStart), presentShare: summary.presentShare)
    }

    /// Writes the synthetic field over the region of `store` into `folder`; returns its path and the seconds it took.
    public func writeField(store: any Store, folder: String, progress: ProgressReporter = SilentProgress()) throws -> (String, Double) {
        let cells = try store.cells()
        let lattice = Lattice.geographic(covering: cells.map { LonLat(longitude: $0.longitude, latitude: $0.latitude) }, pixel: pixelDegrees)
        let first = Day(year: 2017, month: 1, day: 1)!
        let dayList = (0..<days).map { first.advanced(by: $0) }
        let path = URL(fileURLWithPath: folder).appendingPathComponent(hourly ? "bench-era5-t2m.nc" : "bench-pm25_satellite.nc").path
        let writeStart = Date()
        if hourly {
            // UTC hours from 16:00 of the day before the first, so every Beijing-time day is whole.
            let start = Double(first.ordinal) * 86_400 - 8 * 3_600
            let writer = try NetCDFWriter(path: path, variables: [.init(name: "t2m", units: "K", longName: "2 metre temperature")], lattice: lattice,
                                          times: (0..<(24 * days)).map { start + Double($0) * 3_600 }, layout: .era5)
            progress.begin("Writing ERA5-style hourly t2m, \(lattice.columns)×\(lattice.rows) pixels, \(24 * days) hours", total: 24 * days)
            for h in 0..<(24 * days) {
                let diurnal = Float(5 * sin(2 * Double.pi * Double(h % 24) / 24))
                try writer.write(day: h, values: Self.syntheticDay(h / 24, lattice: lattice).map { ($0.isNaN ? 60 : $0) / 10 + 263.15 + diurnal })
                progress.advance(by: 1)
            }
            progress.end(path)
        } else {
            let writer = try NetCDFWriter(path: path, variable: "pm25_satellite", units: "ug m-3",
                                          longName: "synthetic satellite PM2.5", lattice: lattice, days: dayList)
            progress.begin("Writing a \(lattice.columns)×\(lattice.rows) field for \(days) days", total: days)
            for d in 0..<days {
                try writer.write(day: d, values: Self.syntheticDay(d, lattice: lattice))
                progress.advance(by: 1)
            }
            progress.end(path)
        }
        return (path, Date().timeIntervalSince(writeStart))
    }

    /// Day `d`: a smooth seasonal pattern, with a band of cloud (NaN) drifting across.
    static func syntheticDay(_ d: Int, lattice: Lattice) -> [Float] {
        var values = [Float](repeating: .nan, count: lattice.columns * lattice.rows)
        let season = 60 + 40 * cos(2 * Double.pi * Double(d) / 365)
        let cloudCenter = Double((d * 37) % lattice.columns)
        for r in 0..<lattice.rows {
            let y = Double(r) / Double(lattice.rows)
            for c in 0..<lattice.columns {
                if abs(Double(c) - cloudCenter) < Double(lattice.columns) / 8 { continue }
                let x = Double(c) / Double(lattice.columns)
                values[r * lattice.columns + c] = Float(season * (1 + 0.5 * sin(6 * x) * cos(4 * y)))
            }
        }
        return values
    }
}
