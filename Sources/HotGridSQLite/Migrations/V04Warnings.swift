import GRDB

extension Migration {
    /// Monthly means, monthly warning lists with their escalations, and the frozen publications.
    static let v4Warnings = Migration(
        id: "v4-warnings",
        sql: """
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
        """
    )
}
