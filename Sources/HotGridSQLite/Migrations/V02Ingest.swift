import GRDB

extension Migration {
    /// Stations and their daily PM2.5, daily gridded fields as one blob per variable and day, and the import log.
    static let v2Ingest = Migration(
        id: "v2-ingest",
        sql: """
        CREATE TABLE station (
            id TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            lon REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
            lat REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
            cell_id TEXT NOT NULL REFERENCES cell(id)
        );
        CREATE INDEX station_cell ON station(cell_id);
        CREATE TABLE station_day (
            station_id TEXT NOT NULL REFERENCES station(id),
            day TEXT NOT NULL CHECK (length(day) = 10),
            pm25 REAL CHECK (pm25 IS NULL OR pm25 >= 0),
            valid_hours INTEGER CHECK (valid_hours IS NULL OR valid_hours BETWEEN 0 AND 24),
            PRIMARY KEY (station_id, day)
        ) WITHOUT ROWID;
        CREATE INDEX station_day_day ON station_day(day);
        CREATE TABLE field_day (
            variable TEXT NOT NULL,
            day TEXT NOT NULL CHECK (length(day) = 10),
            cell_count INTEGER NOT NULL CHECK (cell_count > 0),
            present INTEGER NOT NULL CHECK (present BETWEEN 0 AND cell_count),
            data BLOB NOT NULL CHECK (length(data) = 4 * cell_count),
            source TEXT NOT NULL,
            PRIMARY KEY (variable, day)
        ) WITHOUT ROWID;
        CREATE TABLE import_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL,
            source TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            summary TEXT NOT NULL
        );
        """
    )
}
