import Foundation
import HotGridCore

/// How daily PM2.5 is estimated for every cell.
public enum FusionMethod: String, Sendable, CaseIterable {
    /// The satellite product calibrated to the stations on its low-noise pattern
    /// (``SatellitePrior``, ``PooledCalibration``), what it still gets wrong at the stations
    /// spread by kriging. (Each day's own departures at the stations, spread by inverse distance,
    /// were tried and dropped: station cross-validation scored them worse.)
    case satelliteCalibrated = "satellite-calibrated"
    /// The station field alone: a regional plane plus inverse-distance-weighted residuals.
    case stationsOnly = "stations-only"
}

/// What a fusion fitted, for the user to see (`estimate` prints it).
public struct FusionDiagnostics: Sendable, Equatable {
    public let kriging: OrdinaryKriging?
    /// Medians over the calibrated days.
    public let slope: Double?
    public let anomalySlope: Double?
    /// Days calibrated to the satellite (the rest: the station field).
    public let calibratedDays: Int
}

/// Daily PM2.5 at target cells from stations and a satellite product.
public struct FusionEngine: Sendable {
    public let method: FusionMethod
    /// The station field (plane + IDW with the stations' fitted range): the stations-only method,
    /// and the fallback on a day the satellite cannot be calibrated.
    public let interpolator: SpatialInterpolator
    /// Dense region cell index of each target and each station.
    public let targetCells: [Int]
    public let stationCells: [Int]
    /// Days either side over which the calibration is pooled.
    public let calibrationWindow: Int

    public init(method: FusionMethod, targets: [ProjectedPoint], targetCells: [Int], stations: [ProjectedPoint], stationCells: [Int],
                range: Double, calibrationWindow: Int = 15) {
        self.method = method
        self.targetCells = targetCells
        self.stationCells = stationCells
        self.calibrationWindow = calibrationWindow
        interpolator = SpatialInterpolator(targets: targets, sites: stations, range: range)
    }

    /// Estimates every day, in order: per day the station values (NaN = missing), the satellite
    /// per region cell (nil on a day without it) and its prior over the same days. A day with no
    /// station value is all NaN.
    public func run(observations: [[Float]], satellite: [[Float]?], prior: SatellitePrior?,
                    progress: (Int) -> Void = { _ in }) -> (estimates: [[Float]], diagnostics: FusionDiagnostics) {
        guard method == .satelliteCalibrated, let prior else {
            let field = observations.map { interpolator.interpolate($0) }
            progress(observations.count)
            return (field, FusionDiagnostics(kriging: nil, slope: nil, anomalySlope: nil, calibratedDays: 0))
        }
        let days = observations.count, stations = stationCells.count
        let priorAtStations = (0..<days).map { prior.prior(day: $0, at: stationCells) }
        let satelliteAtStations = (0..<days).map { d in satellite[d].map { s in stationCells.map { s[$0] } } ?? [Float](repeating: .nan, count: stations) }
        let calibration = PooledCalibration.fit(observations: observations, prior: priorAtStations, satellite: satelliteAtStations,
                                                window: calibrationWindow)
        // What the calibrated satellite misses at each station, day by day, and over the window.
        var residual = [Float](repeating: .nan, count: days * stations)
        for d in 0..<days {
            guard let c = calibration[d] else { continue }
            for s in 0..<stations where observations[d][s].isFinite && priorAtStations[d][s].isFinite {
                residual[d * stations + s] = observations[d][s] - c.apply(prior: priorAtStations[d][s], satellite: satelliteAtStations[d][s])
            }
        }
        let windowMean = Self.windowMeans(residual, days: days, sites: stations, half: prior.halfWindow)
        let periodMean = (0..<stations).map { s -> Float in
            let values = (0..<days).map { residual[$0 * stations + s] }.filter(\.isFinite)
            return values.isEmpty ? .nan : values.reduce(0, +) / Float(values.count)
        }
        let kriging = OrdinaryKriging.fit(sites: interpolator.sites, values: periodMean)
        let krigingWeights = Parallel.map(interpolator.targets.count) { kriging.weights(at: interpolator.targets[$0], sites: interpolator.sites) }

        let estimates = Parallel.map(days, batch: 8 * ProcessInfo.processInfo.activeProcessorCount, progress: progress) { d -> [Float] in
            let stationField = interpolator.interpolate(observations[d])
            guard let c = calibration[d] else { return stationField }
            let priorHere = prior.prior(day: d, at: targetCells)
            return targetCells.indices.map { t in
                guard priorHere[t].isFinite, !stationField[t].isNaN else { return stationField[t] }
                let seen = satellite[d]?[targetCells[t]] ?? .nan
                var total = 0.0, weights = 0.0
                for (site, w) in zip(krigingWeights[t].sites, krigingWeights[t].weights) {
                    let r = windowMean[d * stations + site]
                    guard r.isFinite else { continue }
                    total += w * Double(r)
                    weights += w
                }
                let kriged = abs(weights) > 0.1 ? Float(total / weights) : 0
                return max(1, c.apply(prior: priorHere[t], satellite: seen) + kriged)
            }
        }
        let calibrated = calibration.compactMap { $0 }
        return (estimates, FusionDiagnostics(kriging: kriging,
                                             slope: Self.median(calibrated.map(\.slope)), anomalySlope: Self.median(calibrated.map(\.anomalySlope)),
                                             calibratedDays: calibrated.count))
    }

    /// Triangular-window means over ±`half` days of day-major values (NaN where the window has none).
    static func windowMeans(_ values: [Float], days: Int, sites: Int, half: Int) -> [Float] {
        let sums = TriangularWindow.sums(values, days: days, cells: sites, half: half)
        let counts = TriangularWindow.sums(values.map { $0.isFinite ? 1 : 0 }, days: days, cells: sites, half: half)
        return sums.indices.map { counts[$0] > 0.5 ? sums[$0] / counts[$0] : .nan }
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        return values.sorted()[values.count / 2]
    }
}
