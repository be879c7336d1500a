import HotGridCore
import HotGridGeo
import HotGridStore

/// Which of the region's cells holds a station: shared by every way stations come in.
struct StationPlacement {
    private let resolution: GridResolution
    private let regionCells: Set<CellID>
    private let grid = NationalGrid()

    init(store: any Store) throws {
        resolution = try store.regionInfo().resolution
        regionCells = Set(try store.cells().map(\.id))
    }

    /// The region's cell at `position`; nil outside the region.
    func cell(at position: LonLat) -> CellID? {
        guard let cell = try? grid.cell(at: position, resolution: resolution), regionCells.contains(cell) else { return nil }
        return cell
    }
}

/// How many station-days an import stored, how many of them valid, over which days.
public struct StationDayCounts: Sendable, Equatable {
    public var stationDays = 0
    public var validDays = 0
    public var firstDay: Day?
    public var lastDay: Day?

    public init() {}

    init(_ days: [StationDay]) {
        stationDays = days.count
        validDays = days.filter { $0.pm25 != nil }.count
        firstDay = days.map(\.day).min()
        lastDay = days.map(\.day).max()
    }

    /// Stores `stations` and `days` in one transaction, logged under `source`, and counts the days.
    static func store(_ stations: [Station], days: [StationDay], in store: any Store, source: String, skipped: String,
                      progress: ProgressReporter) throws -> StationDayCounts {
        let counts = StationDayCounts(days)
        progress.begin("Storing \(stations.count) stations and \(days.count) station-days", total: 1)
        try store.importStations(stations, days: days, source: source,
                                 summary: "\(counts.stationDays) station-days, \(counts.validDays) valid, \(skipped) skipped")
        progress.end("done")
        return counts
    }
}
