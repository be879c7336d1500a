import Foundation
import HotGridCore
import HotGridLab
import HotGridService
import HotGridStore

/// What `hotgrid demo` builds before it serves: the service steps of the main job, in order, each
/// with a numbered headline, on a simulated world of 2017–2018.
struct DemoBuild {
    let region: String
    let cities: [String]?

    /// Every demo login's password, printed on purpose: the demo holds simulated data only.
    static let password = "hotgrid-demo"
    static let first = Day("2017-01-01")!, last = Day("2018-12-31")!
    /// The months warned, from the list selected on the year before them; the last one is published.
    static let firstWarned = Month("2018-01")!, lastWarned = Month("2018-12")!
    static var listYear: Int { firstWarned.year - 1 }
    /// The simulated world's gridded files (`world/fields/NAME.nc`).
    static let fields: [FieldVariable] = [.pm25Satellite, .u10, .v10, .blh, .precip]

    /// Builds `folder` (world/ and hotgrid.sqlite) under a temporary name beside it and renames it
    /// into place when complete, replacing an older one, so a folder that exists is complete.
    func run(into folder: String) throws -> SampleLedger.Summary {
        try OutputFile.buildFolder(at: folder) { partial in
            try FileManager.default.createDirectory(atPath: partial, withIntermediateDirectories: true)
            return try build(in: URL(fileURLWithPath: partial))
        }
    }

    /// The steps; the store is closed when this returns, so the folder can be renamed.
    private func build(in folder: URL) throws -> SampleLedger.Summary {
        let world = folder.appendingPathComponent("world").path, db = folder.appendingPathComponent("hotgrid.sqlite").path
        let file = { (name: String) in URL(fileURLWithPath: world).appendingPathComponent(name).path }
        let steps = 9
        var step = 0
        func headline(_ text: String) {
            step += 1
            say("\n[\(step)/\(steps)] \(text)")
        }
        headline("Simulating \(Self.first) … \(Self.last) over \(region)\(cities.map { " (\($0.joined(separator: ",")))" } ?? "") with known emissions")
        let simulation = try SimulationRun(region: region, cities: cities, from: Self.first, to: Self.last).run(folder: world, progress: TerminalProgress())
        say("\(simulation.stations) stations, \(simulation.sources) sources, \(simulation.days) days × \(simulation.cells) cells")

        headline("Cutting the region into 3 km cells")
        let cut = try RegionSetup(source: .bundled(region: region), cities: cities).run(into: StoreChoice.address(db), progress: TerminalProgress())
        say("\(cut.cells.count) cells, \(cut.counties.count) counties, \(cut.cities.count) cities")
        let store = try StoreChoice.open(db)

        headline("Ingesting the stations' hourly PM2.5")
        let stations = try StationIngest(stationsPath: file("stations.csv"), observationsPath: file("observations.csv"))
            .run(store: store, progress: TerminalProgress())
        say("\(stations.stationsInRegion) stations, \(stations.stored.validDays) valid station-days of \(stations.stored.stationDays)")

        headline("Ingesting the satellite PM2.5 and the meteorology (\(Self.fields.map(\.rawValue).joined(separator: ", ")))")
        for variable in Self.fields {
            let field = try FieldIngest(variable: variable, path: file("fields/\(variable.rawValue).nc")).run(store: store, progress: TerminalProgress())
            say(String(format: "%@: %d days, %.1f %% of cell-days present", variable.rawValue, field.days.count, 100 * field.presentShare))
        }

        headline("Estimating every cell's daily PM2.5, \(Self.first) … \(Self.last)")
        _ = try EstimateRun(from: Self.first, to: Self.last).run(store: store, progress: TerminalProgress())
        let truth = try TruthFiles.compareCellMeans(store: store, truthPath: file("truth/cells.csv"), from: Self.first, to: Self.last)
        say("Period mean against the simulated truth, all cells: \(truth)")

        headline("Selecting \(Self.listYear)'s hotspot cells and reviewing them for \(Self.lastWarned.year)")
        let selected = try HotspotSelection(year: Self.listYear, probabilityReplicates: 100).run(store: store, progress: TerminalProgress())
        let (_, changes) = try HotspotSelection(year: Self.lastWarned.year, probabilityReplicates: 100).review(store: store, progress: TerminalProgress())
        say("\(selected.list.entries.count) hotspot cells in \(Self.listYear); \(changes.filter { $0.kind != .staying }.count) enter or leave in \(Self.lastWarned.year)")

        headline("Warning every month of \(Self.lastWarned.year)")
        let months = try WarningRun().run(from: Self.firstWarned, to: Self.lastWarned, store: store, progress: TerminalProgress())
        say("\(months.reduce(0) { $0 + $1.list.cells.count }) warnings, \(months.reduce(0) { $0 + $1.escalations.count }) escalations")

        headline("Publishing \(Self.lastWarned)'s warning list")
        let (publication, _) = try Publishing(store: store).publish(month: Self.lastWarned)
        say("Publication #\(publication.id), SHA-256 \(publication.sha256)")

        headline("A month of supervision work on the ledger, with staff logins")
        let ledger = try SampleLedger(store: store, month: Self.lastWarned, password: Self.password).run()
        let s = ledger.statistics
        say("\(s.total) problems: \(s.closed) closed (\(s.closedOnTime) on time), \(s.duplicates) duplicate, \(s.open) open (\(s.overdue) overdue); audit log intact")
        return ledger
    }
}
