import Foundation
import HotGridCore

/// The neighbours of each cell on the grid (east, west, north, south), for finite differences.
public struct CellNeighbourhood: Sendable {
    /// Dense index of each neighbour, or -1 where the neighbour is outside the region.
    public let east: [Int32], west: [Int32], north: [Int32], south: [Int32]
    public let northEast: [Int32], northWest: [Int32], southEast: [Int32], southWest: [Int32]
    /// Cell size in metres.
    public let spacing: Double

    public init(cells: [CellID]) {
        var index: [CellID: Int32] = [:]
        for (i, c) in cells.enumerated() { index[c] = Int32(i) }
        func look(_ c: CellID, _ dr: Int, _ dc: Int) -> Int32 {
            CellID(resolution: c.resolution, row: c.row + dr, column: c.column + dc).flatMap { index[$0] } ?? -1
        }
        east = cells.map { look($0, 0, 1) }
        west = cells.map { look($0, 0, -1) }
        north = cells.map { look($0, -1, 0) }
        south = cells.map { look($0, 1, 0) }
        northEast = cells.map { look($0, -1, 1) }
        northWest = cells.map { look($0, -1, -1) }
        southEast = cells.map { look($0, 1, 1) }
        southWest = cells.map { look($0, 1, -1) }
        spacing = Double(cells.first?.resolution.meters ?? 3000)
    }
}

/// One day of what the emission index needs, per cell in dense order (NaN = missing).
public struct EmissionDay: Sendable {
    public let pm25: [Float]
    public let u10: [Float]
    public let v10: [Float]
    public let blh: [Float]
    /// Precipitation, mm/day; nil when not loaded.
    public let precip: [Float]?
    /// Where the satellite saw the cell that day (its PM2.5 is then observed, not gap-filled);
    /// nil when unknown (every cell counts fully).
    public let seen: [Bool]?

    public init(pm25: [Float], u10: [Float], v10: [Float], blh: [Float], precip: [Float]?, seen: [Bool]? = nil) {
        self.seen = seen
        self.pm25 = pm25
        self.u10 = u10
        self.v10 = v10
        self.blh = blh
        self.precip = precip
    }
}

/// How the emission index removes what weather explains.
public enum EmissionIndexMethod: String, Sendable, CaseIterable {
    /// Mass balance of each cell each day (the flux-divergence method of Beirle et al. 2019,
    /// used for top-down NOx emissions from satellite columns), averaged over the year.
    case divergence
    /// Fixed-effects regression of log PM2.5 on meteorology with cell and day effects; the
    /// cell effect is the index.
    case regression
}

/// Each cell's emission level with weather removed.
///
/// `divergence` (the default): in a mixed layer of height h, steady state of
/// `∂C/∂t = E/h − ∇·(uC) + K∇²C − C/τ` gives each cell's emission
///
///     E = h · ( (C − B)/τ + u·∇C − K∇²C )
///
/// with C the day's PM2.5, B the day's regional background (its 5th percentile over the region:
/// secondary aerosol and inflow, not local emission), u the 10 m wind, τ the lifetime of primary
/// PM2.5 (`lifetimeDays`, shortened by rain: 1/τ = 1/τ₀ + 0.1·precip per day) and K a horizontal
/// eddy diffusivity. Averaged over the year it is a rate: reported in t/yr per cell. Transport
/// from a neighbour shows up in u·∇C and K∇²C and is taken away; a basin's trapping shows up as a
/// low h and is divided out; rain shows up in τ. It needs the wind and boundary-layer fields.
/// Days are averaged with weights h^−1. Where the satellite did not see the cell, the day's PM2.5 is
/// gap-filled (the station field times a neighbouring day's pattern), so its local structure, and
/// hence its E, is not that day's: the emission, not the concentration, is what persists from day
/// to day, so such a cell-day takes instead the weighted mean E of the days within
/// ±`gapFluxWindow` on which the satellite saw the cell (a plume pattern copied from a windy day
/// onto a stagnant one would be wrong; that day's emission estimate is not). Every day of the year
/// then counts, cloudy seasons (open burning, summer construction) included, without the
/// gap-fill's own noise.
public struct EmissionIndex: Sendable {
    public var lifetimeDays = 2.0
    public var diffusivity = 3_000.0
    public var backgroundPercentile = 0.05
    /// Days are averaged with weights h^−p: a day's estimate scales with h, and so does its
    /// error, so shallow (stagnant) days tell more (p = 1 did best on simulated worlds).
    public var weightPower = 1.0
    /// Weight of a cell-day the satellite did not see (its value gap-filled from stations and
    /// neighbouring days) relative to a seen one, where no seen day lies within `gapFluxWindow`
    /// and its own E is used.
    public var gapWeight = 0.5
    /// Days either side whose seen E stands in for an unseen cell-day (0: use the unseen day's own E
    /// at `gapWeight`). 30 did best on simulated worlds (7–60 all helped).
    public var gapFluxWindow = 30

