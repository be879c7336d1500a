/// The agreement figures papers report for PM2.5 estimates: R² (squared Pearson correlation, as
/// CHAP and van Donkelaar report cross-validation), RMSE, mean bias (estimate − observation), N.
public struct AgreementMetrics: Sendable, Equatable, CustomStringConvertible {
    public let r2: Double
    public let rmse: Double
    public let meanBias: Double
    public let count: Int

    public init(estimates: [Double], observations: [Double]) {
        let n = min(estimates.count, observations.count)
        count = n
        guard n > 1 else { r2 = .nan; rmse = .nan; meanBias = .nan; return }
        let me = estimates.prefix(n).reduce(0, +) / Double(n), mo = observations.prefix(n).reduce(0, +) / Double(n)
        var see = 0.0, soo = 0.0, seo = 0.0, sq = 0.0
        for i in 0..<n {
            let e = estimates[i] - me, o = observations[i] - mo
            see += e * e; soo += o * o; seo += e * o
            sq += (estimates[i] - observations[i]) * (estimates[i] - observations[i])
        }
        r2 = see > 0 && soo > 0 ? seo * seo / (see * soo) : .nan
        rmse = (sq / Double(n)).squareRoot()
        meanBias = me - mo
    }

    public var description: String {
        "R² \(Self.format(r2, 3))  RMSE \(Self.format(rmse, 1)) µg/m³  bias \(Self.format(meanBias, 1)) µg/m³  N \(count)"
    }

    static func format(_ v: Double, _ digits: Int) -> String {
        guard v.isFinite else { return "—" }
        let scale = Double([1, 10, 100, 1000, 10000][digits])
        let rounded = (v * scale).rounded() / scale
        return "\(rounded)"
    }
}
