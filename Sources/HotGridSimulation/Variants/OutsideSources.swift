import Foundation
import HotGridCore

/// The cities upwind of the region, beyond the window's edge: a ring of strong sources whose
/// PM2.5 reaches the region only when the wind carries it there, so the inflow comes and goes with
/// the weather instead of following a formula.
enum OutsideSources {
    /// Nearest and farthest distance of the ring from the window's edge, in cells. The far side
    /// stays inside ``PuffTransport/margin`` so the ring lies in the transport domain.
    static let nearest = 4
    static let farthest = 14
    /// Distance between neighbouring sources along the ring, metres.
    static let spacing = 6_000.0
    /// Median rate of one source at normal inflow, t/yr: ~400 t/yr per km of ring, about what a
    /// line of upwind cities must emit for the air crossing the edge to carry ~10 µg/m³ more.
    static let medianRate = 2_400.0

    /// Sources every ``spacing`` metres around the window, at a random depth in the ring, half of
    /// them heating boilers (so inflow is stronger in winter) and half industry; rates log-normal
    /// times the variant's inflow scale. Ids follow the region's sources from `firstID`.
    static func ring(around grid: SimulationGrid, inflow: WorldVariant.Inflow, firstID: Int,
                     rng: inout SeededGenerator) -> [EmissionSource] {
        let b = grid.bounds, cell = SimulationGrid.cellSize
        let width = b.maxX - b.minX, height = b.maxY - b.minY
        let perimeter = 2 * (width + height)
        let types: [SourceType] = [.boiler, .steelPlant, .boiler, .cokePlant, .boiler, .cementPlant]
        return (0..<Int(perimeter / spacing)).map { k in
            let along = (Double(k) + rng.uniform()) * spacing
            let depth = cell * rng.uniform(Double(nearest), Double(farthest))
            let position: ProjectedPoint
            switch along {
            case ..<width: position = ProjectedPoint(x: b.minX + along, y: b.maxY + depth)
            case ..<(width + height): position = ProjectedPoint(x: b.maxX + depth, y: b.maxY - (along - width))
            case ..<(2 * width + height): position = ProjectedPoint(x: b.maxX - (along - width - height), y: b.minY - depth)
            default: position = ProjectedPoint(x: b.minX - depth, y: b.minY + (along - 2 * width - height))
            }
            let rate = inflow.scale * rng.logNormal(median: medianRate, sigma: 0.8)
            return EmissionSource(id: firstID + k, type: types[k % types.count], position: position, tonnesPerYear: rate)
        }
    }
}
