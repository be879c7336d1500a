import Foundation
import HotGridCore

/// A parametric landscape: a north–south ridge (like the Taihang) and, west of it, a basin
/// (like Taiyuan's in the Fen valley) where air is trapped on calm days.
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

    /// Elevation in metres (ridge plus the rim around the basin), for the world's description.
    public func elevation(_ p: ProjectedPoint) -> Double {
        let ridge = ridgeHeight * exp(-pow((p.x - ridgeX) / ridgeWidth, 2))
        return ridge + 800 * (1 - basinness(p)) * (p.x < ridgeX ? 1 : 0)
    }
}
