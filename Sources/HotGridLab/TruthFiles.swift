import Foundation
import HotGridService
import HotGridAnalysis
import HotGridCore
import HotGridStore

/// Reading a simulated world's truth to score estimates against it.
public enum TruthFiles {
    /// truth/stations_daily.csv: station id → day → true daily PM2.5 at the station's cell.
    public static func stationsDaily(_ path: String) throws -> [String: [Day: Double]] {
        var truth: [String: [Day: Double]] = [:]
        var columns: CSVColumns?
        try CSVReader(path: path).read(header: {
            columns = try CSVColumns(header: $0, required: ["station_id", "day", "pm25"], path: path)
        }) { line, fields in
            guard let columns else { return }
            guard let day = Day(columns.value("day", in: fields)), let value = Double(columns.value("pm25", in: fields)) else {
                throw IngestError.badRow(path: path, line: line, problem: "day or pm25 unreadable")
            }
            truth[columns.value("station_id", in: fields), default: [:]][day] = value
        }
        return truth
    }

    /// The estimate's mean over `from…to` against truth/cells.csv's `pm25_mean`, over every cell both have.
    public static func compareCellMeans(store: any Store, truthPath: String, from: Day, to: Day) throws -> AgreementMetrics {
        var truth: [String: Double] = [:]
        var columns: CSVColumns?
        try CSVReader(path: truthPath).read(header: {
            columns = try CSVColumns(header: $0, required: ["cell_id", "pm25_mean"], path: truthPath)
        }) { _, fields in
            guard let columns, let v = Double(columns.value("pm25_mean", in: fields)) else { return }
            truth[columns.value("cell_id", in: fields)] = v
        }
        let days = try store.fieldDays(FieldVariable.pm25.rawValue, from: from, to: to)
        let cells = try store.cells()
        let means = PeriodMeans.compute(days: days.map(\.values), cellCount: cells.count, expectedDays: days.count, minimumDays: 1)
        var estimates: [Double] = [], references: [Double] = []
        for (cell, mean) in zip(cells, means) {
            guard let m = mean.mean, let t = truth[cell.id.description] else { continue }
            estimates.append(m)
            references.append(t)
        }
        return AgreementMetrics(estimates: estimates, observations: references)
    }
}
