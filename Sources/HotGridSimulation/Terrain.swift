import Foundation
import HotGridCore

/// A parametric landscape: a north–south ridge (like the Taihang) and, west of it, a basin
/// (like Taiyuan's in the Fen valley) where air is trapped on calm days. The basin acts on the air
/// through the mixing height; the ridge only in the puff physics (``PuffTransport``), where it
/// blocks the wind across it.
public struct Terrain: Sendable {
    public let ridgeX: Double
    public let ridgeWidth: Double
    public let ridgeHeight: Double
    public let basinCenter: ProjectedPoint
    public let basinRadiusX: Double
    public let basinRadiusY: Double

    /// Places the basin over the region's western cells and the ridge east of it.
    public init(grid: SimulationGrid, regionCells: [Int]) {
        let b = grid.bounds
        let centers = regionCells.map(grid.center).sorted { $0.x < $1.x }
        let west = centers.prefix(max(1, centers.count / 5))
        let cx = west.map(\.x).reduce(0, +) / Double(west.count), cy = west.map(\.y).reduce(0, +) / Double(west.count)
        basinCenter = ProjectedPoint(x: cx, y: cy)
        basinRadiusX = max(20_000, 0.07 * (b.maxX - b.minX))
        basinRadiusY = max(30_000, 0.1 * (b.maxY - b.minY))
        ridgeX = cx + 2 * basinRadiusX
        ridgeWidth = 25_000
        ridgeHeight = 1_200
    }

    /// 1 at the basin floor, falling to 0 outside it.
    public func basinness(_ p: ProjectedPoint) -> Double {
        let dx = (p.x - basinCenter.x) / basinRadiusX, dy = (p.y - basinCenter.y) / basinRadiusY
        return exp(-(dx * dx + dy * dy))
    }

    /// 1 on the ridge's crest, falling to 0 a ridge width or two away.
    public func ridgeness(_ p: ProjectedPoint) -> Double {
        let dx = (p.x - ridgeX) / ridgeWidth
        return exp(-dx * dx)
    }
}
