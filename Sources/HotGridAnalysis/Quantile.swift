/// Order statistics without a full sort (Hoare's selection, expected linear time): a day's
/// background percentile over 31,668 cells, a level's median.
public enum Quantile {
    /// The `q` quantile (0…1, lower rank `Int(q · n)`) of the finite values; NaN when there are none.
    /// `scratch` is reused between calls to avoid allocating.
    public static func of(_ values: [Float], _ q: Double, scratch: inout [Float]) -> Float {
        scratch.removeAll(keepingCapacity: true)
        for v in values where v.isFinite { scratch.append(v) }
        guard !scratch.isEmpty else { return .nan }
        return select(&scratch, rank: min(scratch.count - 1, Int(q * Double(scratch.count))))
    }

    /// The element that would stand at `rank` if `values` were sorted; reorders `values`.
    public static func select(_ values: inout [Float], rank: Int) -> Float {
        var lo = 0, hi = values.count - 1
        while lo < hi {
            let pivot = median3(values[lo], values[(lo + hi) / 2], values[hi])
            var i = lo, j = hi
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j { values.swapAt(i, j); i += 1; j -= 1 }
            }
            if rank <= j { hi = j } else if rank >= i { lo = i } else { return values[rank] }
        }
        return values[rank]
    }

    private static func median3(_ a: Float, _ b: Float, _ c: Float) -> Float {
        max(min(a, b), min(max(a, b), c))
    }
}
