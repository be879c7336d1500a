import HotGridCore

/// Monitoring stations and their daily means.
public protocol StationStore: StoreLocated {
    func stations() throws -> [Station]
    /// Every stored station-day, by station then day; with `others`, the other pollutants' means too.
    func stationDays(others: Bool) throws -> [StationDay]
    /// What every station holds.
    func stationInventory() throws -> [StationInventory]
    /// Stores stations (updating those already known) and their days (replacing days already
    /// stored), and logs the import with `summary`, all or nothing.
    func importStations(_ stations: [Station], days: [StationDay], source: String, summary: String) throws
}

extension StationStore {
    /// Every stored station-day of PM2.5, by station then day.
    public func stationDays() throws -> [StationDay] { try stationDays(others: false) }
}

/// What a station holds.
public struct StationInventory: Hashable, Sendable {
    public let station: Station
    public let firstDay: Day?
    public let lastDay: Day?
    /// Days with any row.
    public let days: Int
    /// Days with a valid daily mean.
    public let validDays: Int

    public init(station: Station, firstDay: Day?, lastDay: Day?, days: Int, validDays: Int) {
        self.station = station
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.days = days
        self.validDays = validDays
    }
}
