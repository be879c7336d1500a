import Foundation
import HotGridAnalysis
import HotGridCore
import HotGridStore

/// Loads a year of the PM2.5 estimate and meteorology and computes every cell's emission index.
struct EmissionIndexRun {
    let year: Int
    let method: EmissionIndexMethod

    struct Result {
        let cells: [Cell]
        let index: [Double]
        let pm25Annual: [Double?]
        let days: Int
        /// The constants the index used, fitted or fixed, in words (`select` prints and stores them).
        let settings: [String]
        /// How to recompute the index on resampled days: the divergence method only.
        let resampling: Resampling?
    }

    /// The day-by-day parts of a divergence index and the refinement applied to their mean.
    struct Resampling {
        let contributions: EmissionContributions
        let refine: @Sendable ([Double]) -> [Double]
    }

    func run(store: any Store, progress: ProgressReporter) throws -> Result {
        let from = Day(year: year, month: 1, day: 1)!, to = Day(year: year, month: 12, day: 31)!
        let cells = try store.cells()
        let pm25 = try store.fieldDays(FieldVariable.pm25.rawValue, from: from, to: to)
        guard !pm25.isEmpty else { throw SelectionError.noEstimate(year: year) }
        var met: [FieldVariable: [Day: [Float]]] = [:]
        for variable in [FieldVariable.u10, .v10, .blh, .precip, .pm25Satellite] {
            met[variable] = Dictionary(try store.fieldDays(variable.rawValue, from: from, to: to).map { ($0.day, $0.values) },
                                       uniquingKeysWith: { a, _ in a })
        }
        let annual = PeriodMeans.compute(days: pm25.map(\.values), cellCount: cells.count,
                                         expectedDays: from.distance(to: to) + 1, minimumDays: ValidityRule.minimumDaysPerYear)
        progress.begin("Emission index (\(method.rawValue)) over \(pm25.count) days × \(cells.count) cells", total: 1)
        let index: [Double]
        var used = 0, settings: [String] = [], resampling: Resampling?
        switch method {
        case .divergence:
            let days = pm25.compactMap { day -> EmissionDay? in
                guard let u = met[.u10]?[day.day], let v = met[.v10]?[day.day], let h = met[.blh]?[day.day] else { return nil }
                return EmissionDay(pm25: day.values, u10: u, v10: v, blh: h, precip: met[.precip]?[day.day],
                                   seen: met[.pm25Satellite]?[day.day].map { $0.map { !$0.isNaN } })
            }
            guard !days.isEmpty else { throw SelectionError.noMeteorology(year: year, method: method) }
            used = days.count
            let ids = cells.map(\.id), balance = EmissionIndex()
            let contributions = balance.contributions(days: days, neighbourhood: CellNeighbourhood(cells: ids))
            let raw = contributions.index()
            let deconvolution = SpillOverDeconvolution().fitted(index: raw, cells: ids)
            let refined = deconvolution.apply(raw)
            index = refined
            resampling = Resampling(contributions: contributions) { deconvolution.apply($0, start: refined, iterations: 30) }
            settings = Self.describe(balance, deconvolution.kernel)
        case .regression:
            let days = pm25.compactMap { day -> RegressionDay? in
                guard let u = met[.u10]?[day.day], let v = met[.v10]?[day.day], let h = met[.blh]?[day.day] else { return nil }
                return RegressionDay(pm25: day.values, u10: u, v10: v, blh: h, precip: met[.precip]?[day.day])
            }
            guard !days.isEmpty else { throw SelectionError.noMeteorology(year: year, method: method) }
            used = days.count
            index = MeteorologicalRegression().cellEffects(days: days)
            settings = ["fixed effects of cell and day on log PM2.5, with u10, v10, blh and precip as regressors"]
        }
        progress.end("\(used) days")
        return Result(cells: cells, index: index, pm25Annual: annual.map(\.mean), days: used, settings: settings, resampling: resampling)
    }

    /// The divergence index's constants, and the spill-over kernel fitted to this year's index.
    static func describe(_ balance: EmissionIndex, _ kernel: [Double]) -> [String] {
        let side = Int(Double(kernel.count).squareRoot()), centre = kernel[kernel.count / 2]
        let ring = kernel.enumerated().filter { $0.offset != kernel.count / 2 }.map(\.element)
        return [
            String(format: "lifetime τ₀ = %g d, shortened by rain (1/τ = 1/τ₀ + 0.1/d per mm)", balance.lifetimeDays),
            String(format: "eddy diffusivity K = %g m²/s", balance.diffusivity),
            String(format: "regional background B = the day's %gth percentile", balance.backgroundPercentile * 100),
            String(format: "day weights h^−%g", balance.weightPower),
            "days the satellite missed: the mean E of seen days within ±\(balance.gapFluxWindow) d, else weight \(balance.gapWeight)",
            String(format: "spill-over kernel %d×%d fitted to the index: centre %.3f, others %.3f to %.3f", side, side, centre,
                   ring.min() ?? 0, ring.max() ?? 0),
        ]
    }
}
