import GRDB

extension Migration {
    /// The hotspot cells a publication's map shades, stored with it (one cell id per line), so a
    /// hotspot list selected again later does not change a page already published. NULL for
    /// publications made before.
    static let v12PublicationHotspots = Migration(
        id: "v12-publication-hotspots",
        sql: """
        ALTER TABLE publication ADD COLUMN hotspot_cells TEXT
        """
    )
}
