/// The gridded daily variables HotGrid ingests, in canonical units. A source file's variable
/// may be named otherwise and need `--scale`/`--offset` to reach these units.
public enum FieldVariable: String, Sendable, Codable, CaseIterable {
    case pm25Satellite = "pm25_satellite"
    case aod
    case u10
    case v10
    case blh
    case precip
    case t2m
    case rh
    /// The daily PM2.5 estimate `hotgrid estimate` writes (or an external product loaded as one).
    case pm25

    /// The canonical unit.
    public var unit: String {
        switch self {
        case .pm25Satellite: "µg/m³"
        case .aod: "1"
        case .u10, .v10: "m/s"
        case .blh: "m"
        case .precip: "mm/day"
        case .t2m: "°C"
        case .rh: "%"
        case .pm25: "µg/m³"
        }
    }

    /// Whether a sub-daily file's steps are amounts over the step ending at their time stamp
    /// (ERA5's `tp`: metres in the hour ending then), summed into the day; the rest are
    /// instantaneous values, averaged.
    public var isAccumulated: Bool { self == .precip }

    /// How a day's value comes from sub-daily steps, for reports.
    public var dailyRule: String { isAccumulated ? "sum of the steps ending in the day" : "mean of the day's steps" }

    /// The conversion a file's `units` attribute calls for to reach the canonical unit, as
    /// (scale, offset, note); nil when the units are canonical or unknown.
    public func conversion(fromUnits units: String) -> (scale: Double, offset: Double, note: String)? {
        switch (self, units.trimmingCharacters(in: .whitespaces)) {
        case (.t2m, "K"): (1, -273.15, "K → °C")
        case (.precip, "m"): (1000, 0, "m → mm")
        default: nil
        }
    }

    /// The values taken as data, in the canonical unit: anything outside (a fill value the file
    /// does not declare, a wrong scale, damaged bytes) is an error, not weather.
    public var plausibleRange: ClosedRange<Double> {
        switch self {
        case .pm25Satellite, .pm25: 0...2_000
        case .aod: 0...10
        case .u10, .v10: -100...100
        case .blh: 0...10_000
        case .precip: 0...1_000
        case .t2m: -90...70
        case .rh: 0...105
        }
    }

    /// What the variable is, for help texts and reports.
    public var meaning: String {
        switch self {
        case .pm25Satellite: "satellite-derived surface PM2.5"
        case .aod: "aerosol optical depth"
        case .u10: "eastward wind at 10 m"
        case .v10: "northward wind at 10 m"
        case .blh: "boundary-layer height"
        case .precip: "precipitation"
        case .t2m: "air temperature at 2 m"
        case .rh: "relative humidity"
        case .pm25: "daily PM2.5 estimate for every cell"
        }
    }
}
