import Foundation
import HotGridAnalysis
import HotGridCore
import HotGridStore

/// Station-held-out cross-validation of an estimate beside the baselines a user could compute
/// instead, with random and with spatially blocked folds, reported as papers report it.
public struct CrossValidation: Sendable {
    /// How the stations were split.
    public enum Scheme: String, Sendable, CaseIterable {
        /// Folds by station id: held-out stations have kept neighbours (skill among stations).
        case random
        /// Whole clusters of neighbouring stations held out (skill away from stations).
        case blocked
    }

    /// What a method's held-out predictions scored.
    public struct Score: Sendable {
        public let label: String
        public let daily: AgreementMetrics
        public let monthly: AgreementMetrics
        /// Against a simulated world's truth at the station points, when given.
        public let dailyTruth: AgreementMetrics?
        public let monthlyTruth: AgreementMetrics?
    }

    /// One split: its scheme, the median distance from a held-out station to the nearest kept
    /// one, and the scores of the product and the baselines.
    public struct Split: Sendable {
        public let scheme: Scheme
        public let medianNearestKept: Double
        public let scores: [Score]
    }

    public let folds: Int
    public let method: FusionMethod
    public let stations: Int
    public let splits: [Split]

    /// The product's score under `scheme`.
    public func product(_ scheme: Scheme) -> Score? { splits.first { $0.scheme == scheme }?.scores.first }
}

extension EstimateRun {
    /// Splits the stations into `folds` groups, randomly and by clusters of neighbours; each group
    /// is estimated from the others only, by the product and by the baselines: the stations
    /// alone, and the satellite alone (each day calibrated to the kept stations, scored where it
    /// saw the cell, beside the product on the same station-days). `truth`, when given, maps
    /// station id → day → the true daily PM2.5 at the station (simulated worlds).
    public func crossValidate(store: any Store, folds: Int, schemes: [CrossValidation.Scheme] = CrossValidation.Scheme.allCases,
                              truth: [String: [Day: Double]]? = nil, progress: ProgressReporter = SilentProgress()) throws -> CrossValidation {
        let inputs = try load(store)
        let used: FusionMethod = inputs.hasSatellite ? method : .stationsOnly
        let range = Self.fitRange(inputs)
        let prior = used == .satelliteCalibrated ? SatellitePrior(satellite: inputs.satellite, cells: inputs.cells.count) : nil
        let n = inputs.stations.count, days = inputs.days.count
        let reference: (Int, Int) -> Double? = { d, s in
            let v = inputs.observations[d][s]
            return v.isNaN ? nil : Double(v)
        }
        let truthReference: ((Int, Int) -> Double?)? = truth.map { truth in { d, s in truth[inputs.stations[s].id]?[inputs.days[d]] } }
        progress.begin("Cross-validating: \(schemes.count) × \(folds) folds × \(days) days (\(used.rawValue) and baselines)", total: schemes.count * folds)
        var splits: [CrossValidation.Split] = []
        for scheme in schemes {
            let fold = scheme == .random ? StationFolds.random(ids: inputs.stations.map(\.id), folds: folds)
                                         : StationFolds.blocked(points: inputs.stationPoints, folds: folds)
            var product = Self.empty(days, n), stationsAlone = product, satelliteAlone = product
            for k in 0..<folds {
                defer { progress.advance(by: 1) }
                let held = (0..<n).filter { fold[$0] == k }, kept = (0..<n).filter { fold[$0] != k }
                guard !held.isEmpty, !kept.isEmpty else { continue }
                let heldCells = held.map { inputs.stationCells[$0] }, keptCells = kept.map { inputs.stationCells[$0] }
                let observations = inputs.observations.map { day in kept.map { day[$0] } }
                let engine = FusionEngine(method: used, targets: heldCells.map { inputs.targets[$0] }, targetCells: heldCells,
                                          stations: kept.map { inputs.stationPoints[$0] }, stationCells: keptCells, range: range)
                let estimate = engine.run(observations: observations, satellite: inputs.satellite, prior: prior).estimates
                let field = observations.map { engine.interpolator.interpolate($0) }
                let satellite = SatelliteCalibration.daily(observations: observations,
                                                           satelliteAtStations: inputs.satellite.map { s in s.map { s in keptCells.map { s[$0] } } },
                                                           satelliteAtTargets: inputs.satellite.map { s in s.map { s in heldCells.map { s[$0] } } },
                                                           targets: held.count)
                for d in 0..<days {
                    for (j, s) in held.enumerated() {
                        product[d][s] = estimate[d][j]
                        stationsAlone[d][s] = field[d][j]
                        satelliteAlone[d][s] = satellite[d][j]
                    }
                }
            }
            let productOnSeen = (0..<days).map { d in (0..<n).map { satelliteAlone[d][$0].isNaN ? Float.nan : product[d][$0] } }
            let candidates: [(String, [[Float]])] = [
                ("HotGrid (\(used.rawValue))", product), ("stations only", stationsAlone),
                ("satellite only (days it saw)", satelliteAlone), ("HotGrid on those days", productOnSeen),
            ]
            let scores = candidates.prefix(used == .satelliteCalibrated ? 4 : 2).map { label, predictions in
                CrossValidation.Score(label: label,
                                      daily: Self.agreement(inputs, predictions, reference: reference, monthly: false),
                                      monthly: Self.agreement(inputs, predictions, reference: reference, monthly: true),
                                      dailyTruth: truthReference.map { Self.agreement(inputs, predictions, reference: $0, monthly: false) },
                                      monthlyTruth: truthReference.map { Self.agreement(inputs, predictions, reference: $0, monthly: true) })
            }
            let distances = StationFolds.nearestKeptDistances(points: inputs.stationPoints, fold: fold).sorted()
            splits.append(CrossValidation.Split(scheme: scheme, medianNearestKept: distances.isEmpty ? .nan : distances[distances.count / 2],
                                                scores: scores))
        }
        progress.end("done")
        return CrossValidation(folds: folds, method: used, stations: n, splits: splits)
    }

    static func empty(_ days: Int, _ stations: Int) -> [[Float]] {
        [[Float]](repeating: [Float](repeating: .nan, count: stations), count: days)
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
}
