import Foundation
import HotGridCore

extension Workspace {
    /// What the workspace prints instead of codes and ids: people's, departments' and areas' names.
    public struct Names: Sendable {
        public let persons: [Int: String]
        public let departments: [String: String]
        public let cities: [String: String]
        public let counties: [String: String]

        public init(persons: [Int: String], departments: [String: String], cities: [String: String], counties: [String: String]) {
            self.persons = persons
            self.departments = departments
            self.cities = cities
            self.counties = counties
        }
    }

    func person(_ id: Int?) -> String { id.map { names.persons[$0] ?? "#\($0)" } ?? "" }

    func department(_ code: String?) -> String { code.map { names.departments[$0] ?? $0 } ?? "" }

    /// A scope by its area's name: 全区域, 石家庄市, 新华区, 指定网格.
    func scope(_ scope: StaffScope) -> String {
        switch scope {
        case .region: "全区域"
        case .assignedCells: "指定网格"
        case let .city(code): names.cities[code] ?? code
        case let .county(code): names.counties[code] ?? code
        }
    }
}

/// Times as people in China read them: an ISO 8601 UTC time (as the ledger stores it) in Beijing
/// time, to the minute.
enum BeijingTime {
    static func text(_ iso: String?) -> String {
        guard let iso else { return "" }
        let parsed = (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(iso)) ?? (try? Date.ISO8601FormatStyle().parse(iso))
        guard let date = parsed else { return iso }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600)!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!)
    }
}
