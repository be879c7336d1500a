import HotGridCore

/// The window of national 3 km cells the world is computed on: the region's bounding box.
/// Index `row * columns + column` addresses a cell of the window.
public struct SimulationGrid: Sendable, Equatable {
    public let firstRow: Int
    public let firstColumn: Int
    public let rows: Int
    public let columns: Int
    public static let resolution = GridResolution.m3000
    public static let cellSize = 3000.0

    /// The smallest window holding every cell of `cells`.
    public init(covering cells: [CellID]) {
        let rowsSeen = cells.map(\.row), columnsSeen = cells.map(\.column)
        firstRow = rowsSeen.min() ?? 0
        firstColumn = columnsSeen.min() ?? 0
        rows = (rowsSeen.max() ?? 0) - firstRow + 1
        columns = (columnsSeen.max() ?? 0) - firstColumn + 1
    }

    public var count: Int { rows * columns }

    public func index(of cell: CellID) -> Int? {
        let r = cell.row - firstRow, c = cell.column - firstColumn
        guard (0..<rows).contains(r), (0..<columns).contains(c) else { return nil }
        return r * columns + c
    }

    /// The window index holding projected point `p`, clamped to the window.
    public func nearestIndex(to p: ProjectedPoint) -> Int {
        let spec = GridSpec(resolution: Self.resolution)
        let r = min(rows - 1, max(0, (spec.row(containing: p.y) ?? 0) - firstRow))
        let c = min(columns - 1, max(0, (spec.column(containing: p.x) ?? 0) - firstColumn))
        return r * columns + c
    }

    /// Projected centre of the window cell at `index`.
    public func center(_ index: Int) -> ProjectedPoint {
        GridSpec(resolution: Self.resolution).bounds(row: firstRow + index / columns, column: firstColumn + index % columns).center
    }

    /// The projected bounding box of the window.
    public var bounds: ProjectedRect {
        let spec = GridSpec(resolution: Self.resolution)
        let nw = spec.bounds(row: firstRow, column: firstColumn), se = spec.bounds(row: firstRow + rows - 1, column: firstColumn + columns - 1)
        return ProjectedRect(minX: nw.minX, minY: se.minY, maxX: se.maxX, maxY: nw.maxY)
    }
}
