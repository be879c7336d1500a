/// How hotspot cells are chosen among the region's cells.
public enum SelectionPolicy: String, Sendable, Codable, CaseIterable {
    /// One ranking over the whole region: heavy cities get many hotspots, clean ones few.
    case regional
    /// The same share of every city's cells.
    case perCity = "per-city"
}

/// One cell of a year's hotspot list.
public struct HotspotEntry: Hashable, Sendable, Codable {
    public let cell: CellID
    /// 1 = the heaviest emitter of the list.
    public let rank: Int
    /// The cell's emission level with weather removed (see the method).
    public let emissionIndex: Double
    /// The cell's annual mean PM2.5; nil below the 324-day rule.
    public let pm25Annual: Double?
    /// The probability that the cell belongs in the selected share, from resampling the year's
    /// days (`select --probabilities`); nil when not computed.
    public let probability: Double?

    public init(cell: CellID, rank: Int, emissionIndex: Double, pm25Annual: Double?, probability: Double? = nil) {
        self.cell = cell
        self.rank = rank
        self.emissionIndex = emissionIndex
        self.pm25Annual = pm25Annual
        self.probability = probability
    }
}

/// The hotspot cells of a year: the cells warnings are computed for the following year.
public struct HotspotList: Hashable, Sendable, Codable {
    public let year: Int
    public let method: String
    public let policy: SelectionPolicy
    public let entries: [HotspotEntry]
    /// The method's constants as used for this list, fitted or fixed, in words.
    public let settings: [String]

    public init(year: Int, method: String, policy: SelectionPolicy, entries: [HotspotEntry], settings: [String] = []) {
        self.year = year
        self.method = method
        self.policy = policy
        self.entries = entries
        self.settings = settings
    }
}

/// How a cell's membership changed when a year's list was reviewed against the previous year's.
public struct HotspotChange: Hashable, Sendable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case entering, leaving, staying
    }

    public let cell: CellID
    public let kind: Kind
    /// Why, in words a reviewer can check: ranks, index change, the thresholds applied.
    public let reason: String

    public init(cell: CellID, kind: Kind, reason: String) {
        self.cell = cell
        self.kind = kind
        self.reason = reason
    }
}
