import HotGridCore

/// How sure the hotspot list is of each cell: the probability that the cell belongs in the
/// selected share, estimated by a moving-block bootstrap over the year's days.
///
/// A year's emission index is a weighted mean over days (``EmissionContributions``). Each replicate
/// draws blocks of `blockDays` consecutive days with replacement (weather persists for days, so
/// single days are not independent draws), recomputes every cell's index from those days, refines
/// it as the list itself was (the spill-over deconvolution), and selects as the list did. A cell's
/// probability is the share of replicates that select it: near 1 for a cell the data put in the
/// list whatever the weather, near 0.5 for one on the cut that the days cannot separate from its
/// neighbours in rank.
public struct HotspotProbability: Sendable {
    /// Number of bootstrap replicates; the probability's standard error is at most 0.5/√replicates.
    public var replicates = 200
    /// Length of the blocks of consecutive days drawn together.
    public var blockDays = 7
    /// Seed of the resampling, so the same inputs give the same probabilities.
    public var seed: UInt64 = 1

    public init() {}

    /// Per cell, the share of replicates in which `select` picks it. `refine` turns a replicate's raw
    /// index into the index that is ranked; `select` returns the dense indices of the selected cells.
    /// `progress` is called on the caller's thread with the number of replicates just done.
    public func probabilities(contributions: EmissionContributions, refine: @escaping @Sendable ([Double]) -> [Double],
                              select: @escaping @Sendable ([Double]) -> [Int], progress: (Int) -> Void = { _ in }) -> [Double] {
        let days = contributions.days, cells = contributions.cells
        guard days > 0, replicates > 0 else { return [Double](repeating: .nan, count: cells) }
        let block = max(1, min(blockDays, days)), blocks = (days + block - 1) / block
        let root = SeededGenerator(seed: seed)
        let chosen = Parallel.map(replicates, batch: 10, progress: progress) { b -> [Int] in
            var generator = root.stream(UInt64(b))
            var multiplicity = [Int](repeating: 0, count: days)
            for _ in 0..<blocks {
                let start = generator.index(days - block + 1)
                for d in start..<(start + block) { multiplicity[d] += 1 }
            }
            return select(refine(contributions.index(multiplicity: multiplicity)))
        }
        var counts = [Int](repeating: 0, count: cells)
        for replicate in chosen { for c in replicate { counts[c] += 1 } }
        return counts.map { Double($0) / Double(replicates) }
    }
}
