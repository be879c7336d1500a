import Foundation
import HotGridCore

/// Second step of the emission index: undoes the index's own spill-over between neighbouring cells.
///
/// The divergence index is linear in the emissions, so over a year it is close to a convolution
/// of the true emission map with a small averaging kernel A (the index's point-spread function):
/// a source shows up in its own cell, and — through the plume's near field, which the steady
/// well-mixed balance does not describe — with negative side lobes in the cells around it, so a
/// big plant pushes its smaller neighbours down the ranking. Here A (a (2r+1)² stencil and a
/// constant) is fitted by least squares of the index on the shifted, clipped index itself (the
/// strong sources dominate the fit, so it is the kernel the big plants trace out), and the
/// emissions are then recovered by non-negative least squares, min ‖A q − index‖² with q ≥ 0
/// (emissions cannot be negative), by accelerated projected gradient (FISTA).
public struct SpillOverDeconvolution: Sendable {
    /// Half-width of the kernel in cells (2 → 5 × 5).
    public var radius = 2
    public var iterations = 300

    public init() {}

    /// The fitted kernel, row-major over offsets (−radius…radius)², rows southwards.
    public func kernel(index: [Double], cells: [CellID]) -> [Double] {
        let table = OffsetTable(cells: cells, radius: radius)
        return fit(index: index.map { $0.isFinite ? $0 : 0 }, table: table)
    }

    /// The deconvolved index (same units; NaN where `index` is NaN).
    public func apply(index: [Double], cells: [CellID]) -> [Double] {
        let table = OffsetTable(cells: cells, radius: radius)
        let y = index.map { $0.isFinite ? $0 : 0 }
        let m = fit(index: y, table: table)
        guard m[table.centre] > 0 else { return index }
        let n = y.count, offsets = table.offsets.count
        func forward(_ q: [Double]) -> [Double] {
            (0..<n).map { i in
                var s = 0.0
                for o in 0..<offsets { let j = table.neighbour[o][i]; if j >= 0 { s += m[o] * q[Int(j)] } }
                return s
            }
        }
        // Aᵀ r: the adjoint pairs offset o with its mirror −o (index offsets − 1 − o).
        func adjoint(_ r: [Double]) -> [Double] {
            (0..<n).map { j in
                var s = 0.0
                for o in 0..<offsets { let i = table.neighbour[offsets - 1 - o][j]; if i >= 0 { s += m[o] * r[Int(i)] } }
                return s
            }
        }
        let lipschitz = pow(m.reduce(0) { $0 + abs($1) }, 2)
        var q = y.map { max(0, $0) }, z = q, t = 1.0
        for _ in 0..<iterations {
            let az = forward(z)
            let g = adjoint((0..<n).map { az[$0] - y[$0] })
            let next = (0..<n).map { max(0, z[$0] - g[$0] / lipschitz) }
            let tn = (1 + (1 + 4 * t * t).squareRoot()) / 2
            z = (0..<n).map { next[$0] + (t - 1) / tn * (next[$0] - q[$0]) }
            q = next
            t = tn
        }
        return (0..<n).map { index[$0].isFinite ? q[$0] : .nan }
    }

    /// Least squares of y on the clipped index at every offset, plus a constant.
    private func fit(index y: [Double], table: OffsetTable) -> [Double] {
        let k = table.offsets.count, p = k + 1
        var ata = [Double](repeating: 0, count: p * p), aty = [Double](repeating: 0, count: p)
        var row = [Double](repeating: 0, count: p)
        for i in y.indices {
            for o in 0..<k { let j = table.neighbour[o][i]; row[o] = j >= 0 ? max(0, y[Int(j)]) : 0 }
            row[k] = 1
            for a in 0..<p where row[a] != 0 {
                aty[a] += row[a] * y[i]
                for b in 0..<p { ata[a * p + b] += row[a] * row[b] }
            }
        }
        return Array((LinearSystem.solve(ata, aty, p) ?? [Double](repeating: 0, count: p)).prefix(k))
    }
}

/// Dense index of the cell at each offset from every cell (−1 outside the region).
struct OffsetTable {
    let offsets: [(dr: Int, dc: Int)]
    let neighbour: [[Int32]]
    var centre: Int { offsets.count / 2 }

    init(cells: [CellID], radius: Int) {
        var index: [CellID: Int32] = [:]
        for (i, c) in cells.enumerated() { index[c] = Int32(i) }
        offsets = (-radius...radius).flatMap { dr in (-radius...radius).map { dc in (dr, dc) } }
        neighbour = offsets.map { o in
            cells.map { c in CellID(resolution: c.resolution, row: c.row + o.dr, column: c.column + o.dc).flatMap { index[$0] } ?? -1 }
        }
    }
}
