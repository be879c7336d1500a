/// Small dense linear systems (normal equations of least-squares fits).
enum LinearSystem {
    /// Solves A x = b for the k × k row-major A by Gaussian elimination with partial pivoting;
    /// nil when A is singular.
    static func solve(_ a: [Double], _ b: [Double], _ k: Int) -> [Double]? {
        var m = a, r = b
        for col in 0..<k {
            guard let pivot = (col..<k).max(by: { abs(m[$0 * k + col]) < abs(m[$1 * k + col]) }), abs(m[pivot * k + col]) > 1e-12 else { return nil }
            if pivot != col {
                for j in 0..<k { m.swapAt(col * k + j, pivot * k + j) }
                r.swapAt(col, pivot)
            }
            for row in (col + 1)..<k {
                let f = m[row * k + col] / m[col * k + col]
                for j in col..<k { m[row * k + j] -= f * m[col * k + j] }
                r[row] -= f * r[col]
            }
        }
        var x = [Double](repeating: 0, count: k)
        for row in stride(from: k - 1, through: 0, by: -1) {
            var s = r[row]
            for j in (row + 1)..<k { s -= m[row * k + j] * x[j] }
            x[row] = s / m[row * k + row]
        }
        return x
    }
}
