import HotGridCore

/// Boundary → cell overlay: how many square metres of each grid cell a unit's polygons cover.
/// Polygons must already be in the grid's projected CRS.
public enum CellOverlay {
    /// The covered area of every cell the polygons meet, in square metres. Cells covered by less
    /// than a billionth of their area (floating-point dust along shared edges) are left out.
    public static func coveredAreas(of polygons: [Polygon], grid: GridSpec) -> [CellID: Double] {
        let lattice = Lattice(grid: grid)
        var areas: [CellID: Double] = [:]
        for polygon in polygons {
            for (index, ring) in polygon.rings.enumerated() {
                // Exterior rings add, holes subtract, whatever the file's winding order.
                let sign: Double = (RectangleClipper.signedArea(ring) >= 0 ? 1 : -1) * (index == 0 ? 1 : -1)
                lattice.forEachPiece(of: ring) { row, column, area in
                    guard let id = CellID(resolution: grid.resolution, row: row, column: column) else { return }
                    areas[id, default: 0] += sign * area
                }
            }
        }
        let dust = grid.resolution.cellArea * 1e-9
        return areas.filter { $0.value > dust }
    }
}
