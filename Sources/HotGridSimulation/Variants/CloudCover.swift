import Foundation
import HotGridCore

/// Where cloud hides the ground from the satellite each day: a smooth pattern over the window, and
/// the share of its range that counts as cloud (a pixel is missing where the pattern is below it).
struct CloudCover {
    let kind: WorldVariant.Clouds
    /// For frequent clouds: the pattern's control values as standard normals, evolving day to day.
    private var systems: [Double] = []
    static let lattice = 9
    /// Day-to-day persistence of frequent cloud systems: they last ~5 days.
    static let persistence = 0.8

    init(kind: WorldVariant.Clouds) { self.kind = kind }

    mutating func day(_ w: DailyWeather, rng: inout SeededGenerator) -> (pattern: SmoothField, cover: Double) {
        let season = WeatherGenerator.season(w.day), n = Self.lattice
        switch kind {
        case .seasonal:
            let cover = min(0.9, 0.45 - 0.15 * season + (w.precip > 1 ? 0.3 : 0))
            return (SmoothField(nx: n, ny: n, rng: &rng), cover)
        case .frequent:
            let fresh = (0..<(n * n)).map { _ in rng.normal() }
            let rho = Self.persistence
            systems = systems.isEmpty ? fresh : zip(systems, fresh).map { rho * $0 + (1 - rho * rho).squareRoot() * $1 }
            // Retrievals flag thick haze as cloud, so stagnant winter days are mostly missing.
            let cover = min(0.97, 0.65 - 0.05 * season + (w.precip > 1 ? 0.25 : 0) + (w.stagnant ? 0.3 : 0.1 * w.stagnation))
            return (SmoothField(nx: n, ny: n, controls: systems.map { 0.5 * (1 + erf($0 / 2.0.squareRoot())) }), cover)
        }
    }
}
