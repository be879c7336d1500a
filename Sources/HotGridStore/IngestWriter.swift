import Foundation
import GRDB
import HotGridCore

/// Receives the days of one field import inside its transaction.
public struct FieldDaySink {
    fileprivate let db: Database
    fileprivate let statement: Statement
    fileprivate let staleMeans: Statement
    fileprivate let variable: String
    fileprivate let source: String
    fileprivate let cellCount: Int

    /// Stores (or replaces) `day`'s values, one per cell in dense order, NaN where missing.
    public func put(day: Day, values: [Float]) throws {
        guard values.count == cellCount else {
            throw StoreError.writeFailed(path: variable, reason: "\(day) has \(values.count) values for \(cellCount) cells")
        }
        let present = values.reduce(0) { $0 + ($1.isNaN ? 0 : 1) }
        try statement.execute(arguments: [variable, day.description, cellCount, present, CellCube.encode(values), source])
        // The month's stored means no longer match its days.
        try staleMeans.execute(arguments: [variable, Month(day).description])
    }
}

/// Imports: each is one transaction, so a failure leaves the database exactly as it was.
extension SQLiteStore {
    /// Stores stations (updating those already known) and their days (replacing days already
    /// stored), and logs the import with `summary`.
    public func importStations(_ stations: [Station], days: [StationDay], source: String, summary: String) throws {
        try pool.write { db in
            let upsert = try db.makeStatement(sql: """
                INSERT INTO station (id, name, lon, lat, cell_id) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET name = excluded.name, lon = excluded.lon, lat = excluded.lat, cell_id = excluded.cell_id
                """)
            for s in stations {
                try upsert.execute(arguments: [s.id, s.name, s.position.longitude, s.position.latitude, s.cell.description])
            }
            let insertDay = try db.makeStatement(sql: """
                INSERT OR REPLACE INTO station_day (station_id, day, pm25, valid_hours) VALUES (?, ?, ?, ?)
                """)
            for d in days {
                try insertDay.execute(arguments: [d.stationID, d.day.description, d.pm25, d.validHours])
            }
            try Self.log(db, kind: "stations", source: source, summary: summary)
        }
    }

    /// Runs `produce` inside one transaction; every day it puts is stored for `variable`
    /// (replacing that day if present). Throwing from `produce` rolls everything back.
    public func importField(variable: String, source: String, summary: () -> String,
                            _ produce: (FieldDaySink) throws -> Void) throws {
        let cellCount = try cellCount()
        try pool.write { db in
            let statement = try db.makeStatement(sql: """
                INSERT OR REPLACE INTO field_day (variable, day, cell_count, present, data, source) VALUES (?, ?, ?, ?, ?, ?)
                """)
            let staleMeans = try db.makeStatement(sql: "DELETE FROM month_mean WHERE variable = ? AND month = ?")
            try produce(FieldDaySink(db: db, statement: statement, staleMeans: staleMeans, variable: variable, source: source,
                                     cellCount: cellCount))
            try Self.log(db, kind: "field \(variable)", source: source, summary: summary())
        }
    }

    private static func log(_ db: Database, kind: String, source: String, summary: String) throws {
        try db.execute(sql: "INSERT INTO import_log (kind, source, imported_at, summary) VALUES (?, ?, ?, ?)",
                       arguments: [kind, source, ISO8601DateFormatter().string(from: Date()), summary])
    }
}
