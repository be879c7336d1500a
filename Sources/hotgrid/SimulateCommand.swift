import ArgumentParser
import Foundation
import HotGridCore
import HotGridLab
import HotGridService
import HotGridSimulation

struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Write a synthetic region with known emissions in HotGrid's input formats.",
        discussion: """
            Writes stations.csv, observations.csv (hourly), fields/{pm25_satellite,u10,v10,blh,precip}.nc \
            (daily NetCDF), truth/emissions.csv, truth/cells.csv, truth/cells_monthly.csv, truth/stations_daily.csv \
            and README.txt describing the world: sources by type with seasonal schedules, synoptic weather with \
            stagnant winter episodes, rain washout, a basin that traps air, inflow from upwind and a secondary \
            background, all joined by an advection-diffusion transport model. The same seed and variant give \
            byte-identical files.

            --variant picks another kind of world, to judge a method on worlds it was not tuned on. \
            For tuning (seeds 1-3): standard (the default), hourly (time-stepped transport), coarse-sparse \
            (0.03° satellite, 40 stations), dense-clean (0.01°, low noise, 300 stations). Held out, never \
            used to choose anything (nor any seed ≥ 101): heldout-a, heldout-b, heldout-c, heldout-d.

            Try it: hotgrid simulate --out world --cities 130100,130600 --from 2017-01-01 --to 2017-12-31, \
            then hotgrid init and hotgrid ingest on the files.
            """
    )

    @Option(help: "The folder to create.") var out: String
    @Option(help: "A bundled region: 2+26, fenwei or yrd.") var region = "2+26"
    @Option(help: "Keep only these cities (comma-separated city adcodes).") var cities: String?
    @Option(help: "First day (YYYY-MM-DD).") var from = "2017-01-01"
    @Option(help: "Last day (YYYY-MM-DD).") var to = "2018-12-31"
    @Option(help: "Random seed: the same seed gives the same world.") var seed: UInt64 = 1
    @Option(help: "The kind of world: \(WorldVariant.names.joined(separator: ", ")).") var variant = "standard"
    @Option(help: "Pixel size of the simulated satellite product in degrees (0.01 ≈ 1 km); overrides the variant's.") var satellitePixel: Double?
    @Option(help: "Weather files: daily (fields/u10.nc, v10.nc, blh.nc, precip.nc) or era5 (fields/era5.nc, hourly u10, v10, blh, tp as the CDS delivers ERA5).")
    var meteorology: MeteorologyFiles = .daily
    @Flag(help: "Replace --out if it exists.") var force = false

    func validate() throws {
        guard Day(from) != nil else { throw ValidationError("--from must be a date like 2017-01-01 (got '\(from)').") }
        guard Day(to) != nil else { throw ValidationError("--to must be a date like 2018-12-31 (got '\(to)').") }
        guard WorldVariant.named(variant) != nil else {
            throw ValidationError("--variant '\(variant)' is not a world variant. Use one of: \(WorldVariant.names.joined(separator: ", ")).")
        }
        if let satellitePixel, !(0.005...0.5).contains(satellitePixel) {
            throw ValidationError("--satellite-pixel must be between 0.005 and 0.5 degrees.")
        }
    }

    /// The named variant, with the satellite pixel given on the command line.
    var worldVariant: WorldVariant {
        var world = WorldVariant.named(variant)!
        if let satellitePixel { world.satellitePixel = satellitePixel }
        return world
    }

    func run() throws {
        let started = Date()
        let summary = try SimulationRun(region: region, cities: cityCodes(cities), from: Day(from)!, to: Day(to)!, seed: seed, variant: worldVariant,
                                        meteorology: meteorology)
            .run(folder: out, replacing: force, progress: TerminalProgress())
        print("\(out): \(summary.days) days × \(summary.cells) cells, \(summary.sources) sources, \(summary.stations) stations, \(summary.observationRows) hourly rows")
        print(String(format: "Mean true PM2.5 %.1f µg/m³. Ranking cells by true mean PM2.5 finds %.1f %% of the top-10 %% emitters (naive precision).",
                     summary.meanPM25, 100 * summary.naivePrecision))
        print(String(format: "Done in %.1f s, peak memory %d MB", Date().timeIntervalSince(started), peakMemoryMegabytes()))
    }
}

extension MeteorologyFiles: ExpressibleByArgument {}
