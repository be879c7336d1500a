import Foundation
import HotGridService
import HotGridCore
import HotGridSimulation

/// `hotgrid simulate`: a synthetic world over a bundled region, written in the public input
/// formats into a new folder (built under a temporary name, renamed when complete).
public struct SimulationRun {
    public var region: String
    public var cities: [String]?
    public var from: Day
    public var to: Day
    public var seed: UInt64
    /// What kind of world: its physics, inflow and how it is observed.
    public var variant: WorldVariant
    /// The layout of the weather files: daily, or hourly ERA5 as downloaded.
    public var meteorology: MeteorologyFiles

    public init(region: String = "2+26", cities: [String]? = nil, from: Day, to: Day, seed: UInt64 = 1, variant: WorldVariant = .standard,
                meteorology: MeteorologyFiles = .daily) {
        self.variant = variant
        self.meteorology = meteorology
        self.region = region
        self.cities = cities
        self.from = from
        self.to = to
        self.seed = seed
    }

    public func run(folder: String, replacing: Bool = false, progress: ProgressReporter = SilentProgress()) throws -> SimulationSummary {
        if FileManager.default.fileExists(atPath: folder) {
            guard replacing else { throw SimulationError.folderExists(folder) }
        }
        guard from <= to else { throw SimulationError.emptyPeriod(from: from, to: to) }
        let regionValue = try RegionSetup(source: .bundled(region: region), cities: cities).buildRegion(progress: progress)
        let days = Array(stride(from: from, through: to, by: 1))
        progress.begin("Building the world (sources, weather, terrain)", total: 1)
        let world = World(region: regionValue, days: days, seed: seed, variant: variant)
        progress.end("\(world.sources.count) sources")
        return try OutputFile.buildFolder(at: folder) { partial in
            progress.begin("Simulating \(days.count) days over \(regionValue.cells.count) cells", total: days.count)
            var reported = 0
            let summary = try Simulator.write(world: world, to: partial, meteorology: meteorology) { done, _ in
                progress.advance(by: done - reported)
                reported = done
            }
            progress.end("\(summary.stations) stations, \(summary.observationRows) hourly rows")
            return summary
        }
    }
}

/// Why a simulation cannot start.
public enum SimulationError: Error, Equatable, CustomStringConvertible {
    case folderExists(String)
    case emptyPeriod(from: Day, to: Day)

    public var description: String {
        switch self {
        case let .folderExists(folder): "\(folder) already exists. Pass --force to replace it, or choose another --out."
        case let .emptyPeriod(from, to): "--from \(from) is after --to \(to). Give a period of at least one day."
        }
    }
}
