import GRDB

extension Migration {
    /// The region: its cities, counties and national-grid cells, with each cell's share in each county.
    static let v1Region = Migration(
        id: "v1-region",
        sql: """
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
        """
    )
}
