import HotGridCore

public enum PeriodMeans {
    /// Per cell, the mean of `days` (each a day's values in cell order, NaN = missing), valid when
    /// at least `minimumDays` have a value.
    public static func compute(days: [[Float]], cellCount: Int, expectedDays: Int, minimumDays: Int) -> [PeriodMean] {
        var sums = [Double](repeating: 0, count: cellCount), counts = [Int](repeating: 0, count: cellCount)
        for values in days {
            for c in 0..<min(cellCount, values.count) where !values[c].isNaN {
                sums[c] += Double(values[c])
                counts[c] += 1
            }
        }
        return (0..<cellCount).map { c in
            PeriodMean(mean: counts[c] >= minimumDays ? sums[c] / Double(counts[c]) : nil, validDays: counts[c], expectedDays: expectedDays)
        }
    }
}
