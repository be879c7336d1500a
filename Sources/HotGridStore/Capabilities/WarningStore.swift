import HotGridCore

/// The monthly warning lists and the escalations they fired.
public protocol WarningStore: StoreLocated {
    /// Stores every month (replacing those months) with its means, all or nothing.
    func saveWarningMonths(_ months: [WarningMonth], variable: String, rules: EscalationRuleSet) throws
    /// When `month`'s list was stored (it changes whenever the list is recomputed); nil when none.
    func warningListStamp(month: Month) throws -> String?
    /// What changes when any month's warning list is made or remade.
    func warningListsStamp() throws -> String
    /// The latest month with a stored warning list.
    func latestWarningMonth() throws -> Month?
    /// The months that have a stored warning list, in order.
    func warningMonths() throws -> [Month]
    /// The stored list of `month`; nil when none.
    func warningList(month: Month) throws -> WarningList?
    /// Every cell's warned months before `month`.
    func warnedMonths(before month: Month) throws -> [CellID: Set<Month>]
    /// One cell's warnings, by month.
    func warnings(cell: CellID) throws -> [Month: WarningCell]
    /// Stored escalations, of one month or all, by month then cell then rule; optionally of one cell.
    func escalations(month: Month?, cell: CellID?) throws -> [Escalation]
}

extension WarningStore {
    /// Every stored escalation, by month then cell then rule.
    public func escalations() throws -> [Escalation] { try escalations(month: nil, cell: nil) }
    /// The escalations of `month`.
    public func escalations(month: Month) throws -> [Escalation] { try escalations(month: month, cell: nil) }
    /// The escalations of `cell`, by month.
    public func escalations(cell: CellID) throws -> [Escalation] { try escalations(month: nil, cell: cell) }
}

/// One month's results to store together: its warning list, the escalations it fired, and the
/// monthly means it was computed from (kept so that history and later months read them back).
public struct WarningMonth: Sendable {
    public let list: WarningList
    public let escalations: [Escalation]
    public let means: [PeriodMean]
    public let minimumDays: Int

    public init(list: WarningList, escalations: [Escalation], means: [PeriodMean], minimumDays: Int) {
        self.list = list
        self.escalations = escalations
        self.means = means
        self.minimumDays = minimumDays
    }
}
