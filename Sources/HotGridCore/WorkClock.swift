import Foundation

/// The time HotGrid's work is dated by: the wall clock when it runs for real, a fixed day in tests
/// and for replaying a month. Deadlines, overdue problems and the default day of a patrol or a
/// finding all read it, so one injected clock moves them together.
public struct WorkClock: Sendable {
    private let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date) { self.now = now }

    /// The machine's clock.
    public static let system = WorkClock { Date() }

    /// A clock standing still at noon (Beijing time) of `day`.
    public static func fixed(_ day: Day) -> WorkClock {
        let date = Date(timeIntervalSince1970: Double(day.ordinal) * 86_400 + 4 * 3600)
        return WorkClock { date }
    }

    /// The moment now.
    public var date: Date { now() }

    /// Today in Beijing time (UTC+8), the day field work is dated by.
    public var today: Day { Day(ordinal: Int(((now().timeIntervalSince1970 + 8 * 3600) / 86_400).rounded(.down))) }
}
