import Foundation
import Testing
import HotGridCore
@testable import HotGridAnalysis

@Suite("Hotspot probabilities by resampling days")
struct HotspotProbabilityTests {
    /// 20 cells over a year, each day's E drawn around the cell's level: cell 0 far above the rest,
    /// cell 2 the same days as cell 1 in another order (the same year's index, other replicates),
    /// the others well below. The list takes the top 2.
    private func contributions(seed: UInt64) -> EmissionContributions {
        var generator = SeededGenerator(seed: seed)
        let cells = 20, days = 365
        let level = (0..<cells).map { $0 == 0 ? 100.0 : $0 < 3 ? 50 : 20 }
        var weighted = [Float](repeating: 0, count: cells * days), weight = weighted
        for d in 0..<days {
            for c in 0..<cells {
                let w = 1 + generator.uniform()
                weight[d * cells + c] = Float(w)
                weighted[d * cells + c] = Float(w * (level[c] + 20 * generator.normal()))
            }
        }
        for d in 0..<days {
            let mirror = (d * 7919) % days
            weight[d * cells + 2] = weight[mirror * cells + 1]
            weighted[d * cells + 2] = weighted[mirror * cells + 1]
        }
        return EmissionContributions(cells: cells, days: days, weighted: weighted, weight: weight, toTonnes: 1)
    }

    private func topTwo(_ index: [Double]) -> [Int] {
        Array(index.indices.sorted { index[$0] > index[$1] }.prefix(2))
    }

    @Test("A cell far above the cut is near-certain; two cells level at the cut share it, each near 0.5")
    func certainAndTied() {
        let c = contributions(seed: 7)
        var bootstrap = HotspotProbability()
        bootstrap.replicates = 400
        let p = bootstrap.probabilities(contributions: c, refine: { $0 }, select: topTwo)
        #expect(p[0] >= 0.99)
        #expect((0.3...0.7).contains(p[1]) && (0.3...0.7).contains(p[2]), "p1 \(p[1]), p2 \(p[2])")
        #expect(abs(p[1] + p[2] - 1) < 0.02)
        #expect(p[3...].allSatisfy { $0 < 0.02 })
        // The full year's index agrees with the day-weighted mean, and the resampling is repeatable.
        #expect(abs(c.index()[0] - 100) < 3)
        #expect(abs(c.index()[1] - c.index()[2]) < 1e-6)
        #expect(bootstrap.probabilities(contributions: c, refine: { $0 }, select: topTwo) == p)
        bootstrap.seed = 2
        #expect(bootstrap.probabilities(contributions: c, refine: { $0 }, select: topTwo) != p)
    }

    @Test("Counting a day twice weighs it twice; a day counted zero times drops out")
    func multiplicity() {
        let c = EmissionContributions(cells: 1, days: 2, weighted: [10, 30], weight: [1, 1], toTonnes: 1)
        #expect(c.index() == [20])
        #expect(c.index(multiplicity: [2, 1]) == [50.0 / 3])
        #expect(c.index(multiplicity: [0, 1]) == [30])
        #expect(c.index(multiplicity: [0, 0])[0].isNaN)
        #expect(c.counts == [2])
    }
}
