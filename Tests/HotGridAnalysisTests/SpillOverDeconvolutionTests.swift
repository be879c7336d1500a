import Foundation
import Testing
import HotGridCore
@testable import HotGridAnalysis

private let side = 30
private let cells = (0..<(side * side)).map { CellID(resolution: .m3000, row: 700 + $0 / side, column: 1500 + $0 % side)! }
private func at(_ r: Int, _ c: Int) -> Int { r * side + c }

@Suite("Spill-over deconvolution of the emission index")
struct SpillOverDeconvolutionTests {
    /// Sparse sources, a few of them big: every fourth cell or so, log-uniform over 10…3000 t/yr.
    func sources() -> [Double] {
        var state: UInt64 = 12345
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        return (0..<(side * side)).map { _ in next() < 0.25 ? 10 * pow(300, next()) : 0 }
    }

    /// The index the sources give through a kernel with negative side lobes.
    func blurred(_ q: [Double]) -> [Double] {
        var index = [Double](repeating: 0, count: q.count)
        for r in 0..<side {
            for c in 0..<side where q[at(r, c)] > 0 {
                for dr in -2...2 {
                    for dc in -2...2 where (0..<side).contains(r + dr) && (0..<side).contains(c + dc) {
                        let d = max(abs(dr), abs(dc))
                        index[at(r + dr, c + dc)] += q[at(r, c)] * (d == 0 ? 1 : (d == 1 ? -0.06 : -0.03))
                    }
                }
            }
        }
        return index
    }

    func topOverlap(_ a: [Double], _ b: [Double], _ k: Int) -> Int {
        let top = { (v: [Double]) in Set(v.indices.sorted { v[$0] > v[$1] }.prefix(k)) }
        return top(a).intersection(top(b)).count
    }

    @Test("Undoing the side lobes brings the ranking back to the emissions")
    func ranking() {
        let q = sources(), index = blurred(q)
        let k = q.count / 10
        let result = SpillOverDeconvolution().apply(index: index, cells: cells)
        #expect(result.allSatisfy { $0 >= 0 })
        let before = topOverlap(index, q, k), after = topOverlap(result, q, k)
        #expect(after > before, "top 10 %: \(before) of \(k) blurred, \(after) deconvolved")
        let kernel = SpillOverDeconvolution().kernel(index: index, cells: cells)
        #expect(kernel[12] > 0 && kernel[7] < 0 && kernel[17] < 0, "a positive centre, negative side lobes")
    }

    @Test("NaN cells stay NaN and an all-zero index stays zero")
    func edges() {
        var index = [Double](repeating: 0, count: cells.count)
        index[at(0, 0)] = .nan
        let q = SpillOverDeconvolution().apply(index: index, cells: cells)
        #expect(q[at(0, 0)].isNaN)
        #expect(q.filter { !$0.isNaN }.allSatisfy { $0 == 0 })
    }
}
