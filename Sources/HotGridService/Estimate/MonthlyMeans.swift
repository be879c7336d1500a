import HotGridAnalysis
import HotGridCore
import HotGridStore

/// Each cell's monthly mean PM2.5 under China's validity rule (27 valid days, 25 in February):
/// read back when stored, otherwise computed from the daily estimate.
struct MonthlyMeans {
    let store: any Store
    let cellCount: Int
    var variable = FieldVariable.pm25.rawValue

    init(store: any Store) throws {
        self.store = store
        cellCount = try store.cellCount()
    }

    /// The means of `month` in dense cell order; nil when the month has no estimated day.
    func means(_ month: Month) throws -> [PeriodMean]? {
        if let stored = try store.monthMeans(variable, month: month), stored.count == cellCount { return stored }
        let days = try store.fieldDays(variable, from: month.firstDay, to: month.lastDay)
        guard !days.isEmpty else { return nil }
        return PeriodMeans.compute(days: days.map(\.values), cellCount: cellCount, expectedDays: month.dayCount,
                                   minimumDays: ValidityRule.minimumDays(inMonth: month.month))
    }
}