    public init() {}

    /// The divergence index per cell (t/yr) and the number of days behind it.
    public func divergence(days: [EmissionDay], neighbourhood n: CellNeighbourhood) -> (index: [Double], days: [Int]) {
        let c = contributions(days: days, neighbourhood: n)
        return (c.index(), c.counts)
    }

    /// What each day adds to each cell's index (its weight and weighted E), so the year's index can
    /// be recomputed on resampled days (``HotspotProbability``).
    public func contributions(days: [EmissionDay], neighbourhood n: CellNeighbourhood) -> EmissionContributions {
        let cells = n.east.count, dx = n.spacing
        // Per day and cell, E (NaN where it cannot be computed), the days on all cores.
        let flux = Parallel.map(days.count) { d in
            var out = [Float](repeating: .nan, count: cells)
            out.withUnsafeMutableBufferPointer { dailyFlux(days[d], neighbourhood: n, into: $0) }
            return out
        }
        let window = days.contains { $0.seen != nil } ? max(0, gapFluxWindow) : 0
        // Running sums over the seen cell-days within ±window of the day: Σ w·E and Σ w.
        var nearSum = [Double](repeating: 0, count: cells), nearWeight = nearSum
        func addSeen(_ e: Int, _ sign: Double) {
            guard e >= 0, e < days.count, let seen = days[e].seen else { return }
            let blh = days[e].blh
            for c in 0..<cells where seen[c] {
                let f = Double(flux[e][c])
                guard f.isFinite else { continue }
                let w = dayWeight(blh[c])
                nearSum[c] += sign * w * f
                nearWeight[c] += sign * w
            }
        }
        if window > 0 { for e in 0..<min(window, days.count) { addSeen(e, 1) } }
        var weighted = [Float](repeating: 0, count: days.count * cells), weights = weighted
        for (d, day) in days.enumerated() {
            if window > 0 {
                addSeen(d + window, 1)
                addSeen(d - window - 1, -1)
            }
            for c in 0..<cells {
                let own = Double(flux[d][c])
                guard own.isFinite else { continue }
                let w = dayWeight(day.blh[c])
                var f = own, weight = w
                if let seen = day.seen, !seen[c] {
                    if window > 0, nearWeight[c] > 1e-9 * w {
                        f = nearSum[c] / nearWeight[c]
                    } else {
                        weight = w * gapWeight
                    }
                }
                weighted[d * cells + c] = Float(weight * f)
                weights[d * cells + c] = Float(weight)
            }
        }
        // µg/m²/s over a cell for a year, in tonnes.
        return EmissionContributions(cells: cells, days: days.count, weighted: weighted, weight: weights,
                                     toTonnes: dx * dx * 365.25 * 86_400 / 1e12)
    }

    /// A cell-day's weight h^−p (1/h for the default p = 1, without `pow`).
    private func dayWeight(_ blh: Float) -> Double {
        weightPower == 1 ? 1 / Double(blh) : pow(Double(blh), -weightPower)
    }

