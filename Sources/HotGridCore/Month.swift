/// A calendar month, the period of warnings and monthly means: `2017-01`.
public struct Month: Hashable, Sendable, Strideable, Codable, LosslessStringConvertible {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// The month holding `day`.
    public init(_ day: Day) {
        let (y, m, _) = day.components
        year = y
        month = m
    }

    /// Parses `YYYY-MM`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let y = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        self.init(year: y, month: m)
    }

    public var description: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }
    public var firstDay: Day { Day(year: year, month: month, day: 1)! }
    public var lastDay: Day { Day(year: year, month: month, day: Day.daysIn(month: month, year: year))! }
    public var dayCount: Int { Day.daysIn(month: month, year: year) }

    public static func < (lhs: Month, rhs: Month) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }

    /// Months since January of year 0: months subtract and step across year ends.
    private var ordinal: Int { year * 12 + month - 1 }

    /// The month `n` months later (earlier when negative): `2018-12` + 1 = `2019-01`.
    public func advanced(by n: Int) -> Month {
        let o = ordinal + n
        return Month(year: o >= 0 ? o / 12 : (o - 11) / 12, month: ((o % 12) + 12) % 12 + 1)!
    }

    /// Months from this month to `other`.
    public func distance(to other: Month) -> Int { other.ordinal - ordinal }

    /// The month before.
    public var previous: Month { advanced(by: -1) }
    /// The same month a year earlier.
    public var yearEarlier: Month { advanced(by: -12) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let month = Month(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a month like 2017-01")
        }
        self = month
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
