import Foundation
import HotGridCore
import HotGridStore

/// `hotgrid region`: the per-city summary a person reads at a glance.
public struct RegionReport {
    private let store: any Store

    public init(store: any Store) { self.store = store }

    /// The summary as an aligned text table, Chinese names first with English where known.
    public func render() throws -> String {
        let info = try store.regionInfo()
        let summaries = try store.citySummaries()
        let english = (try? BundledCityNames.load()) ?? [:]
        var table = TextTable(columns: ["city_code", "city", "", "cells", "area_km2", "counties"],
                              rightAligned: [3, 4, 5])
        for city in summaries {
            let counties = city.countiesWithoutCells > 0
                ? "\(city.counties) (\(city.countiesWithoutCells) without cells)" : "\(city.counties)"
            table.add([city.code, city.name, english[city.code] ?? "", "\(city.cells)",
                       String(format: "%.1f", city.area / 1e6), counties])
        }
        let cells = summaries.reduce(0) { $0 + $1.cells }
        let area = summaries.reduce(0) { $0 + $1.area }
        let counties = summaries.reduce(0) { $0 + $1.counties }
        table.addRule()
        table.add(["", "合计", "Total", "\(cells)", String(format: "%.1f", area / 1e6), "\(counties)"])
        let km = info.resolution.meters >= 1000 ? "\(info.resolution.meters / 1000) km" : "\(info.resolution.meters) m"
        let title = "Region \(info.name) · \(km) cells · \(summaries.count) cities · \(counties) counties · \(cells) cells · \(String(format: "%.0f", area / 1e6)) km²"
        return title + "\n\n" + table.text
    }
}

/// English city names from the bundled city table, by adcode.
enum BundledCityNames {
    static func load() throws -> [String: String] {
        let text = try String(contentsOfFile: try BundledBoundaries.citiesPath(), encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        guard !lines.isEmpty else { return [:] }
        let header = lines.removeFirst().map(String.init)
        guard let code = header.firstIndex(of: "city_adcode"), let name = header.firstIndex(of: "city_en") else { return [:] }
        return Dictionary(lines.filter { $0.count > max(code, name) }.map { (String($0[code]), String($0[name])) },
                          uniquingKeysWith: { a, _ in a })
    }
}

/// A plain-text table whose columns line up in a terminal, counting CJK characters as two columns.
struct TextTable {
    private let columns: [String]
    private let rightAligned: Set<Int>
    private var rows: [[String]?] = []

    init(columns: [String], rightAligned: Set<Int> = []) {
        self.columns = columns
        self.rightAligned = rightAligned
    }

    mutating func add(_ row: [String]) { rows.append(row) }
    mutating func addRule() { rows.append(nil) }

    var text: String {
        let all = [columns] + rows.compactMap { $0 }
        let widths = columns.indices.map { i in all.map { Self.displayWidth($0[i]) }.max() ?? 0 }
        func format(_ row: [String]) -> String {
            row.enumerated().map { i, value in
                let pad = String(repeating: " ", count: widths[i] - Self.displayWidth(value))
                return rightAligned.contains(i) ? pad + value : value + pad
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        let rule = String(repeating: "─", count: widths.reduce(0, +) + 2 * (widths.count - 1))
        return ([format(columns), rule] + rows.map { $0.map(format) ?? rule }).joined(separator: "\n") + "\n"
    }

    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            switch scalar.value {
            case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
                 0xFF00...0xFF60, 0xFFE0...0xFFE6: width + 2
            default: width + 1
            }
        }
    }
}
