import Foundation
import HotGridAnalysis
import HotGridCore
import HotGridStore

/// `hotgrid means`: each cell's monthly or annual mean of the daily PM2.5 estimate, with its
/// coverage, under China's validity rules.
public struct MeansExport {
    public enum Period: Sendable, Equatable {
        case month(Month)
        case year(Int)

        var label: String {
            switch self {
            case let .month(m): m.description
            case let .year(y): "\(y)"
            }
        }
        var first: Day {
            switch self {
            case let .month(m): m.firstDay
            case let .year(y): Day(year: y, month: 1, day: 1)!
            }
        }
        var last: Day {
            switch self {
            case let .month(m): m.lastDay
            case let .year(y): Day(year: y, month: 12, day: 31)!
            }
        }
    }

    public static let columns = ["cell_id", "period", "pm25", "valid_days", "expected_days"]

    private let store: any Store
    public init(store: any Store) { self.store = store }

    /// Each cell's mean, in dense cell order.
    public func means(_ period: Period) throws -> [PeriodMean] {
        if case let .month(month) = period {
            guard let means = try MonthlyMeans(store: store).means(month) else { throw EstimateError.noEstimate(store.location) }
            return means
        }
        let days = try store.fieldDays(FieldVariable.pm25.rawValue, from: period.first, to: period.last)
        guard !days.isEmpty else { throw EstimateError.noEstimate(store.location) }
        return PeriodMeans.compute(days: days.map(\.values), cellCount: try store.cellCount(),
                                   expectedDays: period.first.distance(to: period.last) + 1, minimumDays: ValidityRule.minimumDaysPerYear)
    }

    public func render(_ period: Period) throws -> Data {
        let means = try means(period)
        var table = CSVTable(header: Self.columns)
        for (cell, mean) in zip(try store.cells(), means) {
            table.append([cell.id.description, period.label, mean.mean.map { String(format: "%.2f", $0) } ?? "",
                          "\(mean.validDays)", "\(mean.expectedDays)"])
        }
        return table.data
    }
}
