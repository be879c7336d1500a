import Foundation
import HotGridAnalysis
import HotGridCore
import HotGridStore

/// Station-held-out K-fold cross-validation of an estimate, reported as papers report it.
public struct CrossValidation: Sendable {
    public let folds: Int
    public let method: FusionMethod
    /// Held-out predictions against the stations' daily means and monthly means (months that pass
    /// the validity rule at the station).
    public let daily: AgreementMetrics
    public let monthly: AgreementMetrics
    /// The same predictions against a known truth at the station cells (simulated worlds), if given.
    public let dailyTruth: AgreementMetrics?
    public let monthlyTruth: AgreementMetrics?
}

extension EstimateRun {
    /// Splits the stations into `folds` groups; each group is estimated from the others only.
    /// `truth`, when given, maps station id → day → the true daily PM2.5 at its cell.
    public func crossValidate(store: SQLiteStore, folds: Int, truth: [String: [Day: Double]]? = nil,
                              progress: ProgressReporter = SilentProgress()) throws -> CrossValidation {
        let inputs = try load(store)
        let used: FusionMethod = inputs.hasSatellite ? method : .stationsOnly
        let range = Self.fitRange(inputs)
        let n = inputs.stations.count
        // A fixed, id-derived order spreads neighbouring stations over the folds.
        let order = (0..<n).sorted { (Self.hash(inputs.stations[$0].id), $0) < (Self.hash(inputs.stations[$1].id), $1) }
        var fold = [Int](repeating: 0, count: n)
        for (rank, s) in order.enumerated() { fold[s] = rank % folds }
        var predictions = [[Float]](repeating: [Float](repeating: .nan, count: n), count: inputs.days.count)
        progress.begin("Cross-validating: \(folds) folds × \(inputs.days.count) days (\(used.rawValue))", total: folds)
        for k in 0..<folds {
            let held = (0..<n).filter { fold[$0] == k }, kept = (0..<n).filter { fold[$0] != k }
            guard !held.isEmpty, !kept.isEmpty else { continue }
            let engine = FusionEngine(method: used, targets: held.map { inputs.targets[inputs.stationCells[$0]] },
                                      stations: kept.map { inputs.stationPoints[$0] }, range: range)
            let days = inputs.days.indices.map { d in
                FusionDay(observations: kept.map { inputs.observations[d][$0] },
                          satelliteAtStations: inputs.satellite[d].map { s in kept.map { s[inputs.stationCells[$0]] } },
                          satelliteAtTargets: inputs.satellite[d].map { s in held.map { s[inputs.stationCells[$0]] } })
            }
            let estimates = engine.run(days)
            for d in inputs.days.indices { for (j, s) in held.enumerated() { predictions[d][s] = estimates[d][j] } }
            progress.advance(by: 1)
        }
        progress.end("done")
        let observed = { (d: Int, s: Int) -> Double? in
            let v = inputs.observations[d][s]
            return v.isNaN ? nil : Double(v)
        }
        let daily = Self.agreement(inputs, predictions, reference: observed, monthly: false)
        let monthly = Self.agreement(inputs, predictions, reference: observed, monthly: true)
        var dailyTruth: AgreementMetrics?, monthlyTruth: AgreementMetrics?
        if let truth {
            let reference = { (d: Int, s: Int) -> Double? in truth[inputs.stations[s].id]?[inputs.days[d]] }
            dailyTruth = Self.agreement(inputs, predictions, reference: reference, monthly: false)
            monthlyTruth = Self.agreement(inputs, predictions, reference: reference, monthly: true)
        }
        return CrossValidation(folds: folds, method: used, daily: daily, monthly: monthly, dailyTruth: dailyTruth, monthlyTruth: monthlyTruth)
    }

    /// Daily pairs, or monthly means over the days both have, for station-months that pass the
    /// monthly validity rule.
    static func agreement(_ inputs: Inputs, _ predictions: [[Float]], reference: (Int, Int) -> Double?, monthly: Bool) -> AgreementMetrics {
        var estimates: [Double] = [], references: [Double] = []
        if !monthly {
            for d in inputs.days.indices {
                for s in inputs.stations.indices {
                    guard let r = reference(d, s), !predictions[d][s].isNaN else { continue }
                    estimates.append(Double(predictions[d][s]))
                    references.append(r)
                }
            }
            return AgreementMetrics(estimates: estimates, observations: references)
        }
        let months = Dictionary(grouping: inputs.days.indices, by: { Month(inputs.days[$0]) })
        for month in months.keys.sorted() {
            for s in inputs.stations.indices {
                let pairs = months[month]!.compactMap { d -> (Double, Double)? in
                    guard let r = reference(d, s), !predictions[d][s].isNaN else { return nil }
                    return (Double(predictions[d][s]), r)
                }
                guard pairs.count >= ValidityRule.minimumDays(inMonth: month.month) else { continue }
                estimates.append(pairs.map(\.0).reduce(0, +) / Double(pairs.count))
                references.append(pairs.map(\.1).reduce(0, +) / Double(pairs.count))
            }
        }
        return AgreementMetrics(estimates: estimates, observations: references)
    }

    static func hash(_ text: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return h
    }
}
