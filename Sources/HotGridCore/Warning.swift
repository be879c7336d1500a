/// Why a hotspot cell is warned in a month: the three kinds of the ministry's monthly warning.
public enum WarningReason: String, Sendable, Codable, CaseIterable, Comparable {
    /// Among the city's hotspot cells, the highest monthly mean PM2.5.
    case highestConcentration = "highest_concentration"
    /// The largest percent rise against the same month a year earlier.
    case worstYearOnYear = "worst_year_on_year"
    /// The largest percent rise against the month before.
    case worstMonthOnMonth = "worst_month_on_month"

    /// The reason as the public lists print it.
    public var chineseName: String {
        switch self {
        case .highestConcentration: "浓度最高"
        case .worstYearOnYear: "同比恶化最严重"
        case .worstMonthOnMonth: "环比恶化最严重"
        }
    }

    public var englishName: String {
        switch self {
        case .highestConcentration: "highest concentration"
        case .worstYearOnYear: "worst year-on-year"
        case .worstMonthOnMonth: "worst month-on-month"
        }
    }

    /// The order reasons are listed in: as declared.
    public static func < (lhs: WarningReason, rhs: WarningReason) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One warned cell of a month, with every reason it was chosen for and the values behind them.
public struct WarningCell: Hashable, Sendable, Codable {
    public let cell: CellID
    /// Its reasons in declaration order; never empty.
    public let reasons: [WarningReason]
    /// The month's mean PM2.5, µg/m³.
    public let pm25: Double
    /// `100 × (m − m₋₁₂) / m₋₁₂`; nil when either month has no valid mean.
    public let yearOnYearPercent: Double?
    /// `100 × (m − m₋₁) / m₋₁`; nil when either month has no valid mean.
    public let monthOnMonthPercent: Double?

    public init(cell: CellID, reasons: [WarningReason], pm25: Double, yearOnYearPercent: Double?, monthOnMonthPercent: Double?) {
        self.cell = cell
        self.reasons = reasons.sorted()
        self.pm25 = pm25
        self.yearOnYearPercent = yearOnYearPercent
        self.monthOnMonthPercent = monthOnMonthPercent
    }
}

/// How many cells each city warns per kind.
public enum WarningQuota: Hashable, Sendable, Codable {
    /// `max(1, ⌈share × the city's hotspot cells⌉)`.
    case share(Double)
    /// The same number in every city.
    case count(Int)

    /// The number of cells a city with `hotspotCells` hotspot cells warns per kind.
    public func cells(forHotspotCells hotspotCells: Int) -> Int {
        switch self {
        case let .share(share):
            // A hair below the product, so that 0.1 × 30 (= 3.0000000000000004) gives 3, not 4.
            max(1, Int((share * Double(hotspotCells) - 1e-9).rounded(.up)))
        case let .count(n): n
        }
    }

    public var description: String {
        switch self {
        case let .share(s): "share \(s)"
        case let .count(n): "count \(n)"
        }
    }
}

/// A month's warning list: the warned cells of every city, from the hotspot list in force.
public struct WarningList: Hashable, Sendable, Codable {
    public let month: Month
    /// The year of the hotspot list the cells were drawn from.
    public let hotspotYear: Int
    public let quota: WarningQuota
    /// Warned cells by cell id.
    public let cells: [WarningCell]

    public init(month: Month, hotspotYear: Int, quota: WarningQuota, cells: [WarningCell]) {
        self.month = month
        self.hotspotYear = hotspotYear
        self.quota = quota
        self.cells = cells.sorted { $0.cell < $1.cell }
    }
}
