import Foundation
import HotGridCore

/// Fits the range of an exponential semivariogram, γ(h) = nugget + sill·(1 − e^(−h/range)), to
/// station values pooled over days: how far a station's departure from the regional pattern
/// carries. Used to set how fast interpolated residuals fade.
public enum VariogramFit {
    public static let candidateRanges: [Double] = [5, 10, 15, 20, 30, 40, 60, 80, 120, 160].map { $0 * 1000 }

    /// `samples`: per day, one value per site (NaN = missing); each day's regional plane is
    /// removed first, as the interpolator removes it. Returns the best range in metres (30 km
    /// when there are too few pairs to tell).
    public static func range(sites: [ProjectedPoint], samples raw: [[Float]], binWidth: Double = 10_000, maxDistance: Double = 200_000) -> Double {
        let samples = raw.map { values -> [Float] in
            guard let plane = Plane.fit(sites: sites, values: values) else { return values }
            return values.indices.map { values[$0].isNaN ? .nan : values[$0] - Float(plane.value(at: sites[$0])) }
        }
        let bins = Int(maxDistance / binWidth)
        var sums = [Double](repeating: 0, count: bins), counts = [Int](repeating: 0, count: bins)
        for values in samples {
            for i in sites.indices where !values[i].isNaN {
                for j in (i + 1)..<sites.count where !values[j].isNaN {
                    let dx = sites[i].x - sites[j].x, dy = sites[i].y - sites[j].y
                    let b = Int((dx * dx + dy * dy).squareRoot() / binWidth)
                    guard b < bins else { continue }
                    let diff = Double(values[i] - values[j])
                    sums[b] += diff * diff / 2
                    counts[b] += 1
                }
            }
        }
        var points: [(h: Double, g: Double, n: Double)] = []
        for b in 0..<bins where counts[b] >= 10 {
            let n = Double(counts[b])
            points.append((h: (Double(b) + 0.5) * binWidth, g: sums[b] / n, n: n))
        }
        guard points.count >= 3 else { return 30_000 }
        var best = (range: 30_000.0, error: Double.infinity)
        for r in candidateRanges {
            // Weighted least squares for nugget and sill given the range: γ = n + s·f, f = 1 − e^(−h/r).
            var sw = 0.0, sf = 0.0, sff = 0.0, sg = 0.0, sfg = 0.0
            for p in points {
                let f = 1 - exp(-p.h / r)
                sw += p.n; sf += p.n * f; sff += p.n * f * f; sg += p.n * p.g; sfg += p.n * f * p.g
            }
            let det = sw * sff - sf * sf
            guard det > 0 else { continue }
            let sill = max(0, (sw * sfg - sf * sg) / det), nugget = max(0, (sg - sill * sf) / sw)
            var error = 0.0
            for p in points {
                let misfit = p.g - nugget - sill * (1 - exp(-p.h / r))
                error += p.n * misfit * misfit
            }
            if error < best.error { best = (r, error) }
        }
        return best.range
    }
}
