import Foundation
import HotGridCore

/// How daily PM2.5 is estimated for every cell.
public enum FusionMethod: String, Sendable, CaseIterable {
    /// The satellite product calibrated to the stations each day, station residuals interpolated
    /// and added; satellite gaps filled from the station field times the satellite's pattern on
    /// neighbouring days.
    case satelliteCalibrated = "satellite-calibrated"
    /// The station field alone: a regional plane plus inverse-distance-weighted residuals.
    case stationsOnly = "stations-only"
}

/// One day's inputs: station daily means, and the satellite at the stations' cells and at the
/// targets (NaN where missing; nil when the day has no satellite at all).
public struct FusionDay: Sendable {
    public let observations: [Float]
    public let satelliteAtStations: [Float]?
    public let satelliteAtTargets: [Float]?

    public init(observations: [Float], satelliteAtStations: [Float]?, satelliteAtTargets: [Float]?) {
        self.observations = observations
        self.satelliteAtStations = satelliteAtStations
        self.satelliteAtTargets = satelliteAtTargets
    }
}

/// Daily PM2.5 at every target from stations and a satellite product.
public struct FusionEngine: Sendable {
    public let method: FusionMethod
    public let interpolator: SpatialInterpolator
    /// Days either side whose satellite pattern may fill a gap.
    public let gapWindow: Int

    public init(method: FusionMethod, targets: [ProjectedPoint], stations: [ProjectedPoint], range: Double, gapWindow: Int = 3) {
        self.method = method
        self.gapWindow = gapWindow
        interpolator = SpatialInterpolator(targets: targets, sites: stations, range: range)
    }

    /// Estimates every day of `days`, in order. A day with no station value is all NaN.
    public func run(_ days: [FusionDay], progress: (Int) -> Void = { _ in }) -> [[Float]] {
        // Pass 1: the station field, and where the satellite saw, the calibrated satellite plus residuals.
        var stationField: [[Float]] = [], satelliteBased: [[Float]] = []
        for (d, day) in days.enumerated() {
            let field = interpolator.interpolate(day.observations)
            stationField.append(field)
            satelliteBased.append(method == .satelliteCalibrated ? calibrated(day) ?? [] : [])
            progress(d + 1)
        }
        // Pass 2: fill the satellite's gaps with the station field times the local pattern
        // (satellite-based estimate over station field) of the nearest days.
        return days.indices.map { d in
            let field = stationField[d]
            guard method == .satelliteCalibrated else { return field }
            let today = satelliteBased[d]
            return field.indices.map { t in
                if !today.isEmpty, !today[t].isNaN { return today[t] }
                guard !field[t].isNaN else { return .nan }
                var ratio = 0.0, n = 0
                for offset in 1...max(1, gapWindow) {
                    for e in [d - offset, d + offset] where days.indices.contains(e) {
                        let s = satelliteBased[e]
                        guard !s.isEmpty, !s[t].isNaN, stationField[e][t] > 1 else { continue }
                        ratio += log(Double(max(s[t], 1)) / Double(stationField[e][t]))
                        n += 1
                    }
                    if n >= 2 { break }
                }
                return n > 0 ? Float(Double(field[t]) * exp(ratio / Double(n))) : field[t]
            }
        }
    }

    /// Calibrated satellite plus interpolated station residuals; nil without enough pairs.
    func calibrated(_ day: FusionDay) -> [Float]? {
        guard let atStations = day.satelliteAtStations, let atTargets = day.satelliteAtTargets else { return nil }
        let pairs = day.observations.indices.filter { !day.observations[$0].isNaN && !atStations[$0].isNaN }
        guard let calibration = SatelliteCalibration.fit(satellite: pairs.map { Double(atStations[$0]) },
                                                         stations: pairs.map { Double(day.observations[$0]) }) else { return nil }
        var residuals = [Float](repeating: .nan, count: day.observations.count)
        for i in pairs { residuals[i] = day.observations[i] - Float(calibration.apply(Double(atStations[i]))) }
        let residualField = interpolator.interpolate(residuals)
        return atTargets.indices.map { t in
            atTargets[t].isNaN ? .nan : max(1, Float(calibration.apply(Double(atTargets[t]))) + residualField[t])
        }
    }
}
