import ArgumentParser
import Foundation
import HotGridAnalysis
import HotGridCore
import HotGridService
import HotGridStore

extension FusionMethod: ExpressibleByArgument {}

struct EstimateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "estimate",
        abstract: "Estimate daily PM2.5 for every cell from stations and the satellite product.",
        discussion: """
            Methods: satellite-calibrated (default): each day the satellite product (pm25_satellite) is \
            calibrated to the stations by least squares (a ratio when few stations see it), the station \
            residuals are interpolated (a regional plane plus inverse-distance weighting that fades beyond a \
            range fitted to the stations' semivariogram) and added; where clouds hide a cell, the station \
            field is scaled by the satellite's pattern on the nearest days (±3). stations-only: the station \
            field alone, used automatically when no satellite day is loaded.

            --cv K runs station-held-out K-fold cross-validation instead and prints R², RMSE, mean bias and N \
            at daily and monthly scale (monthly means where the station passes the validity rule), against \
            the stations and, with --truth-stations, against a simulated world's true daily PM2.5.
            """
    )

    @Option(help: "The HotGrid database.") var db: String
    @Option(help: "First day (YYYY-MM-DD).") var from: String
    @Option(help: "Last day (YYYY-MM-DD).") var to: String
    @Option(help: "satellite-calibrated or stations-only.") var method: FusionMethod = .satelliteCalibrated
    @Option(help: "Cross-validate with K station folds instead of writing estimates.") var cv: Int?
    @Option(help: "A simulated world's truth/stations_daily.csv, to score the cross-validation against the truth.")
    var truthStations: String?
    @Option(help: "A simulated world's truth/cells.csv, to compare the estimate's period mean with the true mean in every cell.")
    var truthCells: String?

    func validate() throws {
        guard Day(from) != nil, Day(to) != nil else { throw ValidationError("--from and --to must be dates like 2017-01-01.") }
        if let cv, cv < 2 { throw ValidationError("--cv needs at least 2 folds (got \(cv)).") }
    }

    func run() throws {
        let started = Date()
        let store = try SQLiteStore(opening: db)
        let run = EstimateRun(from: Day(from)!, to: Day(to)!, method: method)
        if let cv {
            let truth = try truthStations.map(TruthFiles.stationsDaily)
            let result = try run.crossValidate(store: store, folds: cv, truth: truth, progress: TerminalProgress())
            print("Station-held-out \(result.folds)-fold cross-validation, method \(result.method.rawValue), \(from) … \(to)")
            print("  daily   vs stations: \(result.daily)")
            print("  monthly vs stations: \(result.monthly)")
            if let d = result.dailyTruth, let m = result.monthlyTruth {
                print("  daily   vs truth:    \(d)")
                print("  monthly vs truth:    \(m)")
            }
        } else {
            let s = try run.run(store: store, progress: TerminalProgress())
            print(String(format: "pm25: %d days × %d cells from %d stations, method %@, residual range %.0f km, %.1f %% of cell-days seen by the satellite",
                         s.days, s.cells, s.stations, s.method.rawValue, s.range / 1000, 100 * s.satelliteShare))
            if let truthCells {
                let metrics = try TruthFiles.compareCellMeans(store: store, truthPath: truthCells, from: Day(from)!, to: Day(to)!)
                print("  period mean vs true mean, all cells: \(metrics)")
            }
        }
        print(String(format: "Done in %.1f s, peak memory %d MB", Date().timeIntervalSince(started), peakMemoryMegabytes()))
    }
}

struct MeansCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "means",
        abstract: "Each cell's monthly or annual mean PM2.5 with its coverage (CSV).",
        discussion: """
            Columns: \(MeansExport.columns.joined(separator: ", ")). pm25 is empty when fewer days are valid \
            than the rule asks: 27 in a month (25 in February), 324 in a year (HJ 663-2013).
            """
    )

    @Option(help: "The HotGrid database.") var db: String
    @Option(help: "A month, YYYY-MM.") var month: String?
    @Option(help: "A year, YYYY.") var year: Int?
    @Option(help: "Write to this file instead of standard output.") var out: String?

    func validate() throws {
        switch (month, year) {
        case (nil, nil), (.some, .some): throw ValidationError("Give exactly one of --month YYYY-MM or --year YYYY.")
        case let (.some(m), nil) where Month(m) == nil: throw ValidationError("--month must look like 2017-01 (got '\(m)').")
        default: break
        }
    }

    func run() throws {
        let period: MeansExport.Period = if let month { .month(Month(month)!) } else { .year(year!) }
        try OutputFile.write(try MeansExport(store: SQLiteStore(opening: db)).render(period), to: out)
    }
}
