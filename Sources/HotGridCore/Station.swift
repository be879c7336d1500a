/// A ground monitoring station placed in a cell of the region.
public struct Station: Hashable, Sendable, Codable {
    /// The network's code, e.g. `1001A`.
    public let id: String
    public let name: String
    public let position: LonLat
    public let cell: CellID
    /// Whether the network marks it a background site (CNEMC's 对照点, away from local sources);
    /// nil when the source does not say.
    public let background: Bool?

    public init(id: String, name: String, position: LonLat, cell: CellID, background: Bool? = nil) {
        self.id = id
        self.name = name
        self.position = position
        self.cell = cell
        self.background = background
    }
}

/// One station's PM2.5 for one Beijing-time day, with its coverage.
///
/// `pm25` is nil when the day fails the validity rule (fewer than 20 valid hours, HJ 663-2013);
/// the hours are kept either way. A day reported as a daily value has no hour count.
public struct StationDay: Hashable, Sendable, Codable {
    public let stationID: String
    public let day: Day
    public let pm25: Double?
    /// Valid hourly values behind the mean; nil for a day reported as one daily value.
    public let validHours: Int?
    /// Daily means of the other pollutants, where their hours pass the same validity rule.
    public let others: [Pollutant: Double]

    public init(stationID: String, day: Day, pm25: Double?, validHours: Int?, others: [Pollutant: Double] = [:]) {
        self.stationID = stationID
        self.day = day
        self.pm25 = pm25
        self.validHours = validHours
        self.others = others
    }
}
