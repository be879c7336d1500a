import Foundation
import HotGridAnalysis
import HotGridCore
import HotGridStore

/// `hotgrid warn`: the monthly warning lists and the escalations they fire, computed month by
/// month and stored in one transaction (all months or none).
///
/// The hotspot list in force in a month is the latest one selected from an earlier year (the list
/// selected from 2017's data is warned on through 2018). Months are computed in order, because
/// escalations count the warnings before them.
public struct WarningRun {
    public var quota: WarningQuota
    public var rules: EscalationRuleSet

    public init(quota: WarningQuota = .share(0.10), rules: EscalationRuleSet = .defaults) {
        self.quota = quota
        self.rules = rules
    }

    /// Computes and stores `from...to`; returns each month's list and escalations.
    @discardableResult
    public func run(from: Month, to: Month, store: any Store, progress: ProgressReporter = SilentProgress()) throws -> [WarningMonth] {
        guard from <= to else { throw WarningError.badRange(from: from, to: to) }
        let stored = try store.warningMonths()
        let later = stored.filter { $0 > to }
        guard later.isEmpty else { throw WarningError.laterListsExist(from: from, later: later) }
        let listYears = try store.hotspotListYears()
        let inForce = { (m: Month) in listYears.last { $0 < m.year } }
        let monthly = try MonthlyMeans(store: store)
        var cache: [Month: [PeriodMean]?] = [:]
        func means(_ m: Month) throws -> [PeriodMean]? {
            if let known = cache[m] { return known }
            let computed = try monthly.means(m)
            cache[m] = computed
            return computed
        }
        let previous = from.previous
        if !stored.contains(previous), inForce(previous) != nil, try means(previous) != nil {
            throw WarningError.previousMonthMissing(month: from, previous: previous)
        }
        let cells = try store.cells()
        let position = Dictionary(uniqueKeysWithValues: cells.enumerated().map { ($1.id, $0) })
        var history = try store.warnedMonths(before: from)
        var lists: [Int: HotspotList] = [:]
        var results: [WarningMonth] = []
        progress.begin("Warning \(from)…\(to)", total: from.distance(to: to) + 1)
        for month in stride(from: from, through: to, by: 1) {
            guard let year = inForce(month) else { throw WarningError.noHotspotList(month) }
            guard let current = try means(month) else { throw WarningError.noMeans(month) }
            if lists[year] == nil { lists[year] = try store.hotspotList(year: year) }
            let monthBefore = try means(month.previous), yearBefore = try means(month.yearEarlier)
            let candidates = lists[year]!.entries.compactMap { entry -> WarningSelection.Candidate? in
                guard let i = position[entry.cell] else { return nil }
                return .init(cell: entry.cell, cityCode: cells[i].cityCode, month: current[i].mean,
                             monthBefore: monthBefore?[i].mean, yearBefore: yearBefore?[i].mean)
            }
            let warned = WarningSelection.select(candidates, quota: quota)
            for w in warned { history[w.cell, default: []].insert(month) }
            let escalations = EscalationEvaluation.evaluate(
                month: month, warned: Dictionary(uniqueKeysWithValues: warned.map { ($0.cell, cells[position[$0.cell]!].cityCode) }),
                history: history, rules: rules)
            results.append(WarningMonth(list: WarningList(month: month, hotspotYear: year, quota: quota, cells: warned),
                                        escalations: escalations, means: current,
                                        minimumDays: ValidityRule.minimumDays(inMonth: month.month)))
            progress.advance(by: 1)
        }
        try store.saveWarningMonths(results, variable: FieldVariable.pm25.rawValue, rules: rules)
        progress.end("\(results.reduce(0) { $0 + $1.list.cells.count }) warnings, \(results.reduce(0) { $0 + $1.escalations.count }) escalations")
        return results
    }

    /// Reads a rules file (JSON: `{"rules": [...]}`), with errors that name the file and field.
    public static func loadRules(path: String) throws -> EscalationRuleSet {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw WarningError.invalidRules(path: path, reason: "cannot read it (\(error.localizedDescription))")
        }
        do {
            return try JSONDecoder().decode(EscalationRuleSet.self, from: data)
        } catch let error as DecodingError {
            throw WarningError.invalidRules(path: path, reason: Self.explain(error))
        } catch {
            throw WarningError.invalidRules(path: path, reason: "\(error)")
        }
    }

    private static func explain(_ error: DecodingError) -> String {
        func at(_ path: [any CodingKey]) -> String {
            path.isEmpty ? "" : " at " + path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case let .dataCorrupted(c): return c.debugDescription + at(c.codingPath)
        case let .keyNotFound(key, c): return "missing \"\(key.stringValue)\"" + at(c.codingPath)
        case let .typeMismatch(_, c), let .valueNotFound(_, c): return c.debugDescription + at(c.codingPath)
        @unknown default: return "\(error)"
        }
    }
}
