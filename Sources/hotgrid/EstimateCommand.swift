import ArgumentParser
import Foundation
import HotGridAnalysis
import HotGridCore
import HotGridLab
import HotGridService
import HotGridStore

extension FusionMethod: ExpressibleByArgument {}

struct EstimateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "estimate",
        abstract: "Estimate daily PM2.5 for every cell from stations and the satellite product.",
        discussion: """
            Methods: satellite-calibrated (default): the satellite product (pm25_satellite) is split into \
            a regional level per day and each cell's persistent pattern over the seen days within ±30 days \
            (the prior, which fills cloudy cells and averages out retrieval noise); each day the stations are \
            fitted to the prior and to the day's departure from it, pooled over ±15 days with the day's own \
            intercept; what that still misses at the stations, averaged over the window, is spread by \
            ordinary kriging with a range and nugget fitted to the stations. It prints what it fitted. \
            stations-only: a regional plane plus inverse-distance-weighted residuals, used automatically \
            when no satellite day is loaded.

            --cv K runs station-held-out K-fold cross-validation instead, twice: with random folds (skill \
            among stations) and with spatially blocked folds (whole clusters of neighbouring stations held \
            out: skill away from stations). Beside the product it scores the stations alone and the \
            satellite alone (each day calibrated to the kept stations, on the days it saw the cell, with the \
            product on those same days): R², RMSE, mean bias and N at daily and monthly scale, against the \
            held-out stations and, with --truth-stations, against a simulated world's true daily PM2.5.
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
        let store = try StoreChoice.open(db)
        let run = EstimateRun(from: Day(from)!, to: Day(to)!, method: method)
        if let cv {
            let truth = try truthStations.map(TruthFiles.stationsDaily)
            let result = try run.crossValidate(store: store, folds: cv, truth: truth, progress: TerminalProgress())
            print(CrossValidationReport(result, from: from, to: to).text)
        } else {
            let s = try run.run(store: store, progress: TerminalProgress())
            print(String(format: "pm25: %d days × %d cells from %d stations, method %@, %.1f %% of cell-days seen by the satellite",
                         s.days, s.cells, s.stations, s.method.rawValue, 100 * s.satelliteShare))
            print("  " + Self.describe(s.diagnostics, stationRange: s.range))
            if let truthCells {
                let metrics = try TruthFiles.compareCellMeans(store: store, truthPath: truthCells, from: Day(from)!, to: Day(to)!)
                print("  period mean vs true mean, all cells: \(metrics)")
            }
        }
        print(String(format: "Done in %.1f s, peak memory %d MB", Date().timeIntervalSince(started), peakMemoryMegabytes()))
    }
}

extension EstimateCommand {
    /// What the fusion fitted, in one line.
    static func describe(_ d: FusionDiagnostics, stationRange: Double) -> String {
        var parts = [String(format: "station field range %.0f km", stationRange / 1000)]
        if let k = d.kriging {
            parts.append(String(format: "satellite errors kriged with range %.0f km, nugget %.2f", k.range / 1000, k.nugget))
        }
        if let b = d.slope, let g = d.anomalySlope {
            parts.append(String(format: "slope on the satellite's pattern %.2f, on its daily departures %.2f (median of %d days)", b, g, d.calibratedDays))
        }
        return parts.joined(separator: "; ")
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
        try OutputFile.write(try MeansExport(store: StoreChoice.open(db)).render(period), to: out)
    }
}
