import Foundation
import HotGridCore

/// The puff physics: primary PM2.5 carried hour by hour over the simulation grid, instead of one
/// steady plume per day.
///
/// Each hour the column mass (µg/m²) of every cell is
/// - advected semi-Lagrangian (taken from where the air was an hour ago, bilinearly) by a wind
///   that turns from yesterday's to tomorrow's through the day, is weaker at night and veers with
///   the hour, and that the terrain bends: the basin slows it, the ridge blocks the flow across it
///   and channels it along;
/// - diffused by a [1 2 1]/4 stencil each way (~1,000 m²/s together with the advection's own
///   smoothing);
/// - depleted by the first-order loss of the steady world (1/1.5 days, more on rainy days);
/// - fed by the region's sources and by the ring of ``OutsideSources``.
/// Mass is never reset: what a stagnant day leaves behind is there the next morning. The grid
/// extends ``margin`` cells beyond the window so the ring lies inside it; air beyond that is clean.
///
/// Concentration is the column mass over a boundary layer that is shallow at night (0.7 × the
/// day's mixing height) and deep in the afternoon (2.3 ×), lowered in the basin on calm days; the
/// daily truth is the mean of the hours. On top come the sub-grid near field of the steady world
/// (``World/nearField(_:)``: next to a ground source the plume has not yet filled the boundary
/// layer, which no 3 km grid resolves) and the secondary background, ``World/secondaryLevel(_:)``
/// times a ``SynopticBackground`` drifting with the wind.
struct PuffTransport: DailyTruth {
    static let stepsPerDay = 24
    static let margin = 16
    /// Days of the first day's weather run before it, so the first day starts from loaded air.
    static let spinUpDays = 3

    private let world: World
    private let rows: Int
    private let columns: Int
    /// Per ``EmissionSchedule``, emission of every domain cell, µg/m²/s.
    private let emission: [[Double]]
    /// Factors on the regional wind's east and north components in every domain cell.
    private let eastFactor: [Double]
    private let northFactor: [Double]
    /// Domain index, basinness and centre of every window cell.
    private let windowCells: [Int]
    private let basinness: [Double]
    private let centers: [ProjectedPoint]
    private var background: SynopticBackground
    /// Column mass of primary PM2.5 in every domain cell, µg/m², carried from day to day.
    private var mass: [Double]
    private var scratch: [Double]
    private var previous: DailyWeather?
    private var dayIndex = 0

    init(world: World) {
        self.world = world
        let m = Self.margin, grid = world.grid, cell = SimulationGrid.cellSize, b = grid.bounds
        let rows = grid.rows + 2 * m, columns = grid.columns + 2 * m
        self.rows = rows
        self.columns = columns
        let windowCells = (0..<grid.count).map { ($0 / grid.columns + m) * columns + $0 % grid.columns + m }
        self.windowCells = windowCells
        centers = (0..<grid.count).map(grid.center)
        basinness = centers.map(world.terrain.basinness)
        let domainCenters = (0..<(rows * columns)).map { (i: Int) -> ProjectedPoint in
            let column = Double(i % columns - m) + 0.5, row = Double(i / columns - m) + 0.5
            return ProjectedPoint(x: b.minX + column * cell, y: b.maxY - row * cell)
        }
        eastFactor = domainCenters.map { (1 - 0.5 * world.terrain.basinness($0)) * (1 - 0.8 * world.terrain.ridgeness($0)) }
        northFactor = domainCenters.map { (1 - 0.5 * world.terrain.basinness($0)) * (1 + 0.3 * world.terrain.ridgeness($0)) }

        let perSecond = 1e12 / (365.25 * 86_400) / (cell * cell) // t/yr in a cell → µg/m²/s
        var maps = [[Double]](repeating: [Double](repeating: 0, count: rows * columns), count: EmissionSchedule.allCases.count)
        for s in world.sources {
            maps[s.type.schedule.rawValue][windowCells[grid.nearestIndex(to: s.position)]] += s.tonnesPerYear * perSecond
        }
        for s in world.outsideSources {
            let c = Int(floor((s.position.x - b.minX) / cell)) + m, r = Int(floor((b.maxY - s.position.y) / cell)) + m
            guard (0..<rows).contains(r), (0..<columns).contains(c) else { continue }
            maps[s.type.schedule.rawValue][r * columns + c] += s.tonnesPerYear * perSecond
        }
        emission = maps
        var rng = SeededGenerator(seed: world.seed).stream(8)
        background = SynopticBackground(rng: &rng)
        mass = [Double](repeating: 0, count: rows * columns)
        scratch = mass
    }

    mutating func concentration(on w: DailyWeather) -> [Float] {
        if previous == nil {
            for _ in 0..<Self.spinUpDays { _ = run(day: w, previous: w, next: w) }
        }
        let next = dayIndex + 1 < world.weather.count ? world.weather[dayIndex + 1] : w
        let primary = run(day: w, previous: previous ?? w, next: next)
        let level = world.secondaryLevel(w), near = world.nearField(w)
        let field = (0..<centers.count).map { k in Float(level * background.value(at: centers[k]) + primary[k] + Double(near[k])) }
        background.advance(by: w)
        previous = w
        dayIndex += 1
        return field
    }

