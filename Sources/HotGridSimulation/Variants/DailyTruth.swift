/// A world's physics as the simulator sees it: the true PM2.5 of every window cell, one day after
/// another (days in order, since a physics may carry mass from one day to the next).
protocol DailyTruth {
    mutating func concentration(on w: DailyWeather) -> [Float]
}

/// The steady-plume physics: each day on its own, the K₀ plumes of ``Dispersion`` plus the
/// background, inflow and near field of ``World/concentration(_:transported:)``.
struct SteadyPlume: DailyTruth {
    let world: World
    var dispersion: Dispersion

    init(world: World) {
        self.world = world
        dispersion = Dispersion(grid: world.grid, sources: world.sources)
    }

    mutating func concentration(on w: DailyWeather) -> [Float] {
        world.concentration(w, transported: dispersion.fields(for: w))
    }
}

extension World {
    /// The physics the world's variant chose, ready to run from the first day.
    func dailyTruth() -> any DailyTruth {
        switch variant.physics {
        case .steadyPlume: SteadyPlume(world: self)
        case .puffTransport: PuffTransport(world: self)
        }
    }
}
