import GRDB

extension Migration {
    /// Each listed cell's probability and the constants the index used.
    static let v8HotspotProbability = Migration(
        id: "v8-hotspot-probability",
        sql: """
        -- How sure the list is of each cell (bootstrap over days), and the constants the index used.
        ALTER TABLE hotspot ADD COLUMN probability REAL CHECK (probability IS NULL OR (probability >= 0 AND probability <= 1));
        ALTER TABLE hotspot_list ADD COLUMN settings TEXT NOT NULL DEFAULT '[]';
        """
    )
}
