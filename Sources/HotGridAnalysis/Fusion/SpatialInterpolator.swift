import Foundation
import HotGridCore

/// For each target point, the nearest sample sites, nearest first: computed once for a network,
/// so each day's interpolation only walks a short list.
public struct NeighbourIndex: Sendable {
    /// Per target, up to `count` site indices and their distances (m), nearest first.
    public let sites: [[Int32]]
    public let distances: [[Float]]

    public init(targets: [ProjectedPoint], sites: [ProjectedPoint], count: Int = 24) {
        let lists = Parallel.map(targets.count) { t in OrdinaryKriging.nearest(targets[t], sites, count: count) }
        self.sites = lists.map { $0.map { Int32($0.index) } }
        distances = lists.map { $0.map { Float($0.distance) } }
    }
}

/// Interpolates values known at sites (stations) to targets (cells): a plane fitted to all the
/// values by least squares carries the regional gradient, and the residuals are spread by inverse-distance weighting over the nearest
/// sites, fading towards the plane beyond `range` (an exponential decay with a pseudo-site of
/// zero residual at that distance).
///
/// Reproduces a constant or linear field exactly; with one site it returns that site's value
/// everywhere; at a site it returns the site's own value.
public struct SpatialInterpolator: Sendable {
    public let index: NeighbourIndex
    public let targets: [ProjectedPoint]
    public let sites: [ProjectedPoint]
    /// Distance (m) over which a residual's influence fades.
    public let range: Double
    /// How many of the nearest available sites take part.
    public let neighbours: Int
    /// exp(−d/range)/d² for each target's listed sites: distances never change, so neither do these.
    private let weights: [[Double]]

    public init(targets: [ProjectedPoint], sites: [ProjectedPoint], range: Double = 30_000, neighbours: Int = 10) {
        self.targets = targets
        self.sites = sites
        self.range = range
        self.neighbours = neighbours
        let index = NeighbourIndex(targets: targets, sites: sites, count: max(neighbours * 2, 24))
        self.index = index
        weights = index.distances.map { list in
            list.map { d in
                let d = max(Double(d), 1)
                return exp(-d / range) / (d * d)
            }
        }
    }

    /// Interpolates `values` (one per site, NaN where the site has none) to every target.
    /// NaN everywhere when no site has a value.
    public func interpolate(_ values: [Float]) -> [Float] {
        guard let plane = Plane.fit(sites: sites, values: values) else { return [Float](repeating: .nan, count: targets.count) }
        let residuals = values.indices.map { values[$0].isNaN ? Float.nan : values[$0] - Float(plane.value(at: sites[$0])) }
        // The pseudo-site: a zero residual at distance `range`.
        let shrink = exp(-1.0) / (range * range)
        return targets.indices.map { t in
            var weighted = 0.0, total = 0.0, used = 0
            let list = index.sites[t], w = weights[t]
            for k in list.indices {
                let site = Int(list[k])
                let r = residuals[site]
                guard !r.isNaN else { continue }
                if index.distances[t][k] < 1.5 { return values[site] } // a target at a site takes its value
                weighted += w[k] * Double(r)
                total += w[k]
                used += 1
                if used == neighbours { break }
            }
            return Float(plane.value(at: targets[t]) + weighted / (total + shrink))
        }
    }
}

/// A least-squares plane v = a + b·x + c·y (coordinates in km about their mean); a constant
/// when fewer than three sites, or sites on a line, leave the slopes undetermined.
struct Plane {
    let a: Double, b: Double, c: Double, x0: Double, y0: Double

    func value(at p: ProjectedPoint) -> Double { a + b * (p.x - x0) / 1000 + c * (p.y - y0) / 1000 }

    static func fit(sites: [ProjectedPoint], values: [Float]) -> Plane? {
        let known = values.indices.filter { !values[$0].isNaN }
        guard !known.isEmpty else { return nil }
        let n = Double(known.count)
        let x0 = known.map { sites[$0].x }.reduce(0, +) / n, y0 = known.map { sites[$0].y }.reduce(0, +) / n
        let mean = known.map { Double(values[$0]) }.reduce(0, +) / n
        guard known.count >= 3 else { return Plane(a: mean, b: 0, c: 0, x0: x0, y0: y0) }
        var sxx = 0.0, sxy = 0.0, syy = 0.0, sxv = 0.0, syv = 0.0
        for i in known {
            let x = (sites[i].x - x0) / 1000, y = (sites[i].y - y0) / 1000, v = Double(values[i]) - mean
            sxx += x * x; sxy += x * y; syy += y * y; sxv += x * v; syv += y * v
        }
        let det = sxx * syy - sxy * sxy
        guard det > 1e-9 * max(1, sxx * syy) else { return Plane(a: mean, b: 0, c: 0, x0: x0, y0: y0) }
        return Plane(a: mean, b: (sxv * syy - syv * sxy) / det, c: (syv * sxx - sxv * sxy) / det, x0: x0, y0: y0)
    }
}
