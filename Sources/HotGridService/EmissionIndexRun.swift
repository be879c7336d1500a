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
    }

    func run(store: SQLiteStore, progress: ProgressReporter) throws -> Result {
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
        var used = 0
        switch method {
        case .divergence:
            let days = pm25.compactMap { day -> EmissionDay? in
                guard let u = met[.u10]?[day.day], let v = met[.v10]?[day.day], let h = met[.blh]?[day.day] else { return nil }
                return EmissionDay(pm25: day.values, u10: u, v10: v, blh: h, precip: met[.precip]?[day.day],
                                   seen: met[.pm25Satellite]?[day.day].map { $0.map { !$0.isNaN } })
            }
            guard !days.isEmpty else { throw SelectionError.noMeteorology(year: year, method: method) }
            used = days.count
            let ids = cells.map(\.id)
            let raw = EmissionIndex().divergence(days: days, neighbourhood: CellNeighbourhood(cells: ids)).index
            index = SpillOverDeconvolution().apply(index: raw, cells: ids)
        case .regression:
            let days = pm25.compactMap { day -> RegressionDay? in
                guard let u = met[.u10]?[day.day], let v = met[.v10]?[day.day], let h = met[.blh]?[day.day] else { return nil }
                return RegressionDay(pm25: day.values, u10: u, v10: v, blh: h, precip: met[.precip]?[day.day])
            }
            guard !days.isEmpty else { throw SelectionError.noMeteorology(year: year, method: method) }
            used = days.count
            index = MeteorologicalRegression().cellEffects(days: days)
        }
        progress.end("\(used) days")
        return Result(cells: cells, index: index, pm25Annual: annual.map(\.mean), days: used)
    }
}
