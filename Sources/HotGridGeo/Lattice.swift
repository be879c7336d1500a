import HotGridCore

/// A regular north-up lattice of rectangles: the national grid at one resolution, or a source
/// raster's pixels. Row 0 is the northernmost, column 0 the westernmost.
public struct Lattice: Sendable, Equatable {
    public let minX: Double
    public let maxY: Double
    public let cellWidth: Double
    public let cellHeight: Double
    public let columns: Int
    public let rows: Int

    public init(minX: Double, maxY: Double, cellWidth: Double, cellHeight: Double, columns: Int, rows: Int) {
        self.minX = minX
        self.maxY = maxY
        self.cellWidth = cellWidth
        self.cellHeight = cellHeight
        self.columns = columns
        self.rows = rows
    }

    /// The national grid at `resolution`.
    public init(grid: GridSpec) {
        let size = Double(grid.resolution.meters)
        self.init(minX: GridSpec.originX, maxY: GridSpec.originY, cellWidth: size, cellHeight: size,
                  columns: grid.columnCount, rows: grid.rowCount)
    }

    /// A longitude/latitude lattice of `pixel` degrees, aligned to multiples of `pixel`, holding
    /// `positions` with a margin of one pixel.
    public static func geographic(covering positions: [LonLat], pixel: Double) -> Lattice {
        let lons = positions.map(\.longitude), lats = positions.map(\.latitude)
        let west = ((lons.min() ?? 0) / pixel).rounded(.down) - 1, east = ((lons.max() ?? 0) / pixel).rounded(.up) + 1
        let south = ((lats.min() ?? 0) / pixel).rounded(.down) - 1, north = ((lats.max() ?? 0) / pixel).rounded(.up) + 1
        return Lattice(minX: west * pixel, maxY: north * pixel, cellWidth: pixel, cellHeight: pixel,
                       columns: Int(east - west), rows: Int(north - south))
    }

    public func rect(row: Int, column: Int) -> ProjectedRect {
        let x = minX + Double(column) * cellWidth, y = maxY - Double(row) * cellHeight
        return ProjectedRect(minX: x, minY: y - cellHeight, maxX: x + cellWidth, maxY: y)
    }

    /// Rows and columns meeting `rect`, clamped to the lattice; nil when it lies outside.
    public func range(covering rect: ProjectedRect) -> (rows: ClosedRange<Int>, columns: ClosedRange<Int>)? {
        let firstRow = max(0, Int(((maxY - rect.maxY) / cellHeight).rounded(.down)))
        let lastRow = min(rows - 1, Int(((maxY - rect.minY) / cellHeight).rounded(.down)))
        let firstColumn = max(0, Int(((rect.minX - minX) / cellWidth).rounded(.down)))
        let lastColumn = min(columns - 1, Int(((rect.maxX - minX) / cellWidth).rounded(.down)))
        guard firstRow <= lastRow, firstColumn <= lastColumn else { return nil }
        return (firstRow...lastRow, firstColumn...lastColumn)
    }

    /// Calls `body(row, column, area)` with the signed area of `ring` inside each lattice cell it
    /// meets (positive for a counter-clockwise ring). The ring is clipped to each row first, then
    /// that strip to each cell of the row, so a long ring costs one pass per row, not per cell.
    public func forEachPiece(of ring: [ProjectedPoint], _ body: (Int, Int, Double) -> Void) {
        guard let bounds = Polygon.bounds(of: ring), let range = range(covering: bounds) else { return }
        for row in range.rows {
            let band = rect(row: row, column: 0)
            let strip = RectangleClipper.clip(ring, toRows: band.minY...band.maxY)
            guard strip.count >= 3, let stripBounds = Polygon.bounds(of: strip),
                  let columns = self.range(covering: stripBounds)?.columns else { continue }
            for column in columns {
                let x = minX + Double(column) * cellWidth
                let area = RectangleClipper.signedArea(RectangleClipper.clip(strip, toColumns: x...(x + cellWidth)))
                if area != 0 { body(row, column, area) }
            }
        }
    }
}
