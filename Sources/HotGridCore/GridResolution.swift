/// The cell sizes of the national grid. Every size divides 3000 m, so finer cells nest exactly
/// inside the 3 km cells the ministry's hotspot lists are made of.
public enum GridResolution: Int, Sendable, Codable, CaseIterable, Comparable {
    case m3000 = 3000
    case m1000 = 1000
    case m500 = 500

    /// Edge length of a cell in metres (Albers equal-area).
    public var meters: Int { rawValue }

    /// The prefix of a cell id at this resolution: `3K`, `1K`, `500M`.
    public var code: String {
        switch self {
        case .m3000: "3K"
        case .m1000: "1K"
        case .m500: "500M"
        }
    }

    /// Area of a whole cell in square metres.
    public var cellArea: Double { Double(meters * meters) }

    /// The resolution whose id prefix is `code` (`3K`, `1K`, `500M`).
    public init?(code: String) {
        guard let match = Self.allCases.first(where: { $0.code == code }) else { return nil }
        self = match
    }

    /// Finer resolutions compare as smaller (500 m < 1000 m < 3000 m).
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
