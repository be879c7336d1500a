/// One day's calibration of the satellite to the stations:
///
///     station = intercept + slope · prior + anomalySlope · (satellite − prior)
///
/// where the prior is the satellite's low-noise pattern (``SatellitePrior``) and the anomaly is
/// that day's departure from it (zero on a cloudy cell). The slope scales the persistent pattern;
/// the anomaly slope is the best linear weight of a noisy daily departure, so noise is shrunk
/// away where the product is noisy and kept where it is sharp. The intercept is the day's own, so
/// the regional level follows the stations every day.
public struct DayCalibration: Sendable, Equatable {
    public let intercept: Double
    public let slope: Double
    public let anomalySlope: Double

    public func apply(prior: Float, satellite: Float) -> Float {
        let anomaly = satellite.isFinite ? Double(satellite - prior) : 0
        return Float(intercept + slope * Double(prior) + anomalySlope * anomaly)
    }
}

/// Fits ``DayCalibration``s pooled over the stations of ±`window` days, each day's own means
/// removed (so intercepts are free per day).
///
/// Pooling a month of days gives the slope the contrast of many station-days, where one day's
/// few stations would give a noisy slope that flattens or inflates that day's map. Both slopes
/// are fitted jointly by least squares, the anomaly slope constrained to [0, slope] so a
/// departure never counts more than the pattern it departs from, and the slope to ≥ 0 (a pattern
/// that does not rise with the stations says nothing).
public enum PooledCalibration {
    /// Pairs needed in a window, and stations needed on the day itself.
    public static let minimumPooledPairs = 20
    public static let minimumDayPairs = 3

    /// Per day, the calibration; nil where the window holds too few pairs or the day too few
    /// stations with a prior. Inputs are per day, per station (NaN = missing).
    public static func fit(observations: [[Float]], prior: [[Float]], satellite: [[Float]], window: Int = 15) -> [DayCalibration?] {
        let days = observations.count
        // Per day, within-day demeaned: ΣPy, ΣPP, ΣAy, ΣAP, ΣAA, n.
        let moments: [[Double]] = (0..<days).map { d in
            let pairs = observations[d].indices.filter { observations[d][$0].isFinite && prior[d][$0].isFinite }
            guard pairs.count >= minimumDayPairs else { return [0, 0, 0, 0, 0, 0] }
            func centred(_ v: [Double]) -> [Double] { let m = v.reduce(0, +) / Double(v.count); return v.map { $0 - m } }
            let y = centred(pairs.map { Double(observations[d][$0]) }), p = centred(pairs.map { Double(prior[d][$0]) })
            let a = centred(pairs.map { satellite[d][$0].isFinite ? Double(satellite[d][$0] - prior[d][$0]) : 0 })
            var s = [Double](repeating: 0, count: 6)
            for i in pairs.indices {
                s[0] += p[i] * y[i]; s[1] += p[i] * p[i]; s[2] += a[i] * y[i]; s[3] += a[i] * p[i]; s[4] += a[i] * a[i]
            }
            s[5] = Double(pairs.count)
            return s
        }
        return (0..<days).map { d in
            var s = [Double](repeating: 0, count: 6)
            for e in max(0, d - window)...min(days - 1, d + window) { for k in 0..<6 { s[k] += moments[e][k] } }
            guard s[5] >= Double(minimumPooledPairs), s[1] > 0 else { return nil }
            let (slope, anomalySlope) = solve(py: s[0], pp: s[1], ay: s[2], ap: s[3], aa: s[4])
            let today = observations[d].indices.filter { observations[d][$0].isFinite && prior[d][$0].isFinite }
            guard today.count >= minimumDayPairs else { return nil }
            let intercept = today.reduce(0.0) { total, i in
                let anomaly = satellite[d][i].isFinite ? Double(satellite[d][i] - prior[d][i]) : 0
                return total + Double(observations[d][i]) - slope * Double(prior[d][i]) - anomalySlope * anomaly
            } / Double(today.count)
            return DayCalibration(intercept: intercept, slope: slope, anomalySlope: anomalySlope)
        }
    }

    /// Least squares of y on (P, A) from within-day moments, under 0 ≤ anomalySlope ≤ slope.
    static func solve(py: Double, pp: Double, ay: Double, ap: Double, aa: Double) -> (slope: Double, anomalySlope: Double) {
        let det = pp * aa - ap * ap
        if det > 1e-9 * pp * aa {
            let b = (py * aa - ay * ap) / det, g = (ay * pp - py * ap) / det
            if b >= 0, g >= 0, g <= b { return (b, g) }
        }
        // On the boundary: the best of anomaly weight 0 (y on P) and equal weights (y on P + A).
        let alone = max(0, py / pp)
        let sumSquares = pp + 2 * ap + aa
        let together = sumSquares > 0 ? max(0, (py + ay) / sumSquares) : 0
        func loss(_ b: Double, _ g: Double) -> Double { -2 * (b * py + g * ay) + b * b * pp + 2 * b * g * ap + g * g * aa }
        return loss(together, together) < loss(alone, 0) ? (together, together) : (alone, 0)
    }
}
