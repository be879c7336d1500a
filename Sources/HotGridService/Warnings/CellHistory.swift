import Foundation
import HotGridCore
import HotGridStore

/// `hotgrid history`: one cell at a glance — where it is, the hotspot lists it is on, and month
/// by month its mean PM2.5 (with coverage), changes, warnings and escalations.
public struct CellHistory {
    /// One month of the cell.
    public struct MonthRow: Sendable {
        public let month: Month
        public let mean: PeriodMean
        public let yearOnYearPercent: Double?
        public let monthOnMonthPercent: Double?
        public let warning: WarningCell?
        public let escalations: [Escalation]
    }

    public let cell: Cell
    public let cityName: String
    public let countyName: String
    /// (year, rank, probability of belonging in the list's share) of every stored hotspot list holding the cell.
    public let hotspotRanks: [(year: Int, rank: Int, probability: Double?)]
    public let months: [MonthRow]

    public init(cell id: CellID, store: any Store) throws {
        let monthly = try MonthlyMeans(store: store)
        try self.init(cell: id, store: store, region: RegionDirectory(store: store), estimatedMonths: store.monthsWithDays(monthly.variable),
                      means: monthly.means)
    }

    /// The history from a region already read; `means` gives every cell's means of a month by
    /// dense index (a server caches them).
    init(cell id: CellID, store: any Store, region: RegionDirectory, estimatedMonths: [Month],
         means monthMeans: (Month) throws -> [PeriodMean]?) throws {
        guard let cell = region.cell(id), let index = region.denseIndex(id) else { throw WarningError.unknownCell(id.description) }
        self.cell = cell
        cityName = region.cityNames[cell.cityCode] ?? ""
        countyName = region.countyNames[cell.countyCode] ?? ""
        hotspotRanks = try store.hotspotRanks(cell: id)
        var means: [Month: PeriodMean] = [:]
        for month in estimatedMonths {
            means[month] = try monthMeans(month)?[index]
        }
        let warnings = try store.warnings(cell: id)
        let escalations = Dictionary(grouping: try store.escalations(cell: id), by: \.month)
        func change(_ m: Month, _ earlier: Month) -> Double? {
            guard let now = means[m]?.mean, let before = means[earlier]?.mean, before > 0 else { return nil }
            return 100 * (now - before) / before
        }
        months = means.keys.sorted().map { m in
            MonthRow(month: m, mean: means[m]!, yearOnYearPercent: change(m, m.yearEarlier), monthOnMonthPercent: change(m, m.previous),
                     warning: warnings[m], escalations: escalations[m] ?? [])
        }
    }

    /// The history as text for the terminal.
    public var text: String {
        var lines = ["\(cell.id)  \(cityName) \(countyName) (\(cell.cityCode)/\(cell.countyCode))  "
            + String(format: "%.5f°E %.5f°N", cell.longitude, cell.latitude)]
        lines.append(hotspotRanks.isEmpty ? "Not on any hotspot list."
            : "Hotspot lists: " + hotspotRanks.map { "\($0.year) (rank \($0.rank)\($0.probability.map { String(format: ", p %.2f", $0) } ?? ""))" }
                .joined(separator: ", "))
        var table = TextTable(columns: ["month", "pm25", "valid_days", "yoy_%", "mom_%", "warned", "escalations"], rightAligned: [1, 2, 3, 4])
        let percent = { (v: Double?) in v.map { String(format: "%+.1f", $0) } ?? "" }
        for row in months {
            table.add([row.month.description, row.mean.mean.map { String(format: "%.1f", $0) } ?? "—",
                       "\(row.mean.validDays)/\(row.mean.expectedDays)", percent(row.yearOnYearPercent), percent(row.monthOnMonthPercent),
                       row.warning?.reasons.map(\.rawValue).joined(separator: ";") ?? "",
                       row.escalations.map { "\($0.rule) → \($0.actions.map(\.rawValue).joined(separator: ","))" }.joined(separator: "; ")])
        }
        lines.append(table.text)
        let warned = months.filter { $0.warning != nil }.count, escalated = months.reduce(0) { $0 + $1.escalations.count }
        lines.append("\(months.count) months, \(warned) warned, \(escalated) escalations.")
        return lines.joined(separator: "\n") + "\n"
    }
}
