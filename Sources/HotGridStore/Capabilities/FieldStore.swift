import HotGridCore

/// Daily gridded fields (one value per cell and day: PM2.5, satellite AOD, meteorology) and their monthly means.
public protocol FieldStore: StoreLocated {
    /// `variable`'s values on `day` in dense cell order (NaN = missing); nil when not stored.
    func fieldDay(_ variable: String, on day: Day) throws -> [Float]?
    /// Every stored day of `variable` in `from...to`, in day order.
    func fieldDays(_ variable: String, from: Day, to: Day) throws -> [(day: Day, values: [Float])]
    /// What every variable holds.
    func fieldInventory() throws -> [FieldInventory]
    /// Stores every day `produce` puts for `variable` (replacing that day if present), all or
    /// nothing: throwing from `produce` leaves the store as it was. Readers and other writers
    /// are not held up while `produce` runs (a large import takes minutes).
    func importField(variable: String, source: String, summary: () -> String, _ produce: (any FieldDaySink) throws -> Void) throws
    /// What changes whenever a gridded field (the daily PM2.5 among them) is imported or
    /// re-estimated: the latest import's id; nil before any.
    func fieldImportStamp() throws -> String?
    /// `variable`'s stored means of `month` in dense cell order; nil when not stored (or stale:
    /// storing a day of the month drops them).
    func monthMeans(_ variable: String, month: Month) throws -> [PeriodMean]?
    /// Months (in order) with at least one stored day of `variable`.
    func monthsWithDays(_ variable: String) throws -> [Month]
}

/// Receives the days of one field import, staged until the import is complete.
public protocol FieldDaySink {
    /// Stores (or replaces) `day`'s values, one per cell in dense order, NaN where missing.
    func put(day: Day, values: [Float]) throws
}

/// What a variable holds: its days and how complete they are.
public struct FieldInventory: Hashable, Sendable {
    public let variable: String
    public let firstDay: Day
    public let lastDay: Day
    public let days: Int
    /// Present cell-days over all cell-days of the stored days.
    public let presentShare: Double

    public init(variable: String, firstDay: Day, lastDay: Day, days: Int, presentShare: Double) {
        self.variable = variable
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.days = days
        self.presentShare = presentShare
    }
}
