import Foundation
import HotGridCore

/// The plain's large-scale haze pattern for the puff physics: a smooth field of a few long waves
/// (200–600 km) that the wind carries across the region over days, so the secondary background
/// moves instead of sitting still as the steady world's fixed pattern does.
struct SynopticBackground {
    private struct Wave {
        let kx: Double, ky: Double, phase: Double, amplitude: Double
    }

    private let waves: [Wave]
    /// How far the pattern has travelled with the wind, metres east and north.
    private(set) var drift = (x: 0.0, y: 0.0)
    /// Synoptic systems move with the winds aloft, slower and smoother than the surface wind
    /// suggests: the pattern moves at this share of the day's wind.
    static let steering = 0.6

    init(rng: inout SeededGenerator) {
        let raw = (0..<4).map { _ -> Wave in
            let wavelength = rng.uniform(200_000, 600_000), heading = rng.uniform(0, 2 * Double.pi)
            let k = 2 * Double.pi / wavelength
            return Wave(kx: k * cos(heading), ky: k * sin(heading), phase: rng.uniform(0, 2 * Double.pi), amplitude: rng.uniform(0.5, 1))
        }
        let total = raw.reduce(0) { $0 + $1.amplitude }
        waves = raw.map { Wave(kx: $0.kx, ky: $0.ky, phase: $0.phase, amplitude: $0.amplitude / total) }
    }

    /// The pattern at `p` today, between 0.7 and 1.3.
    func value(at p: ProjectedPoint) -> Double {
        let x = p.x - drift.x, y = p.y - drift.y
        return 1 + 0.3 * waves.reduce(0) { $0 + $1.amplitude * cos($1.kx * x + $1.ky * y + $1.phase) }
    }

    /// Moves the pattern on by one day of weather `w`.
    mutating func advance(by w: DailyWeather) {
        drift.x += Self.steering * w.u * 86_400
        drift.y += Self.steering * w.v * 86_400
    }
}
