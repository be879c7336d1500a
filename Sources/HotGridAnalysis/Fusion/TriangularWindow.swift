/// Weighted sums over the days around each day, the weight falling linearly with distance in
/// time (half + 1 − |k| for |k| ≤ half): a box of half + 1 days looking forward convolved with
/// one looking back, each a running sum, so the cost does not grow with the window.
enum TriangularWindow {
    /// Per day, the window sums of `values` (day-major, `cells` per day); NaN entries count as 0.
    static func sums(_ values: [Float], days: Int, cells: Int, half: Int) -> [Float] {
        let forward = box(values, days: days, cells: cells, width: half + 1, forward: true)
        return box(forward, days: days, cells: cells, width: half + 1, forward: false)
    }

    /// Running sums over `width` days starting at (forward) or ending at (backward) each day.
    private static func box(_ values: [Float], days: Int, cells: Int, width: Int, forward: Bool) -> [Float] {
        var out = [Float](repeating: 0, count: days * cells)
        var running = [Double](repeating: 0, count: cells)
        let order = forward ? Array((0..<days).reversed()) : Array(0..<days)
        for d in order {
            let entering = d * cells, leaving = forward ? d + width : d - width
            for c in 0..<cells {
                let v = values[entering + c]
                if v.isFinite { running[c] += Double(v) }
            }
            if leaving >= 0, leaving < days {
                let base = leaving * cells
                for c in 0..<cells {
                    let v = values[base + c]
                    if v.isFinite { running[c] -= Double(v) }
                }
            }
            for c in 0..<cells { out[entering + c] = Float(running[c]) }
        }
        return out
    }
}
