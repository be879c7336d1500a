import Foundation
import HotGridService
import HotGridCore

/// What a simulated world knows that no method sees, per region cell in the store's cell order:
/// its emission (truth/cells.csv), its mean PM2.5 over the period, and its monthly means
/// (truth/cells_monthly.csv).
struct WorldTruth {
    let emission: [Double]
    let meanPM25: [Double]
    /// Month → per cell (NaN where the file has no row).
    let monthly: [String: [Double]]

    init(folder: String, cells: [Cell]) throws {
        let position = Dictionary(uniqueKeysWithValues: cells.enumerated().map { ($1.id.description, $0) })
        var emission = [Double](repeating: .nan, count: cells.count), mean = emission
        let cellsPath = folder + "/truth/cells.csv"
        var columns: CSVColumns?
        try CSVReader(path: cellsPath).read(header: {
            columns = try CSVColumns(header: $0, required: ["cell_id", "emission_t_per_year", "pm25_mean"], path: cellsPath)
        }) { _, fields in
            guard let columns, let i = position[columns.value("cell_id", in: fields)] else { return }
            emission[i] = Double(columns.value("emission_t_per_year", in: fields)) ?? .nan
            mean[i] = Double(columns.value("pm25_mean", in: fields)) ?? .nan
        }
        var monthly: [String: [Double]] = [:]
        let monthlyPath = folder + "/truth/cells_monthly.csv"
        columns = nil
        try CSVReader(path: monthlyPath).read(header: {
            columns = try CSVColumns(header: $0, required: ["cell_id", "month", "pm25"], path: monthlyPath)
        }) { _, fields in
            guard let columns, let i = position[columns.value("cell_id", in: fields)], let v = Double(columns.value("pm25", in: fields)) else { return }
            monthly[columns.value("month", in: fields), default: [Double](repeating: .nan, count: cells.count)][i] = v
        }
        self.emission = emission
        meanPM25 = mean
        self.monthly = monthly
    }
}
