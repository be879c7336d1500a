/// A day's calibration of a satellite product to stations: station = intercept + slope × satellite,
/// fitted by least squares over the stations whose cell the satellite saw, as HJ 1264-2022 and
/// van Donkelaar's products calibrate AOD-derived PM2.5. With few pairs, or a fit that would
/// make the satellite's pattern upside down, a ratio (slope through the origin) is used instead.
/// HotGrid's own fusion calibrates on the satellite's low-noise pattern instead
/// (``PooledCalibration``); this is the baseline a user would compute, "the satellite alone".
public struct SatelliteCalibration: Sendable, Equatable {
    public let intercept: Double
    public let slope: Double
    public let pairs: Int

    public static let minimumPairs = 5

    /// Nil when there are fewer than ``minimumPairs`` pairs.
    public static func fit(satellite: [Double], stations: [Double]) -> SatelliteCalibration? {
        let n = satellite.count
        guard n >= minimumPairs, n == stations.count else { return nil }
        let ms = satellite.reduce(0, +) / Double(n), mo = stations.reduce(0, +) / Double(n)
        var sxx = 0.0, sxy = 0.0
        for i in 0..<n {
            sxx += (satellite[i] - ms) * (satellite[i] - ms)
            sxy += (satellite[i] - ms) * (stations[i] - mo)
        }
        let slope = sxx > 0 ? sxy / sxx : 0
        if n >= 10, slope > 0.2 {
            return SatelliteCalibration(intercept: mo - slope * ms, slope: slope, pairs: n)
        }
        let ratio = ms > 0 ? mo / ms : 1
        return SatelliteCalibration(intercept: 0, slope: ratio, pairs: n)
    }

    public func apply(_ satellite: Double) -> Double { intercept + slope * satellite }

    /// The satellite alone: each day calibrated to the stations' values and applied where it saw
    /// the target (NaN on cloudy cells and on days it cannot be calibrated).
    public static func daily(observations: [[Float]], satelliteAtStations: [[Float]?], satelliteAtTargets: [[Float]?], targets: Int) -> [[Float]] {
        observations.indices.map { d in
            guard let atStations = satelliteAtStations[d], let atTargets = satelliteAtTargets[d] else {
                return [Float](repeating: .nan, count: targets)
            }
            let pairs = observations[d].indices.filter { observations[d][$0].isFinite && atStations[$0].isFinite }
            guard let fit = fit(satellite: pairs.map { Double(atStations[$0]) }, stations: pairs.map { Double(observations[d][$0]) }) else {
                return [Float](repeating: .nan, count: atTargets.count)
            }
            return atTargets.map { $0.isFinite ? max(1, Float(fit.apply(Double($0)))) : .nan }
        }
    }
}
