import Foundation
import HotGridCore

/// The true monthly mean PM2.5 of every region cell, gathered day by day, for scoring monthly
/// estimates (truth/cells_monthly.csv). A month at the edge of the period is the mean of its
/// simulated days.
struct MonthlyTruth {
    let months: [Month]
    private let monthOfDay: [Int]
    /// Per month, per region cell: the sum of daily truths and the number of days.
    private var sums: [[Double]]
    private var dayCounts: [Int]

    init(days: [Day], cells: Int) {
        var months: [Month] = []
        monthOfDay = days.map { day in
            let month = Month(day)
            if months.last != month { months.append(month) }
            return months.count - 1
        }
        self.months = months
        sums = [[Double]](repeating: [Double](repeating: 0, count: cells), count: months.count)
        dayCounts = [Int](repeating: 0, count: months.count)
    }

    /// Adds day `d`'s truth, given per region cell.
    mutating func add(day d: Int, truth: [Double]) {
        let m = monthOfDay[d]
        for k in truth.indices { sums[m][k] += truth[k] }
        dayCounts[m] += 1
    }

    /// `cell_id,month,pm25`, each cell's months together, 2 decimals.
    func csv(cells: [Cell]) -> String {
        var text = "cell_id,month,pm25\n"
        let labels = months.map(\.description)
        for (k, cell) in cells.enumerated() {
            let id = cell.id.description
            for m in months.indices {
                text += id + "," + labels[m] + "," + String(format: "%.2f", sums[m][k] / Double(max(1, dayCounts[m]))) + "\n"
            }
        }
        return text
    }
}
