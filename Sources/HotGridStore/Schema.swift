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
        migrator.registerMigration("v4-warnings") { db in
            try db.execute(sql: """
                CREATE TABLE month_mean (
                    variable TEXT NOT NULL,
                    month TEXT NOT NULL CHECK (length(month) = 7),
                    cell_count INTEGER NOT NULL CHECK (cell_count > 0),
                    expected_days INTEGER NOT NULL CHECK (expected_days BETWEEN 28 AND 31),
                    minimum_days INTEGER NOT NULL CHECK (minimum_days BETWEEN 1 AND expected_days),
                    mean BLOB NOT NULL CHECK (length(mean) = 4 * cell_count),
                    valid_days BLOB NOT NULL CHECK (length(valid_days) = 4 * cell_count),
                    PRIMARY KEY (variable, month)
                ) WITHOUT ROWID;
                CREATE TABLE warning_list (
                    month TEXT PRIMARY KEY NOT NULL CHECK (length(month) = 7),
                    hotspot_year INTEGER NOT NULL REFERENCES hotspot_list(year),
                    quota_share REAL CHECK (quota_share IS NULL OR (quota_share > 0 AND quota_share <= 1)),
                    quota_count INTEGER CHECK (quota_count IS NULL OR quota_count >= 1),
                    rules TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    CHECK ((quota_share IS NULL) != (quota_count IS NULL))
                );
                CREATE TABLE warning (
                    month TEXT NOT NULL REFERENCES warning_list(month) ON DELETE CASCADE,
                    cell_id TEXT NOT NULL REFERENCES cell(id),
                    reasons TEXT NOT NULL CHECK (length(reasons) > 0),
                    pm25 REAL NOT NULL,
                    yoy_change_pct REAL,
                    mom_change_pct REAL,
                    PRIMARY KEY (month, cell_id)
                ) WITHOUT ROWID;
                CREATE INDEX warning_cell ON warning(cell_id);
                CREATE TABLE escalation (
                    month TEXT NOT NULL REFERENCES warning_list(month) ON DELETE CASCADE,
                    cell_id TEXT NOT NULL REFERENCES cell(id),
                    rule TEXT NOT NULL,
                    consecutive_months INTEGER NOT NULL CHECK (consecutive_months >= 1),
                    warnings_in_window INTEGER NOT NULL CHECK (warnings_in_window >= 1),
                    actions TEXT NOT NULL,
                    PRIMARY KEY (month, cell_id, rule)
                ) WITHOUT ROWID;
                CREATE INDEX escalation_cell ON escalation(cell_id);
                CREATE TABLE publication (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    month TEXT NOT NULL CHECK (length(month) = 7),
                    published_at TEXT NOT NULL,
                    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
                    replaces INTEGER UNIQUE REFERENCES publication(id),
                    content TEXT NOT NULL
                );
                CREATE INDEX publication_month ON publication(month);
                -- Published lists never change: corrections are new rows.
                CREATE TRIGGER publication_no_update BEFORE UPDATE ON publication
                    BEGIN SELECT RAISE(ABORT, 'publications are frozen; publish a correction instead'); END;
                CREATE TRIGGER publication_no_delete BEFORE DELETE ON publication
                    BEGIN SELECT RAISE(ABORT, 'publications are frozen; publish a correction instead'); END;
                """)
        }
        migrator.registerMigration("v5-ledger") { db in try LedgerSchema.create(db) }
        migrator.registerMigration("v6-accounts") { db in
            try db.execute(sql: """
                CREATE TABLE credential (
                    person_id INTEGER PRIMARY KEY NOT NULL REFERENCES person(id),
                    login TEXT NOT NULL UNIQUE CHECK (length(login) >= 3),
                    password_hash TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                );
                -- Only the SHA-256 of a token is kept: a copy of the file does not let anyone in.
                CREATE TABLE access_token (
                    token_sha256 TEXT PRIMARY KEY NOT NULL CHECK (length(token_sha256) = 64),
                    person_id INTEGER NOT NULL REFERENCES person(id),
                    kind TEXT NOT NULL CHECK (kind IN ('session', 'bearer')),
                    csrf TEXT,
                    created_at TEXT NOT NULL,
                    expires_at TEXT NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX access_token_person ON access_token(person_id);
                """)
        }
        migrator.registerMigration("v7-data-reports") { db in
            try db.execute(sql: """
                -- The public's "report a data error", routed to a named officer; audited like the ledger.
                CREATE TABLE data_report (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    cell_id TEXT REFERENCES cell(id),
                    city_code TEXT NOT NULL,
                    message TEXT NOT NULL CHECK (length(trim(message)) > 0 AND length(message) <= 4000),
                    contact TEXT CHECK (contact IS NULL OR length(contact) <= 200),
                    submitted_at TEXT NOT NULL,
                    officer_id INTEGER REFERENCES person(id),
                    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered')),
                    answer TEXT,
                    answered_by INTEGER REFERENCES person(id),
                    answered_at TEXT,
                    CHECK ((status = 'open') = (answer IS NULL))
                );
                CREATE INDEX data_report_officer ON data_report(officer_id, status);
                CREATE INDEX data_report_city ON data_report(city_code, status);
                """)
        }
        migrator.registerMigration("v8-hotspot-probability") { db in
            try db.execute(sql: """
                -- How sure the list is of each cell (bootstrap over days), and the constants the index used.
                ALTER TABLE hotspot ADD COLUMN probability REAL CHECK (probability IS NULL OR (probability >= 0 AND probability <= 1));
                ALTER TABLE hotspot_list ADD COLUMN settings TEXT NOT NULL DEFAULT '[]';
                """)
        }
        migrator.registerMigration("v9-audited-credentials") { db in
            // Logins and password hashes join the audit log (their hash only): each existing
            // one gets its first entry, by nobody, so later changes chain from it.
            for person in try String.fetchAll(db, sql: "SELECT CAST(person_id AS TEXT) FROM credential ORDER BY person_id") {
                try AuditLog.record(db, actor: nil, action: "adopt_credential", entity: .credential, id: person, before: nil)
            }
        }
        migrator.registerMigration("v10-station-pollutants") { db in
            // The other pollutants' daily means beside PM2.5, as CNEMC reports them (CO in mg/m³).
            try db.execute(sql: """
                ALTER TABLE station_day ADD COLUMN pm10 REAL CHECK (pm10 IS NULL OR pm10 >= 0);
                ALTER TABLE station_day ADD COLUMN so2 REAL CHECK (so2 IS NULL OR so2 >= 0);
                ALTER TABLE station_day ADD COLUMN no2 REAL CHECK (no2 IS NULL OR no2 >= 0);
                ALTER TABLE station_day ADD COLUMN o3 REAL CHECK (o3 IS NULL OR o3 >= 0);
                ALTER TABLE station_day ADD COLUMN co REAL CHECK (co IS NULL OR co >= 0);
                """)
        }
        migrator.registerMigration("v11-station-background") { db in
            // CNEMC's background sites (对照点): 1 or 0 where the source says, NULL where it does not.
            try db.execute(sql: "ALTER TABLE station ADD COLUMN background INTEGER CHECK (background IS NULL OR background IN (0, 1))")
        }
        return migrator
    }
}
