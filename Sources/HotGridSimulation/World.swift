import Foundation
import HotGridCore

/// A synthetic region whose truth is known: its terrain, its sources, its weather, and from
/// them every cell's daily PM2.5.
///
/// Daily PM2.5 in a cell is the sum of
/// - a secondary background, regional and smooth, higher in winter and on stagnant days,
///   washed out by rain;
/// - inflow from outside the region, strongest on the upwind edge and fading over ~150 km;
/// - transported primary PM2.5 from every source (``TransportKernel``), divided by the local
///   mixing height, which the basin lowers on calm days (air trapped by terrain).
///
/// That is the steady-plume physics; a ``WorldVariant`` may choose ``PuffTransport`` instead, with
/// sources outside the region (``outsideSources``) in place of the inflow term.
public struct World: Sendable {
    public let region: Region
    public let grid: SimulationGrid
    public let terrain: Terrain
    public let sources: [EmissionSource]
    public let weather: [DailyWeather]
    public let seed: UInt64
    public let variant: WorldVariant
    /// Upwind cities beyond the window's edge, whose PM2.5 the puff physics carries in: empty for
    /// the steady plume, whose inflow is a formula.
    public let outsideSources: [EmissionSource]
    /// Window index of each region cell, in the region's cell order.
    public let regionIndices: [Int]
    let backgroundPattern: SmoothField

    public init(region: Region, days: [Day], seed: UInt64, variant: WorldVariant = .standard) {
        let root = SeededGenerator(seed: seed)
        self.region = region
        self.seed = seed
        self.variant = variant
        let grid = SimulationGrid(covering: region.cells.map(\.id))
        let regionIndices = region.cells.map { grid.index(of: $0.id)! }
        let terrain = Terrain(grid: grid, regionCells: regionIndices)
        self.grid = grid
        self.regionIndices = regionIndices
        self.terrain = terrain
        var sourceRNG = root.stream(1), weatherRNG = root.stream(2), patternRNG = root.stream(3)
        sources = SourceBuilder(grid: grid, region: region, terrain: terrain).build(rng: &sourceRNG)
        weather = WeatherGenerator.series(days: days, rng: &weatherRNG)
        backgroundPattern = SmoothField(nx: 5, ny: 5, rng: &patternRNG)
        var outsideRNG = root.stream(7)
        outsideSources = variant.physics == .puffTransport
            ? OutsideSources.ring(around: grid, inflow: variant.inflow, firstID: sources.count + 1, rng: &outsideRNG) : []
    }

    /// True annual mean emission of each region cell (t/yr), in the region's cell order.
    public func cellEmissions() -> [Double] {
        var byWindow = [Double](repeating: 0, count: grid.count)
        for s in sources { byWindow[grid.nearestIndex(to: s.position)] += s.tonnesPerYear }
        return regionIndices.map { byWindow[$0] }
    }

    /// Fractional position of window index `i` (0…1 west→east, 0…1 south→north).
    func fraction(_ i: Int) -> (Double, Double) {
        (Double(i % grid.columns) / Double(max(1, grid.columns - 1)), 1 - Double(i / grid.columns) / Double(max(1, grid.rows - 1)))
    }

    /// The local mixing height on a day: the regional one, lowered in the basin when it is calm.
    func mixingHeight(_ w: DailyWeather, basinness: Double) -> Double {
        w.blh * (1 - 0.6 * basinness * w.stagnation)
    }

    /// The near field: close to a ground-level source the plume has not yet mixed through the
    /// boundary layer, so the source's cell (and the next cell downwind) hold more than the
    /// well-mixed model gives. The excess is Q·t/(A)·(1/σz − 1/h): the mass emitted during the air's
    /// transit t over the cell area A, held in a layer σz deep (σz ≈ 50 m + 0.06·distance: initial
    /// mixing plus neutral Briggs growth) instead of h. Returns µg/m³ per window cell.
    func nearField(_ w: DailyWeather) -> [Float] {
        var field = [Float](repeating: 0, count: grid.count)
        let cell = SimulationGrid.cellSize, speed = max(w.speed, 1)
        let towards = atan2(w.v, w.u)
        let step = (dc: Int((cos(towards)).rounded()), dr: -Int((sin(towards)).rounded()))
        let secondsPerYear = 365.25 * 86_400
        for s in sources {
            let q = s.tonnesPerYear * s.type.schedule.factor(on: w.day) * 1e12 / secondsPerYear // µg/s
            guard q > 0 else { continue }
            let i = grid.nearestIndex(to: s.position)
            let h = mixingHeight(w, basinness: terrain.basinness(s.position))
            // Own cell: half a cell of travel, σz at ~1 km; next cell downwind: a cell of travel, σz at
            // ~3 km; 50 m of initial mixing (buildings, stacks, heat) on top.
            for (offset, travel, sigma) in [((0, 0), cell / 2, 50 + 0.06 * 1_000.0), ((step.dr, step.dc), cell, 50 + 0.06 * 3_000.0)] {
                let r = i / grid.columns + offset.0, c = i % grid.columns + offset.1
                guard (0..<grid.rows).contains(r), (0..<grid.columns).contains(c), sigma < h else { continue }
                field[r * grid.columns + c] += Float(q * (travel / speed) / (cell * cell) * (1 / sigma - 1 / h))
            }
        }
        return field
    }

    /// The regional level of secondary PM2.5 on day `w` (µg/m³): higher in winter and on stagnant
    /// days, washed out by rain.
    func secondaryLevel(_ w: DailyWeather) -> Double {
        let season = WeatherGenerator.season(w.day)
        return (26 + 14 * season) * (1 + 1.2 * w.stagnation) * exp(-0.04 * w.precip)
    }

    /// Every window cell's true PM2.5 (µg/m³) on day `w`, given the day's transported fields.
    func concentration(_ w: DailyWeather, transported: [[Float]]) -> [Float] {
        let near = nearField(w)
        let season = WeatherGenerator.season(w.day)
        let washout = exp(-0.04 * w.precip)
        let secondary = secondaryLevel(w)
        let inflow = (12 + 10 * season) * (1 + w.stagnation) * washout * variant.inflow.scale
        let factors = EmissionSchedule.allCases.map { $0.factor(on: w.day) }
        let speed = max(w.speed, 0.1), ux = w.u / speed, uy = w.v / speed
        let b = grid.bounds
        // Distance from the upwind edge of the window, along the wind.
        let corners = [(b.minX, b.minY), (b.maxX, b.minY), (b.minX, b.maxY), (b.maxX, b.maxY)]
        let upwind = corners.map { $0.0 * ux + $0.1 * uy }.min()!
        var field = [Float](repeating: 0, count: grid.count)
        for i in 0..<grid.count {
            let p = grid.center(i)
            let (fx, fy) = fraction(i)
            let basin = terrain.basinness(p)
            var primary = 0.0
            for g in factors.indices where factors[g] > 0 { primary += factors[g] * Double(transported[g][i]) }
            let fromEdge = p.x * ux + p.y * uy - upwind
            field[i] = Float(secondary * (0.85 + 0.3 * backgroundPattern.value(fx, fy))
                             + inflow * exp(-fromEdge / 150_000)
                             + primary / mixingHeight(w, basinness: basin)
                             + Double(near[i]))
        }
        return field
    }
}
