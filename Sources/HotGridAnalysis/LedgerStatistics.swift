import HotGridCore

/// The ministry's inspection summary: problems per area by category and by where they stand.
public enum LedgerStatistics {
    /// One area's line.
    public struct Line: Sendable, Equatable {
        public let unit: String
        public var total = 0
        public var byCategory: [ProblemCategory: Int] = [:]
        /// Not closed (neither verified nor a duplicate).
        public var open = 0
        public var overdue = 0
        /// Verified.
        public var closed = 0
        public var duplicates = 0
        /// Verified problems whose rectification was submitted by the deadline.
        public var closedOnTime = 0

        /// closedOnTime / closed; nil with nothing closed.
        public var onTimeRate: Double? { closed > 0 ? Double(closedOnTime) / Double(closed) : nil }

        mutating func add(_ p: Problem, asOf day: Day, submittedOn: Day?) {
            total += 1
            byCategory[p.category, default: 0] += 1
            switch p.status {
            case .verified:
                closed += 1
                if let submittedOn, let deadline = p.deadline, submittedOn <= deadline { closedOnTime += 1 }
            case .duplicate: duplicates += 1
            default:
                open += 1
                if p.isOverdue(on: day) { overdue += 1 }
            }
        }
    }

    /// Lines per unit (`unitOf` names a problem's province, city or county code), in unit order,
    /// and the total. `submittedOn` holds each problem's last submission day.
    public static func summarize(_ problems: [Problem], unitOf: (Problem) -> String, submittedOn: [Int: Day], asOf day: Day) -> (lines: [Line], total: Line) {
        var lines: [String: Line] = [:]
        var total = Line(unit: "total")
        for p in problems {
            let unit = unitOf(p)
            lines[unit, default: Line(unit: unit)].add(p, asOf: day, submittedOn: submittedOn[p.id])
            total.add(p, asOf: day, submittedOn: submittedOn[p.id])
        }
        return (lines.keys.sorted().map { lines[$0]! }, total)
    }
}
