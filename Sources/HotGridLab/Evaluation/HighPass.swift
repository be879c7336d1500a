import HotGridCore

/// A cell's value minus the mean of the cells around it (a square of ±`radius` cells): what
/// stands out locally once the regional gradient is gone. A baseline any analyst can compute
/// from an annual mean map.
enum HighPass {
    static func apply(_ values: [Double], cells: [Cell], radius: Int = 5) -> [Double] {
        var position: [Int64: Int] = [:]
        for (i, c) in cells.enumerated() { position[Int64(c.id.row) << 32 | Int64(c.id.column)] = i }
        return cells.indices.map { i in
            guard values[i].isFinite else { return .nan }
            var total = 0.0, n = 0
            for dr in -radius...radius {
                for dc in -radius...radius {
                    guard let j = position[Int64(cells[i].id.row + dr) << 32 | Int64(cells[i].id.column + dc)], values[j].isFinite else { continue }
                    total += values[j]
                    n += 1
                }
            }
            return values[i] - total / Double(n)
        }
    }
}
