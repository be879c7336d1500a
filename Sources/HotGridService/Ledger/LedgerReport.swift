import Foundation
import HotGridAnalysis
import HotGridCore
import HotGridStore

/// The ledger's summary tables, like the ministry's inspection statistics: problems by category
/// per province, city or county, open, overdue and closed, the on-time rate; and the cells warned
/// again and again with their open problems. Only problems in the viewer's area count.
public struct LedgerReport {
    public enum Level: String, Sendable, CaseIterable {
        case province, city, county
    }

    let ledger: Ledger

    public init(ledger: Ledger) { self.ledger = ledger }

    /// Provinces of the bundled regions by the first two digits of an adcode.
    static let provinces = ["11": "北京市", "12": "天津市", "13": "河北省", "14": "山西省", "31": "上海市", "32": "江苏省", "33": "浙江省",
                            "34": "安徽省", "37": "山东省", "41": "河南省", "61": "陕西省"]

    /// The summary lines per unit of `level` and the total, as of `day`.
    public func statistics(by level: Level, asOf day: Day) throws -> (lines: [LedgerStatistics.Line], total: LedgerStatistics.Line) {
        let problems = try ledger.store.problems().filter { ledger.covers($0.cell) }
        var submitted: [Int: Day] = [:]
        for e in try ledger.store.problemEvents() where e.action == .submit { submitted[e.problemID] = Self.beijingDay(e.at) }
        return LedgerStatistics.summarize(problems, unitOf: { p in
            let place = ledger.region.place(p.cell)!
            switch level {
            case .province: return String(place.cityCode.prefix(2)) + "0000"
            case .city: return place.cityCode
            case .county: return place.countyCode
            }
        }, submittedOn: submitted, asOf: day)
    }

    /// The day (Beijing time) of an audit-style ISO 8601 UTC time.
    static func beijingDay(_ iso: String) -> Day? {
        guard let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(iso) else { return nil }
        return Day(ordinal: Int((date.timeIntervalSince1970 + 8 * 3600) / 86_400))
    }

    /// The statistics' columns in the ministry's terms: code, name, problems, one per category,
    /// open, overdue, closed, duplicates, on-time rate.
    public static let chineseHeadings = ["代码", "名称", "问题数"] + ProblemCategory.allCases.map(\.chineseName) + ["未办结", "超期", "已办结", "重复", "按期办结率 %"]

    /// One row per unit of `level` and the total last, a value per heading.
    public func rows(by level: Level, asOf day: Day) throws -> [[String]] {
        let (lines, total) = try statistics(by: level, asOf: day)
        var names = Self.provinces
        for c in try ledger.store.cities() { names[c.code] = c.name }
        for c in try ledger.store.counties() { names[c.code] = c.name }
        return (lines + [total]).map { line in
            [line.unit == "total" ? "" : line.unit, line.unit == "total" ? "合计 Total" : names[line.unit] ?? "", "\(line.total)"]
                + ProblemCategory.allCases.map { "\(line.byCategory[$0] ?? 0)" }
                + ["\(line.open)", "\(line.overdue)", "\(line.closed)", "\(line.duplicates)", line.onTimeRate.map { String(format: "%.1f", 100 * $0) } ?? ""]
        }
    }

    /// The statistics for a spreadsheet: Chinese headings, UTF-8 with a byte-order mark.
    public func spreadsheet(by level: Level, asOf day: Day) throws -> Data {
        var table = CSVTable(header: Self.chineseHeadings)
        for row in try rows(by: level, asOf: day) { table.append(row) }
        return table.spreadsheetData
    }

    /// The statistics as a table for the terminal, and as CSV.
    public func render(by level: Level, asOf day: Day) throws -> (text: String, csv: Data) {
        let rows = try rows(by: level, asOf: day)
        let header = ["code", "name", "problems"] + ProblemCategory.allCases.map(\.rawValue) + ["open", "overdue", "closed", "duplicates", "on_time_%"]
        var csv = CSVTable(header: header)
        var table = TextTable(columns: ["code", "name", "problems"] + ProblemCategory.allCases.map(\.chineseName)
                                  + ["未完成 open", "超期 overdue", "已销号 closed", "重复 dup", "按期率 on-time"],
                              rightAligned: Set(2..<header.count))
        for (i, row) in rows.enumerated() {
            if i == rows.count - 1 { table.addRule() }
            table.add(row)
            csv.append(row)
        }
        return (table.text, csv.data)
    }

    /// Cells of the viewer's area warned at least `times` times in the 12 months up to `month`,
    /// with their warnings, escalations and open problems, most warned first.
    public func repeatedlyWarned(upTo month: Month, times: Int = 2) throws -> [(cell: CellID, warnings: Int, escalations: Int, openProblems: Int)] {
        let window = Set(stride(from: month.advanced(by: -11), through: month, by: 1))
        let history = try ledger.store.warnedMonths(before: month.advanced(by: 1))
        let escalations = Dictionary(grouping: try ledger.store.escalations().filter { window.contains($0.month) }, by: \.cell)
        let open = Dictionary(grouping: try ledger.store.problems().filter { !$0.status.isClosed }, by: \.cell)
        return history.compactMap { cell, months -> (CellID, Int, Int, Int)? in
            let n = months.intersection(window).count
            guard n >= times, let place = ledger.region.place(cell), ledger.policy.covers(place) else { return nil }
            return (cell, n, escalations[cell]?.count ?? 0, open[cell]?.count ?? 0)
        }.sorted { ($1.1, $0.0) < ($0.1, $1.0) }
    }
}
