import Foundation
import GRDB
import HotGridStore
import HotGridCore

/// Receives the days of one field import, staged until the import is complete.
struct SQLiteFieldDaySink: FieldDaySink {
    fileprivate let statement: Statement
    fileprivate let variable: String
    fileprivate let cellCount: Int

    /// Stores (or replaces) `day`'s values, one per cell in dense order, NaN where missing.
    public func put(day: Day, values: [Float]) throws {
        guard values.count == cellCount else {
            throw StoreError.writeFailed(path: variable, reason: "\(day) has \(values.count) values for \(cellCount) cells")
        }
        let present = values.reduce(0) { $0 + ($1.isNaN ? 0 : 1) }
        try statement.execute(arguments: [day.description, present, CellCube.encode(values)])
    }
}

/// Imports: each is one transaction, so a failure leaves the database exactly as it was.
extension SQLiteStore {
    /// Stores stations (updating those already known) and their days (replacing days already
    /// stored), and logs the import with `summary`.
    public func importStations(_ stations: [Station], days: [StationDay], source: String, summary: String) throws {
        try pool.write { db in
            let upsert = try db.makeStatement(sql: """
                INSERT INTO station (id, name, lon, lat, cell_id, background) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET name = excluded.name, lon = excluded.lon, lat = excluded.lat, cell_id = excluded.cell_id,
                    background = coalesce(excluded.background, station.background)
                """)
            for s in stations {
                try upsert.execute(arguments: [s.id, s.name, s.position.longitude, s.position.latitude, s.cell.description, s.background])
            }
            let more = Pollutant.allCases.filter { $0 != .pm25 }
            let insertDay = try db.makeStatement(sql: """
                INSERT OR REPLACE INTO station_day (station_id, day, pm25, valid_hours, \(more.map(\.column).joined(separator: ", ")))
                VALUES (?, ?, ?, ?\(String(repeating: ", ?", count: more.count)))
                """)
            for d in days {
                let others: [(any DatabaseValueConvertible)?] = more.map { d.others[$0] }
                try insertDay.execute(arguments: StatementArguments([d.stationID, d.day.description, d.pm25, d.validHours] + others))
            }
            try Self.log(db, kind: "stations", source: source, summary: summary)
        }
    }

    /// Stores every day `produce` puts for `variable` (replacing that day if present), all or
    /// nothing: throwing from `produce` leaves the database as it was.
    ///
    /// The days are staged in this connection's private temporary database while `produce` reads
    /// and computes (minutes for a large import), then moved in one short write transaction, so
    /// the server's writers wait for the copy, never for the whole import.
    public func importField(variable: String, source: String, summary: () -> String,
                            _ produce: (any FieldDaySink) throws -> Void) throws {
        let cellCount = try cellCount()
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: """
                DROP TABLE IF EXISTS temp.staged_field_day;
                CREATE TEMP TABLE staged_field_day (day TEXT PRIMARY KEY NOT NULL, present INTEGER NOT NULL, data BLOB NOT NULL);
                """)
            defer { try? db.execute(sql: "DROP TABLE IF EXISTS temp.staged_field_day") }
            try db.inTransaction(.deferred) {
                let staged = try db.makeStatement(sql: "INSERT OR REPLACE INTO temp.staged_field_day (day, present, data) VALUES (?, ?, ?)")
                try produce(SQLiteFieldDaySink(statement: staged, variable: variable, cellCount: cellCount))
                return .commit
            }
            try db.inTransaction(.immediate) {
                // The stored means of the months touched no longer match their days.
                try db.execute(sql: "DELETE FROM month_mean WHERE variable = ? AND month IN (SELECT DISTINCT substr(day, 1, 7) FROM temp.staged_field_day)",
                               arguments: [variable])
                try db.execute(sql: """
                    INSERT OR REPLACE INTO field_day (variable, day, cell_count, present, data, source)
                    SELECT ?, day, ?, present, data, ? FROM temp.staged_field_day
                    """, arguments: [variable, cellCount, source])
                try Self.log(db, kind: "field \(variable)", source: source, summary: summary())
                return .commit
            }
        }
    }

    private static func log(_ db: Database, kind: String, source: String, summary: String) throws {
        try db.execute(sql: "INSERT INTO import_log (kind, source, imported_at, summary) VALUES (?, ?, ?, ?)",
                       arguments: [kind, source, ISO8601DateFormatter().string(from: Date()), summary])
    }
}
