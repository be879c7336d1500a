import Foundation
import HotGridCore

/// One day's inputs of the regression, per cell (NaN = missing).
public typealias RegressionDay = EmissionDay

/// The regression alternative: log PM2.5 = cell effect + day effect + Σ γ·meteorology, with the
/// cell's own log wind speed, log boundary-layer height, precipitation and eight wind-direction
/// sectors as covariates. The day effect takes up regional transport and the secondary
/// background; the cell effect, evaluated under one reference day for all cells, is the index
/// (reported as exp(cell effect) relative to the regional mean, 1 = average cell).
/// Fitted by alternating least squares (a few sweeps converge for a balanced panel).
public struct MeteorologicalRegression: Sendable {
    public var sweeps = 6

    public init() {}

    static let covariates = 3 + 8

    static func covariates(_ d: RegressionDay, _ c: Int) -> [Double]? {
        let u = Double(d.u10[c]), v = Double(d.v10[c]), h = Double(d.blh[c])
        guard u.isFinite, v.isFinite, h.isFinite, h > 0 else { return nil }
        let speed = max(0.3, (u * u + v * v).squareRoot())
        let rain = d.precip.map { Double($0[c]) }.flatMap { $0.isFinite ? $0 : nil } ?? 0
        var x = [log(speed), log(h), log1p(max(0, rain))]
        let sector = (Int(((atan2(v, u) + 2 * Double.pi) / (2 * Double.pi) * 8).rounded()) % 8 + 8) % 8
        x += (0..<8).map { $0 == sector ? 1 : 0 }
        return x
    }

    public func cellEffects(days: [RegressionDay]) -> [Double] {
        let cells = days.first?.pm25.count ?? 0
        var alpha = [Double](repeating: 0, count: cells), beta = [Double](repeating: 0, count: days.count)
        var gamma = [Double](repeating: 0, count: Self.covariates)
        let xs: [[[Double]?]] = days.map { d in (0..<cells).map { c in Self.covariates(d, c) } }
        func y(_ d: Int, _ c: Int) -> Double? {
            let v = Double(days[d].pm25[c])
            return v.isFinite && v > 0 ? log(v) : nil
        }
        func fitted(_ d: Int, _ c: Int) -> Double? {
            guard let x = xs[d][c] else { return nil }
            return zip(gamma, x).reduce(0) { $0 + $1.0 * $1.1 }
        }
        for _ in 0..<sweeps {
            for d in days.indices {
                var s = 0.0, n = 0
                for c in 0..<cells { if let yv = y(d, c), let f = fitted(d, c) { s += yv - alpha[c] - f; n += 1 } }
                beta[d] = n > 0 ? s / Double(n) : 0
            }
            for c in 0..<cells {
                var s = 0.0, n = 0
                for d in days.indices { if let yv = y(d, c), let f = fitted(d, c) { s += yv - beta[d] - f; n += 1 } }
                alpha[c] = n > 0 ? s / Double(n) : .nan
            }
            // γ by pooled least squares on the residual after both effects (normal equations).
            let k = Self.covariates
            var xtx = [Double](repeating: 0, count: k * k), xty = [Double](repeating: 0, count: k)
            for d in days.indices {
                for c in 0..<cells {
                    guard let yv = y(d, c), let x = xs[d][c], alpha[c].isFinite else { continue }
                    let r = yv - alpha[c] - beta[d]
                    for i in 0..<k { xty[i] += x[i] * r; for j in 0..<k { xtx[i * k + j] += x[i] * x[j] } }
                }
            }
            for i in 0..<k { xtx[i * k + i] += 1e-6 * max(1, xtx[i * k + i]) }
            gamma = LinearSystem.solve(xtx, xty, k) ?? gamma
        }
        let finite = alpha.filter(\.isFinite)
        let mean = finite.reduce(0, +) / Double(max(1, finite.count))
        return alpha.map { $0.isFinite ? exp($0 - mean) : .nan }
    }
}
