import Foundation

/// The satellite product with its day-to-day noise averaged out, for every cell and day.
///
/// A satellite PM2.5 product is noisy cell by cell and day by day (retrieval noise, 15–35 % at
/// 1–3 km), but its spatial pattern persists from one day to the next while the regional level
/// swings with the weather. So the product is split as
///
///     log S(cell, day) = level(day) + pattern(cell, day) + noise
///
/// with the level the day's median over the cells seen and the pattern the cell's mean departure
/// from the level over the seen days within ±`halfWindow` (triangular weights), alternated a few
/// times. `level + pattern` is then a low-noise prior for every cell-day, cloudy ones included:
/// calibrating on it does not shrink the spatial contrast the way a regression on the noisy daily
/// product does (regression dilution), and gap days take the pattern of a month of seen days
/// instead of one or two noisy neighbours. A day with too few cells seen takes its level from
/// the nearest days that have one.
public struct SatellitePrior: Sendable {
    public let days: Int
    public let cells: Int
    public let halfWindow: Int
    /// Per day, the log level (NaN only when no day of the period has one).
    public let level: [Float]
    /// Per day and cell (day-major), the log pattern; NaN where no seen day lies in the window.
    let pattern: [Float]
    /// Share of days whose level came from their own satellite cells.
    public let ownLevelShare: Double

    /// Days with fewer seen cells than this take the level of nearby days.
    public static let minimumSeen = 20

    /// `satellite`: per day the product per cell (NaN = unseen), nil for a day without it.
    public init(satellite: [[Float]?], cells: Int, halfWindow: Int = 30, sweeps: Int = 3) {
        let days = satellite.count
        self.days = days
        self.cells = cells
        self.halfWindow = halfWindow
        var logS = [Float](repeating: .nan, count: days * cells)
        for (d, values) in satellite.enumerated() {
            guard let values else { continue }
            for c in 0..<cells where values[c] > 0 && values[c].isFinite { logS[d * cells + c] = log(values[c]) }
        }
        // Start from each cell's mean over the whole period.
        var sums = [Double](repeating: 0, count: cells), counts = [Int](repeating: 0, count: cells)
        for d in 0..<days {
            for c in 0..<cells where logS[d * cells + c].isFinite {
                sums[c] += Double(logS[d * cells + c]); counts[c] += 1
            }
        }
        let start = (0..<cells).map { counts[$0] > 0 ? Float(sums[$0] / Double(counts[$0])) : .nan }
        var pattern = [Float](repeating: .nan, count: days * cells)
        for d in 0..<days { for c in 0..<cells { pattern[d * cells + c] = start[c] } }
        var level = [Float](repeating: .nan, count: days)
        for _ in 0..<max(1, sweeps) {
            level = Self.levels(logS: logS, pattern: pattern, days: days, cells: cells)
            pattern = Self.patterns(logS: logS, level: level, days: days, cells: cells, half: halfWindow)
        }
        level = Self.levels(logS: logS, pattern: pattern, days: days, cells: cells)
        ownLevelShare = Double(level.filter(\.isFinite).count) / Double(max(1, days))
        self.level = Self.filled(level)
        self.pattern = pattern
    }

    /// exp(level + pattern) for every cell on day `d` (NaN where the pattern is unknown).
    public func prior(day d: Int) -> [Float] {
        (0..<cells).map { c in exp(level[d] + pattern[d * cells + c]) }
    }

    /// exp(level + pattern) at the given cells on day `d`.
    public func prior(day d: Int, at cellIndices: [Int]) -> [Float] {
        cellIndices.map { exp(level[d] + pattern[d * cells + $0]) }
    }

    /// Each day's median of log S − pattern over the cells seen (NaN with too few), the days on all cores.
    private static func levels(logS: [Float], pattern: [Float], days: Int, cells: Int) -> [Float] {
        Parallel.map(days) { d in
            let base = d * cells
            var departures: [Float] = []
            departures.reserveCapacity(cells)
            for c in 0..<cells {
                let v = logS[base + c] - pattern[base + c]
                if v.isFinite { departures.append(v) }
            }
            guard departures.count >= minimumSeen else { return .nan }
            return Quantile.select(&departures, rank: min(departures.count - 1, departures.count / 2))
        }
    }

    /// Each cell-day's triangular-window mean of log S − level over the seen days, in blocks of
    /// cells on all cores (each cell's window runs over its own days only).
    private static func patterns(logS: [Float], level: [Float], days: Int, cells: Int, half: Int) -> [Float] {
        let blockCount = 16, size = (cells + blockCount - 1) / blockCount
        let blocks = Parallel.map(blockCount) { b -> [Float] in
            let first = min(cells, b * size), n = min(cells, first + size) - first
            var departure = [Float](repeating: .nan, count: days * n), seen = [Float](repeating: 0, count: days * n)
            for d in 0..<days where level[d].isFinite {
                for c in 0..<n where logS[d * cells + first + c].isFinite {
                    departure[d * n + c] = logS[d * cells + first + c] - level[d]
                    seen[d * n + c] = 1
                }
            }
            let num = TriangularWindow.sums(departure, days: days, cells: n, half: half)
            let den = TriangularWindow.sums(seen, days: days, cells: n, half: half)
            return (0..<(days * n)).map { den[$0] > 0.5 ? num[$0] / den[$0] : .nan }
        }
        var out = [Float](repeating: .nan, count: days * cells)
        for (b, block) in blocks.enumerated() {
            let first = min(cells, b * size), n = min(cells, first + size) - first
            for d in 0..<days { for c in 0..<n { out[d * cells + first + c] = block[d * n + c] } }
        }
        return out
    }

    /// Levels missing on some days filled from the nearest days before and after (linear in time).
    static func filled(_ level: [Float]) -> [Float] {
        let known = level.indices.filter { level[$0].isFinite }
        guard let first = known.first, let last = known.last else { return level }
        var out = level, k = 0
        for d in level.indices where !level[d].isFinite {
            if d < first { out[d] = level[first]; continue }
            if d > last { out[d] = level[last]; continue }
            while known[k + 1] < d { k += 1 }
            let before = known[k], after = known[k + 1]
            let t = Float(d - before) / Float(after - before)
            out[d] = level[before] * (1 - t) + level[after] * t
        }
        return out
    }
}