    /// One day's E = h((C − B)/τ + u·∇C − K∇²C) per cell (µg/m²/s), NaN where it cannot be computed.
    func dailyFlux(_ day: EmissionDay, neighbourhood n: CellNeighbourhood, into out: UnsafeMutableBufferPointer<Float>) {
        let cells = n.east.count, dx = n.spacing
        var scratch: [Float] = []
        let background = Double(Quantile.of(day.pm25, backgroundPercentile, scratch: &scratch))
        guard background.isFinite else { return }
        for c in 0..<cells {
            let here = Double(day.pm25[c]), h = Double(day.blh[c]), u = Double(day.u10[c]), v = Double(day.v10[c])
            guard here.isFinite, h.isFinite, u.isFinite, v.isFinite, h > 0 else { continue }
            func value(_ i: Int32) -> Double? {
                guard i >= 0 else { return nil }
                let x = Double(day.pm25[Int(i)])
                return x.isFinite ? x : nil
            }
            let e = value(n.east[c]), w = value(n.west[c]), no = value(n.north[c]), s = value(n.south[c])
            // Central differences where both sides exist, one-sided at the region's edge.
            let gx = Self.gradient(e, w, here, dx), gy = Self.gradient(no, s, here, dx)
            // The nine-point Laplacian where all eight neighbours exist (isotropic, less noisy), else five-point.
            let lap: Double
            if let e, let w, let no, let s, let ne = value(n.northEast[c]), let nw = value(n.northWest[c]),
               let se = value(n.southEast[c]), let sw = value(n.southWest[c]) {
                lap = (4 * (e + w + no + s) + ne + nw + se + sw - 20 * here) / (6 * dx * dx)
            } else {
                lap = Self.second(e, w, here, dx) + Self.second(no, s, here, dx)
            }
            let rain = day.precip.map { Double($0[c]) } ?? 0
            let loss = (1 / lifetimeDays + 0.1 * (rain.isFinite ? max(0, rain) : 0)) / 86_400
            out[c] = Float(h * ((here - background) * loss + u * gx + v * gy - diffusivity * lap)) // µg/m²/s
        }
    }

    static func gradient(_ plus: Double?, _ minus: Double?, _ here: Double, _ dx: Double) -> Double {
        switch (plus, minus) {
        case let (p?, m?): (p - m) / (2 * dx)
        case let (p?, nil): (p - here) / dx
        case let (nil, m?): (here - m) / dx
        default: 0
        }
    }

    /// The second difference; at the region's edge the missing side mirrors the present one
    /// (a reflecting boundary), so a peak at the edge still shows as a peak.
    static func second(_ plus: Double?, _ minus: Double?, _ here: Double, _ dx: Double) -> Double {
        switch (plus, minus) {
        case let (p?, m?): (p + m - 2 * here) / (dx * dx)
        case let (p?, nil): 2 * (p - here) / (dx * dx)
        case let (nil, m?): 2 * (m - here) / (dx * dx)
        default: 0
        }
    }

}

/// Each day's share of every cell's divergence index: the day's weight w and w·E per cell.
/// The year's index is Σ w·E / Σ w; with days drawn again (some twice, some not at all) it is one
/// bootstrap replicate of the index.
public struct EmissionContributions: Sendable {
    public let cells: Int
    public let days: Int
    /// Day-major, w·E and w per cell-day; both 0 where the day tells nothing of the cell.
    let weighted: [Float], weight: [Float]
    /// From the mean E (µg/m²/s) to tonnes per cell and year.
    let toTonnes: Double

    /// Days with a contribution, per cell.
    public var counts: [Int] {
        var counts = [Int](repeating: 0, count: cells)
        for d in 0..<days { for c in 0..<cells where weight[d * cells + c] > 0 { counts[c] += 1 } }
        return counts
    }

    /// The index (t/yr) with each day counted `multiplicity[day]` times (all once when nil); NaN
    /// where no counted day tells anything of the cell.
    public func index(multiplicity: [Int]? = nil) -> [Double] {
        var sums = [Double](repeating: 0, count: cells), totals = sums
        weighted.withUnsafeBufferPointer { wf in
            weight.withUnsafeBufferPointer { w in
                for d in 0..<days {
                    let m = Double(multiplicity?[d] ?? 1)
                    guard m > 0 else { continue }
                    let base = d * cells
                    for c in 0..<cells {
                        sums[c] += m * Double(wf[base + c])
                        totals[c] += m * Double(w[base + c])
                    }
                }
            }
        }
        return (0..<cells).map { totals[$0] > 0 ? sums[$0] / totals[$0] * toTonnes : .nan }
    }
}
