import Foundation
import GRDB
import HotGridStore
import HotGridCore

/// Reading ingested data back.
extension SQLiteStore {
    /// Number of cells of the region (the length of every daily cube).
    public func cellCount() throws -> Int {
        try pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM cell") ?? 0 }
    }

    /// `variable`'s values on `day` in dense cell order (NaN = missing); nil when not stored.
    public func fieldDay(_ variable: String, on day: Day) throws -> [Float]? {
        try pool.read { db in
            try Data.fetchOne(db, sql: "SELECT data FROM field_day WHERE variable = ? AND day = ?",
                              arguments: [variable, day.description]).map(CellCube.decode)
        }
    }

    /// Every stored day of `variable` in `from...to`, in day order.
    public func fieldDays(_ variable: String, from: Day, to: Day) throws -> [(day: Day, values: [Float])] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT day, data FROM field_day WHERE variable = ? AND day BETWEEN ? AND ? ORDER BY day",
                             arguments: [variable, from.description, to.description]).compactMap { row in
                guard let day = Day(row["day"] as String) else { return nil }
                return (day, CellCube.decode(row["data"]))
            }
        }
    }

    public func stations() throws -> [Station] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, name, lon, lat, cell_id, background FROM station ORDER BY id").map(Self.station)
        }
    }

    /// Every stored station-day, by station then day; with `others`, the other pollutants' means too.
    public func stationDays(others: Bool) throws -> [StationDay] {
        // Read by position through a cursor: a network's years are hundreds of thousands of rows.
        let more = Pollutant.allCases.filter { $0 != .pm25 }
        return try pool.read { db in
            var days: [StationDay] = []
            let columns = ["station_id", "day", "pm25", "valid_hours"] + (others ? more.map(\.column) : [])
            let rows = try Row.fetchCursor(db, sql: "SELECT \(columns.joined(separator: ", ")) FROM station_day ORDER BY station_id, day")
            while let row = try rows.next() {
                var means: [Pollutant: Double] = [:]
                if others { for (i, p) in more.enumerated() { means[p] = row[4 + i] } }
                days.append(StationDay(stationID: row[0], day: Day(row[1] as String) ?? Day(ordinal: 0), pm25: row[2], validHours: row[3], others: means))
            }
            return days
        }
    }

    public func fieldInventory() throws -> [FieldInventory] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT variable, MIN(day) AS first, MAX(day) AS last, COUNT(*) AS days,
                       SUM(present) * 1.0 / SUM(cell_count) AS share
                FROM field_day GROUP BY variable ORDER BY variable
                """).map { row in
                FieldInventory(variable: row["variable"], firstDay: Day(row["first"] as String) ?? Day(ordinal: 0),
                               lastDay: Day(row["last"] as String) ?? Day(ordinal: 0), days: row["days"], presentShare: row["share"])
            }
        }
    }

    public func stationInventory() throws -> [StationInventory] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.id, s.name, s.lon, s.lat, s.cell_id, s.background, MIN(d.day) AS first, MAX(d.day) AS last,
                       COUNT(d.day) AS days, COUNT(d.pm25) AS valid
                FROM station s LEFT JOIN station_day d ON d.station_id = s.id
                GROUP BY s.id ORDER BY s.id
                """).map { row in
                StationInventory(station: try Self.station(row), firstDay: (row["first"] as String?).flatMap(Day.init),
                                 lastDay: (row["last"] as String?).flatMap(Day.init), days: row["days"], validDays: row["valid"])
            }
        }
    }

    private static func station(_ row: Row) throws -> Station {
        let cellText: String = row["cell_id"]
        guard let cell = CellID(cellText) else {
            throw StoreError.notAHotGridDatabase(path: "", reason: "malformed cell id '\(cellText)'")
        }
        return Station(id: row["id"], name: row["name"], position: LonLat(longitude: row["lon"], latitude: row["lat"]), cell: cell,
                       background: row["background"])
    }
}
