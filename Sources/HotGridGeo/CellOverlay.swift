import HotGridCore

/// Boundary → cell overlay: how many square metres of each grid cell a unit's polygons cover.
///
/// Polygons must already be in the grid's projected CRS. Each ring is first clipped to a row
/// of cells, then that strip to each cell of the row, so a county with thousands of vertices
/// costs one pass per row rather than one per cell.
public enum CellOverlay {
    /// The covered area of every cell the polygons meet, in square metres. Cells covered by less
    /// than a billionth of their area (floating-point dust along shared edges) are left out.
    public static func coveredAreas(of polygons: [Polygon], grid: GridSpec) -> [CellID: Double] {
        var areas: [CellID: Double] = [:]
        let dust = grid.resolution.cellArea * 1e-9
        for polygon in polygons {
            guard let bounds = polygon.bounds, let range = grid.cellRange(covering: bounds) else { continue }
            let rings = polygon.rings.enumerated().map { index, ring in
                // Exterior rings add, holes subtract, whatever the file's winding order.
                let sign: Double = (RectangleClipper.signedArea(ring) >= 0 ? 1 : -1) * (index == 0 ? 1 : -1)
                return (ring: ring, sign: sign, bounds: Polygon.bounds(of: ring))
            }
            for row in range.rows {
                let rowRect = grid.bounds(row: row, column: range.columns.lowerBound)
                for item in rings {
                    guard let ringBounds = item.bounds,
                          ringBounds.maxY >= rowRect.minY, ringBounds.minY <= rowRect.maxY else { continue }
                    let strip = RectangleClipper.clip(item.ring, toRows: rowRect.minY...rowRect.maxY)
                    guard strip.count >= 3, let stripBounds = Polygon.bounds(of: strip),
                          let columns = grid.cellRange(covering: stripBounds)?.columns else { continue }
                    for column in columns {
                        let cell = grid.bounds(row: row, column: column)
                        let piece = RectangleClipper.clip(strip, toColumns: cell.minX...cell.maxX)
                        let area = RectangleClipper.signedArea(piece) * item.sign
                        guard area != 0, let id = CellID(resolution: grid.resolution, row: row, column: column) else { continue }
                        areas[id, default: 0] += area
                    }
                }
            }
        }
        return areas.filter { $0.value > dust }
    }
}
