/// What the public may know of a cell: its place, the hotspot lists holding it, its months with
/// their warnings and escalations, and how many of its problems are still open (never which, nor
/// any source detail). The public API and the cell's page show it.
public struct CellRecord: Sendable {
    /// One hotspot list holding the cell: its rank and how sure the list is of it.
    public struct Listing: Sendable, Equatable {
        public let year: Int
        public let rank: Int
        /// The probability that the cell belongs in that year's selected share; nil when not computed.
        public let probability: Double?

        public init(year: Int, rank: Int, probability: Double?) {
            self.year = year
            self.rank = rank
            self.probability = probability
        }
    }

    /// One month of the cell: its mean with coverage, why it was warned, which rules escalated it.
    public struct MonthFigures: Sendable, Equatable {
        public let month: Month
        public let mean: PeriodMean
        public let reasons: [WarningReason]
        /// The names of the escalation rules the month's warning triggered.
        public let escalations: [String]

        public init(month: Month, mean: PeriodMean, reasons: [WarningReason], escalations: [String]) {
            self.month = month
            self.mean = mean
            self.reasons = reasons
            self.escalations = escalations
        }
    }

    public let place: CellLocation
    public let listings: [Listing]
    public let months: [MonthFigures]
    public let openProblems: Int

    public init(place: CellLocation, listings: [Listing], months: [MonthFigures], openProblems: Int) {
        self.place = place
        self.listings = listings
        self.months = months
        self.openProblems = openProblems
    }
}
