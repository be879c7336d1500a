import Foundation
import HotGridService

/// Whether the hotspot probabilities mean what they say on a world whose truth is known: of the
/// cells given probability p of being in the top share, about p should truly be there. The
/// bootstrap resamples days only, so it knows nothing of errors that last the whole year (a
/// satellite's persistent bias, a station's siting); where those dominate the probabilities are
/// too sure, and this shows by how much.
public struct ProbabilityCalibration: Sendable {
    /// A range of probabilities, the cells given one in it, and the share of them truly in the top share.
    public struct Bin: Sendable {
        public let range: ClosedRange<Double>
        public let cells: Int
        public let meanProbability: Double
        public let trulyTop: Double
    }

    /// Mean squared difference between each cell's probability and its true membership (0 or 1).
    public let brier: Double
    /// The Brier score of the no-skill forecast (every cell given the share itself), for scale.
    public let climatology: Double
    public let bins: [Bin]

    static let edges: [ClosedRange<Double>] = [0...0.1, 0.1...0.5, 0.5...0.9, 0.9...1]

    /// `probability` and `truth` (the true emission) per cell; the true top share is taken as the
    /// list takes its own (the rounded count of cells).
    init(probability: [Double], truth: [Double], share: Double) {
        let cells = probability.indices.filter { probability[$0].isFinite && truth[$0].isFinite }
        let k = Int((share * Double(cells.count)).rounded())
        let top = Set(cells.sorted { truth[$0] > truth[$1] }.prefix(k))
        let outcome = { (c: Int) in top.contains(c) ? 1.0 : 0.0 }
        brier = cells.reduce(0) { $0 + pow(probability[$1] - outcome($1), 2) } / Double(max(1, cells.count))
        let base = Double(k) / Double(max(1, cells.count))
        climatology = base * (1 - base)
        bins = Self.edges.enumerated().map { i, range in
            // Each bin holds its lower edge; the last also its upper one.
            let members = cells.filter { range.lowerBound <= probability[$0] && (probability[$0] < range.upperBound || i == Self.edges.count - 1) }
            let n = Double(max(1, members.count))
            return Bin(range: range, cells: members.count, meanProbability: members.reduce(0) { $0 + probability[$1] } / n,
                       trulyTop: members.reduce(0) { $0 + outcome($1) } / n)
        }
    }

    /// "p 0.9–1: 412 cells, mean 0.98, truly top 0.81; …" for the terminal.
    public var text: String {
        String(format: "Brier %.3f (no skill %.3f); ", brier, climatology) + bins.filter { $0.cells > 0 }.map { b in
            String(format: "p %.1f–%.1f: %d cells, mean %.2f, truly top %.2f", b.range.lowerBound, b.range.upperBound, b.cells, b.meanProbability, b.trulyTop)
        }.joined(separator: "; ")
    }
}
