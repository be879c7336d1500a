import HotGridCore

/// Which escalation rules fire this month.
///
/// A rule fires for a cell in month m when it holds at m and did not hold at m − 1, so a cell
/// warned six months running is escalated once by "3 in a row", at its third month, and again
/// only after a break.
public enum EscalationEvaluation {
    /// The escalations of `month` for the cells warned in it (`warned`: cell → city code), given
    /// every cell's warned months (`history`, `month` included).
    public static func evaluate(month: Month, warned: [CellID: String], history: [CellID: Set<Month>],
                                rules: EscalationRuleSet) -> [Escalation] {
        var fired: [Escalation] = []
        for (cell, city) in warned.sorted(by: { $0.key < $1.key }) {
            let months = history[cell, default: []].union([month])
            let run = runLength(ending: month, in: months)
            for rule in rules.rules where rule.scope.applies(toCityCode: city) {
                let holdsNow: Bool, heldBefore: Bool, window: Int
                switch rule.condition {
                case let .consecutive(n):
                    holdsNow = run >= n
                    heldBefore = run - 1 >= n
                    window = 12
                case let .count(times, w):
                    holdsNow = count(in: months, window: w, ending: month) >= times
                    heldBefore = count(in: months, window: w, ending: month.previous) >= times
                    window = w
                }
                guard holdsNow, !heldBefore else { continue }
                fired.append(Escalation(cell: cell, month: month, rule: rule.name, consecutiveMonths: run,
                                        warningsInWindow: count(in: months, window: window, ending: month), actions: rule.actions))
            }
        }
        return fired
    }

    /// Consecutive warned months ending at `month`.
    static func runLength(ending month: Month, in months: Set<Month>) -> Int {
        var n = 0
        while months.contains(month.advanced(by: -n)) { n += 1 }
        return n
    }

    /// Warned months among the `window` months ending at `month`.
    static func count(in months: Set<Month>, window: Int, ending month: Month) -> Int {
        (0..<window).reduce(0) { $0 + (months.contains(month.advanced(by: -$1)) ? 1 : 0) }
    }
}
