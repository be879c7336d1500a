import Foundation
import HotGridCore

/// Ordinary kriging with an exponential covariance and a nugget, from each target's nearest
/// sites (a moving neighbourhood, as gstat's `nmax`): the spatial field of what the calibrated
/// satellite gets wrong, known at the stations and spread to every cell.
///
/// The covariance is C(h) = exp(−h / range) for h > 0 and 1 + nugget at h = 0, so the nugget is
/// the share of a station's value that does not carry to its neighbours (its own near field,
/// measurement noise). Both are chosen by leave-one-out cross-validation over the stations among
/// ``candidateRanges`` × ``candidateNuggets``: fitted to each network and period, not to one world.
public struct OrdinaryKriging: Sendable, Equatable {
    public let range: Double
    public let nugget: Double
    public let neighbours: Int

    public static let candidateRanges: [Double] = [5, 10, 20, 40, 80, 160].map { $0 * 1000 }
    public static let candidateNuggets: [Double] = [0.03, 0.1, 0.3, 1.0]

    public init(range: Double, nugget: Double, neighbours: Int = 16) {
        self.range = range
        self.nugget = nugget
        self.neighbours = neighbours
    }

    /// The candidate with the smallest leave-one-out error on `values` at `sites` (NaN = no value).
    /// With fewer than five values, a long range and a large nugget: close to their mean everywhere.
    public static func fit(sites: [ProjectedPoint], values: [Float], neighbours: Int = 16) -> OrdinaryKriging {
        let known = values.indices.filter { values[$0].isFinite }
        guard known.count >= 5 else { return OrdinaryKriging(range: 160_000, nugget: 1, neighbours: neighbours) }
        let points = known.map { sites[$0] }, v = known.map { Double(values[$0]) }
        // Each station's nearest others, found once for every candidate.
        let around = points.indices.map { i in
            nearest(points[i], points, count: neighbours + 1).filter { $0.index != i }.prefix(neighbours).map { $0 }
        }
        var best = (model: OrdinaryKriging(range: 40_000, nugget: 0.3, neighbours: neighbours), error: Double.infinity)
        for range in candidateRanges {
            for nugget in candidateNuggets {
                let model = OrdinaryKriging(range: range, nugget: nugget, neighbours: neighbours)
                var error = 0.0
                for i in points.indices {
                    let w = model.solve(around[i], sites: points)
                    let estimate = zip(around[i], w).reduce(0.0) { $0 + $1.1 * v[$1.0.index] }
                    error += (estimate - v[i]) * (estimate - v[i])
                }
                if error < best.error { best = (model, error) }
            }
        }
        return best.model
    }

    /// The weights of the nearest sites for a value at `target` (they sum to one).
    public func weights(at target: ProjectedPoint, sites: [ProjectedPoint]) -> (sites: [Int], weights: [Double]) {
        let nearest = Self.nearest(target, sites, count: neighbours)
        return (nearest.map(\.index), solve(nearest, sites: sites))
    }

    /// The kriging weights of `nearest` (site indices with their distances to the target).
    func solve(_ nearest: [(index: Int, distance: Double)], sites: [ProjectedPoint]) -> [Double] {
        let k = nearest.count
        guard k > 1 else { return nearest.map { _ in 1 } }
        // [K 1; 1ᵀ 0] [w; μ] = [k₀; 1]
        let size = k + 1
        var a = [Double](repeating: 0, count: size * size), b = [Double](repeating: 0, count: size)
        for i in 0..<k {
            for j in 0..<k {
                a[i * size + j] = i == j ? 1 + nugget : covariance(distance(sites[nearest[i].index], sites[nearest[j].index]))
            }
            a[i * size + k] = 1
            a[k * size + i] = 1
            b[i] = nearest[i].distance < 1 ? 1 + nugget : covariance(nearest[i].distance)
        }
        b[k] = 1
        guard let solution = LinearSystem.solve(a, b, size) else { return nearest.map { _ in 1 / Double(k) } }
        return Array(solution.prefix(k))
    }

    func covariance(_ h: Double) -> Double { exp(-h / range) }

    func distance(_ a: ProjectedPoint, _ b: ProjectedPoint) -> Double {
        ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
    }

    /// The `count` sites nearest `target`, nearest first (ties by index).
    static func nearest(_ target: ProjectedPoint, _ sites: [ProjectedPoint], count: Int) -> [(index: Int, distance: Double)] {
        var best: [(index: Int, distance: Double)] = []
        best.reserveCapacity(count + 1)
        for (i, s) in sites.enumerated() {
            let d = ((s.x - target.x) * (s.x - target.x) + (s.y - target.y) * (s.y - target.y)).squareRoot()
            guard best.count < count || d < best[best.count - 1].distance else { continue }
            let at = best.firstIndex { $0.distance > d } ?? best.count
            best.insert((i, d), at: at)
            if best.count > count { best.removeLast() }
        }
        return best
    }
}
