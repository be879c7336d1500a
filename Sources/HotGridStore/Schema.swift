import GRDB

/// The database schema as migrations. A shipped migration is never edited: change the schema by
/// appending a new one.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-region") { db in
            try db.execute(sql: """
                CREATE TABLE region (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    name TEXT NOT NULL,
                    cell_size_m INTEGER NOT NULL CHECK (cell_size_m IN (3000, 1000, 500)),
                    crs TEXT NOT NULL,
                    created_at TEXT NOT NULL
                );
                CREATE TABLE city (
                    code TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL
                );
                CREATE TABLE county (
                    code TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    city_code TEXT NOT NULL REFERENCES city(code),
                    area_m2 REAL NOT NULL CHECK (area_m2 > 0)
                );
                CREATE INDEX county_city ON county(city_code);
                CREATE TABLE cell (
                    idx INTEGER PRIMARY KEY NOT NULL CHECK (idx >= 0),
                    id TEXT NOT NULL UNIQUE,
                    row INTEGER NOT NULL,
                    col INTEGER NOT NULL,
                    city_code TEXT NOT NULL REFERENCES city(code),
                    county_code TEXT NOT NULL REFERENCES county(code),
                    lon REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
                    lat REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
                    area_m2 REAL NOT NULL CHECK (area_m2 > 0),
                    UNIQUE (row, col)
                );
                CREATE INDEX cell_city ON cell(city_code);
                CREATE INDEX cell_county ON cell(county_code);
                CREATE TABLE cell_share (
                    cell_id TEXT NOT NULL REFERENCES cell(id),
                    county_code TEXT NOT NULL REFERENCES county(code),
                    area_m2 REAL NOT NULL CHECK (area_m2 > 0),
                    PRIMARY KEY (cell_id, county_code)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v2-ingest") { db in
            try db.execute(sql: """
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
                """)
        }
        migrator.registerMigration("v3-hotspots") { db in
            try db.execute(sql: """
                CREATE TABLE hotspot_list (
                    year INTEGER PRIMARY KEY NOT NULL,
                    method TEXT NOT NULL,
                    policy TEXT NOT NULL CHECK (policy IN ('regional', 'per-city')),
                    created_at TEXT NOT NULL,
                    reviewed_against INTEGER REFERENCES hotspot_list(year)
                );
                CREATE TABLE hotspot (
                    year INTEGER NOT NULL REFERENCES hotspot_list(year) ON DELETE CASCADE,
                    cell_id TEXT NOT NULL REFERENCES cell(id),
                    rank INTEGER NOT NULL CHECK (rank >= 1),
                    emission_index REAL NOT NULL,
                    pm25_annual REAL,
                    PRIMARY KEY (year, cell_id)
                ) WITHOUT ROWID;
                CREATE TABLE hotspot_change (
                    year INTEGER NOT NULL REFERENCES hotspot_list(year) ON DELETE CASCADE,
                    cell_id TEXT NOT NULL REFERENCES cell(id),
                    change TEXT NOT NULL CHECK (change IN ('entering', 'leaving', 'staying')),
                    reason TEXT NOT NULL,
                    PRIMARY KEY (year, cell_id)
                ) WITHOUT ROWID;
                """)
        }
        return migrator
    }
}
