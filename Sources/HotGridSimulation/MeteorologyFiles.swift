import Foundation
import HotGridCore
import HotGridGeo

/// How a simulated world writes its meteorology: as HotGrid's daily files, or as users download
/// ERA5 from the Copernicus Climate Data Store, so the whole chain can be run on that layout.
public enum MeteorologyFiles: String, Sendable, CaseIterable {
    /// `fields/u10.nc`, `v10.nc`, `blh.nc`, `precip.nc`: one daily value per pixel (mm/day for precip).
    case daily
    /// `fields/era5.nc`: one file of hourly u10, v10, blh and tp in the CDS layout since 2024 (UTC
    /// `valid_time`, `latitude`/`longitude`, `number`, `expver`), tp in metres per hour. Each
    /// Beijing-time day's hours average (tp: sum) to exactly the daily file's value: u10 and v10
    /// hold the day's value every hour, blh swings through a diurnal cycle about it, and the day's
    /// precipitation falls evenly over the hours ending 01:00 … 24:00.
    case era5
}

/// The ERA5-layout writer of ``MeteorologyFiles/era5``: UTC steps from 00:00 Beijing time of the
/// first day to 24:00 of the last, so instantaneous values (at t) and hourly accumulations (ending
/// at t) both fill every day; the one step each has outside the days is left fill (NaN).
struct ERA5HourlyFile {
    static let variables: [(name: String, units: String, longName: String)] = [
        ("u10", "m s**-1", "10 metre U wind component"), ("v10", "m s**-1", "10 metre V wind component"),
        ("blh", "m", "Boundary layer height"), ("tp", "m", "Total precipitation"),
    ]
    private let writer: NetCDFWriter
    private let pixels: Int

    init(path: String, lattice: Lattice, days: [Day]) throws {
        // 00:00 Beijing time of the first day is 16:00 UTC of the day before.
        let start = Double(days[0].ordinal) * 86_400 - 8 * 3_600
        let times = (0...(24 * days.count)).map { start + Double($0) * 3_600 }
        writer = try NetCDFWriter(path: path, variables: Self.variables.map { NetCDFWriter.Variable(name: $0.name, units: $0.units, longName: $0.longName) },
                                  lattice: lattice, times: times, layout: .era5)
        pixels = lattice.rows * lattice.columns
        let fill = [Float](repeating: .nan, count: pixels)
        for v in 0..<3 { try writer.write(day: 24 * days.count, values: fill, variable: v) }
        try writer.write(day: 0, values: fill, variable: 3)
    }

    /// Writes day `index` from its daily values, in the order of ``variables`` (precip in mm/day).
    func write(day index: Int, daily: [[Float]]) throws {
        for hour in 0..<24 {
            // Sums to zero over the day's 24 hours, so the daily mean is the daily value.
            let swing = Float(0.5 * sin(2 * Double.pi * (Double(hour) - 8) / 24))
            try writer.write(day: 24 * index + hour, values: daily[0], variable: 0)
            try writer.write(day: 24 * index + hour, values: daily[1], variable: 1)
            try writer.write(day: 24 * index + hour, values: daily[2].map { $0 * (1 + swing) }, variable: 2)
            try writer.write(day: 24 * index + hour + 1, values: daily[3].map { $0 / 24 / 1_000 }, variable: 3)
        }
    }
}