    /// Runs the hours of day `w`; returns the day's mean primary PM2.5 (µg/m³) of every window cell.
    private mutating func run(day w: DailyWeather, previous: DailyWeather, next: DailyWeather) -> [Double] {
        let factors = EmissionSchedule.allCases.map { $0.factor(on: w.day) }
        var rate = [Double](repeating: 0, count: rows * columns)
        for g in factors.indices where factors[g] > 0 {
            for i in rate.indices { rate[i] += factors[g] * emission[g][i] }
        }
        let inverseHeight = basinness.map { 1 / world.mixingHeight(w, basinness: $0) }
        let loss = w.precip > 2 ? Dispersion.wetLoss : Dispersion.dryLoss
        var primary = [Double](repeating: 0, count: windowCells.count)
        for step in 0..<Self.stepsPerDay {
            let hour = (Double(step) + 0.5) * 24 / Double(Self.stepsPerDay)
            let wind = Self.wind(at: hour, previous: previous, today: w, next: next)
            advance(u: wind.u, v: wind.v, loss: loss, rate: rate)
            let scale = 1 / (Self.mixingFactor(at: hour) * Double(Self.stepsPerDay))
            for (k, i) in windowCells.enumerated() { primary[k] += mass[i] * inverseHeight[k] * scale }
        }
        return primary
    }

    /// The regional wind at `hour`: from yesterday's towards today's in the morning, towards
    /// tomorrow's in the afternoon; slack at night and strong in the afternoon, when the mixed
    /// layer brings momentum down; veering by up to 20° through the day.
    static func wind(at hour: Double, previous: DailyWeather, today: DailyWeather, next: DailyWeather) -> (u: Double, v: Double) {
        let (a, b, t) = hour < 12 ? (previous, today, (hour + 12) / 24) : (today, next, (hour - 12) / 24)
        let u = a.u + (b.u - a.u) * t, v = a.v + (b.v - a.v) * t
        let strength = 0.6 + 1.25 * daylight(hour), turn = 0.35 * sin(2 * Double.pi * (hour - 9) / 24)
        return (strength * (u * cos(turn) - v * sin(turn)), strength * (u * sin(turn) + v * cos(turn)))
    }

    /// The boundary layer's height at `hour` relative to the day's: 0.7 at night, 2.3 at 1 pm.
    static func mixingFactor(at hour: Double) -> Double { 0.7 + 1.6 * daylight(hour) }

    /// 0 at night, rising to 1 at 1 pm (sunrise 7 am, sunset 7 pm).
    static func daylight(_ hour: Double) -> Double { max(0, sin(Double.pi * (hour - 7) / 12)) }

    /// One hour: advection with loss and emission into `scratch`, then diffusion back into `mass`.
    private mutating func advance(u: Double, v: Double, loss: Double, rate: [Double]) {
        let dt = 86_400 / Double(Self.stepsPerDay), cell = SimulationGrid.cellSize
        let decay = exp(-loss * dt), dx = u * dt / cell, dy = v * dt / cell
        let rows = rows, columns = columns
        mass.withUnsafeBufferPointer { from in
            scratch.withUnsafeMutableBufferPointer { to in
                func at(_ r: Int, _ c: Int) -> Double {
                    r >= 0 && r < rows && c >= 0 && c < columns ? from[r * columns + c] : 0
                }
                for r in 0..<rows {
                    for c in 0..<columns {
                        let i = r * columns + c
                        // Rows count southwards: air that moved north came from a higher row.
                        let x = Double(c) - dx * eastFactor[i], y = Double(r) + dy * northFactor[i]
                        let x0 = x.rounded(.down), y0 = y.rounded(.down)
                        let tx = x - x0, ty = y - y0, c0 = Int(x0), r0 = Int(y0)
                        let upwind = (at(r0, c0) * (1 - tx) + at(r0, c0 + 1) * tx) * (1 - ty)
                            + (at(r0 + 1, c0) * (1 - tx) + at(r0 + 1, c0 + 1) * tx) * ty
                        to[i] = upwind * decay + rate[i] * dt
                    }
                }
            }
        }
        Self.smooth(scratch, into: &mass, rows: rows, columns: columns, along: 1)
        Self.smooth(mass, into: &scratch, rows: rows, columns: columns, along: columns)
        swap(&mass, &scratch)
    }

    /// The [1 2 1]/4 stencil along rows (`stride` 1) or columns (`stride` = columns); beyond the
    /// domain the air is clean.
    private static func smooth(_ field: [Double], into out: inout [Double], rows: Int, columns: Int, along stride: Int) {
        let length = stride == 1 ? columns : rows
        field.withUnsafeBufferPointer { f in
            out.withUnsafeMutableBufferPointer { o in
                for i in 0..<(rows * columns) {
                    let position = stride == 1 ? i % columns : i / columns
                    let before = position > 0 ? f[i - stride] : 0, after = position < length - 1 ? f[i + stride] : 0
                    o[i] = 0.5 * f[i] + 0.25 * (before + after)
                }
            }
        }
    }
}
