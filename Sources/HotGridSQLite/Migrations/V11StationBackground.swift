import GRDB

extension Migration {
    /// CNEMC's background sites (对照点): 1 or 0 where the source says, NULL where it does not.
    static let v11StationBackground = Migration(
        id: "v11-station-background",
        sql: """
        ALTER TABLE station ADD COLUMN background INTEGER CHECK (background IS NULL OR background IN (0, 1))
        """
    )
}
