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
    /// FISTA steps; 50–300 gave the same list on the 2+26 demo world and the same precision on the tuning worlds.
    public var iterations = 100

    public init() {}

    /// The fitted kernel, row-major over offsets (−radius…radius)², rows southwards.
    public func kernel(index: [Double], cells: [CellID]) -> [Double] {
        let table = OffsetTable(cells: cells, radius: radius)
        return fit(index: index.map { $0.isFinite ? $0 : 0 }, table: table)
    }

    /// The deconvolved index (same units; NaN where `index` is NaN).
    public func apply(index: [Double], cells: [CellID]) -> [Double] {
        fitted(index: index, cells: cells).apply(index)
    }

    /// The kernel fitted to `index`, ready to deconvolve it and indices like it (the same cells,
    /// e.g. resampled replicates) without fitting again.
    public func fitted(index: [Double], cells: [CellID]) -> Fitted {
        let table = OffsetTable(cells: cells, radius: radius)
        return Fitted(kernel: fit(index: index.map { $0.isFinite ? $0 : 0 }, table: table), table: table, iterations: iterations)
    }

    /// A fitted kernel A and the cells' neighbour table: solves min ‖A q − index‖², q ≥ 0.
    public struct Fitted: Sendable {
        /// Row-major over offsets (−radius…radius)², rows southwards.
        public let kernel: [Double]
        let table: OffsetTable
        let iterations: Int

        /// The deconvolved `index` (NaN where it is NaN), starting from `start` (the index itself,
        /// clipped at 0, when nil) and iterating `iterations` times (the fit's count when nil): a
        /// replicate starts from the deconvolved main index and needs far fewer steps.
        public func apply(_ index: [Double], start: [Double]? = nil, iterations: Int? = nil) -> [Double] {
            let m = kernel
            guard m[table.centre] > 0 else { return index }
            let y = index.map { $0.isFinite ? $0 : 0 }
            let n = y.count, offsets = table.offsets.count
            let neighbour = table.flat
            // A q, and Aᵀ r (the adjoint pairs offset o with its mirror −o, index offsets − 1 − o), in
            // blocks of cells on all cores.
            let blocks = 8, size = (n + blocks - 1) / blocks
            func multiply(_ x: [Double], adjoint: Bool) -> [Double] {
                Parallel.map(blocks) { b -> [Double] in
                    let range = min(n, b * size)..<min(n, (b + 1) * size)
                    var out = [Double](repeating: 0, count: range.count)
                    neighbour.withUnsafeBufferPointer { nb in
                        x.withUnsafeBufferPointer { x in
                            for o in 0..<offsets {
                                let weight = m[adjoint ? offsets - 1 - o : o], row = o * n
                                guard weight != 0 else { continue }
                                for i in range { let j = nb[row + i]; if j >= 0 { out[i - range.lowerBound] += weight * x[Int(j)] } }
                            }
                        }
                    }
                    return out
                }.flatMap { $0 }
            }
            let lipschitz = pow(m.reduce(0) { $0 + abs($1) }, 2)
            var q = start?.map { $0.isFinite ? max(0, $0) : 0 } ?? y.map { max(0, $0) }, z = q, t = 1.0
            for _ in 0..<(iterations ?? self.iterations) {
                var r = multiply(z, adjoint: false)
                for i in 0..<n { r[i] -= y[i] }
                let g = multiply(r, adjoint: true)
                let tn = (1 + (1 + 4 * t * t).squareRoot()) / 2, momentum = (t - 1) / tn
                for i in 0..<n {
                    let next = max(0, z[i] - g[i] / lipschitz)
                    z[i] = next + momentum * (next - q[i])
                    q[i] = next
                }
                t = tn
            }
            return (0..<n).map { index[$0].isFinite ? q[$0] : .nan }
        }
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
struct OffsetTable: Sendable {
    let offsets: [Offset]
    let neighbour: [[Int32]]
    var centre: Int { offsets.count / 2 }
    /// `neighbour` offset-major in one array: entry o · cells + i.
    let flat: [Int32]

    struct Offset: Sendable { let dr: Int, dc: Int }

    init(cells: [CellID], radius: Int) {
        var index: [CellID: Int32] = [:]
        for (i, c) in cells.enumerated() { index[c] = Int32(i) }
        offsets = (-radius...radius).flatMap { dr in (-radius...radius).map { dc in Offset(dr: dr, dc: dc) } }
        neighbour = offsets.map { o in
            cells.map { c in CellID(resolution: c.resolution, row: c.row + o.dr, column: c.column + o.dc).flatMap { index[$0] } ?? -1 }
        }
        flat = neighbour.flatMap { $0 }
    }
}
