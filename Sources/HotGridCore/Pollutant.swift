/// The pollutants China's monitoring network reports every hour (GB 3095-2012), as station data
/// carry them: PM2.5 drives the hotspot method; the others are kept beside it, since checks of
/// station data (PM2.5 above PM10, a station's NO2 against its neighbours) need them.
public enum Pollutant: String, Sendable, Codable, CaseIterable, Comparable {
    case pm25 = "PM2.5", pm10 = "PM10", so2 = "SO2", no2 = "NO2", o3 = "O3", co = "CO"

    /// µg/m³, except CO in mg/m³.
    public var unit: String { self == .co ? "mg/m³" : "µg/m³" }

    /// The column of a station-day that holds its daily mean.
    public var column: String { self == .pm25 ? "pm25" : rawValue.lowercased() }

    /// The largest hourly value taken as a measurement; anything above is an error in the data.
    /// Set well above the worst real hours (PM2.5 near 1,000 in January 2013, PM10 near 10,000
    /// in the dust storm of March 2021, CO near 20 mg/m³).
    public var plausibleMaximum: Double {
        switch self {
        case .pm25: 2_000
        case .pm10: 20_000
        case .so2: 5_000
        case .no2: 2_000
        case .o3: 2_000
        case .co: 150
        }
    }

    public static func < (a: Pollutant, b: Pollutant) -> Bool { a.rawValue < b.rawValue }
}
