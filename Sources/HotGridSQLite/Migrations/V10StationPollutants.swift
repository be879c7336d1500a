import GRDB

extension Migration {
    /// The other pollutants' daily means beside PM2.5, as CNEMC reports them (CO in mg/m³).
    static let v10StationPollutants = Migration(
        id: "v10-station-pollutants",
        sql: """
        ALTER TABLE station_day ADD COLUMN pm10 REAL CHECK (pm10 IS NULL OR pm10 >= 0);
        ALTER TABLE station_day ADD COLUMN so2 REAL CHECK (so2 IS NULL OR so2 >= 0);
        ALTER TABLE station_day ADD COLUMN no2 REAL CHECK (no2 IS NULL OR no2 >= 0);
        ALTER TABLE station_day ADD COLUMN o3 REAL CHECK (o3 IS NULL OR o3 >= 0);
        ALTER TABLE station_day ADD COLUMN co REAL CHECK (co IS NULL OR co >= 0);
        """
    )
}
