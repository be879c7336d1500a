import GRDB

extension Migration {
    /// Yearly hotspot lists and their changes against the year before.
    static let v3Hotspots = Migration(
        id: "v3-hotspots",
        sql: """
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
        """
    )
}
