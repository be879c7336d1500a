import Foundation
import Testing
import HotGridCore
@testable import HotGridAnalysis

private func p(_ x: Double, _ y: Double) -> ProjectedPoint { ProjectedPoint(x: x * 1000, y: y * 1000) }

/// A deterministic normal deviate stream.
private struct Noise {
    var state: UInt64
    mutating func uniform() -> Double {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Double(state >> 11) * 0x1p-53
    }
    mutating func normal() -> Double { (-2 * log(uniform() + 1e-12)).squareRoot() * cos(2 * .pi * uniform()) }
}

@Suite("The parts of the fusion")
struct FusionPartsTests {
    let grid = (0..<12).flatMap { i in (0..<12).map { j in p(Double(i) * 10, Double(j) * 10) } }

    @Test("Kriging: a smooth field gets a long range and small nugget, noise a large nugget; weights sum to one")
    func krigingFit() {
        var noise = Noise(state: 3)
        let smooth = grid.map { Float(10 * sin($0.x / 50_000) + 8 * cos($0.y / 60_000)) }
        let rough = grid.map { _ in Float(10 * noise.normal()) }
        let a = OrdinaryKriging.fit(sites: grid, values: smooth), b = OrdinaryKriging.fit(sites: grid, values: rough)
        #expect(a.range >= 20_000 && a.nugget <= 0.1, "\(a)")
        #expect(b.nugget >= 0.3 || b.range <= 10_000, "\(b)")
        let w = a.weights(at: p(33, 47), sites: grid)
        #expect(abs(w.weights.reduce(0, +) - 1) < 1e-9 && w.sites.count == 16)
        let estimate = zip(w.sites, w.weights).reduce(0.0) { $0 + $1.1 * Double(smooth[$1.0]) }
        let exact = 10 * sin(33_000.0 / 50_000) + 8 * cos(47_000.0 / 60_000)
        #expect(abs(estimate - exact) < 0.5, "between stations, close to the smooth field")
        #expect(OrdinaryKriging.fit(sites: Array(grid.prefix(3)), values: [1, 2, 3]).nugget == 1, "too few stations: their mean")
    }

    @Test("The satellite prior recovers a fixed pattern under a daily swing, through noise and clouds")
    func prior() {
        var noise = Noise(state: 11)
        let cells = grid.count, days = 60
        let pattern = grid.map { 1 + 0.5 * sin($0.x / 30_000) }
        let satellite: [[Float]?] = (0..<days).map { d in
            d == 20 ? nil : (0..<cells).map { c in noise.uniform() < 0.5 ? .nan : Float((20 + Double(d)) * pattern[c] * exp(0.2 * noise.normal())) }
        }
        let prior = SatellitePrior(satellite: satellite, cells: cells, halfWindow: 15)
        let day = prior.prior(day: 30)
        let fit = AgreementMetrics(estimates: day.map(Double.init), observations: pattern.map { 50 * $0 })
        #expect(fit.r2 > 0.9, "\(fit)")
        #expect(prior.level[20].isFinite && prior.level[20] > prior.level[19] - 0.2 && prior.level[20] < prior.level[21] + 0.2)
        #expect(SatellitePrior.filled([.nan, 1, .nan, .nan, 4, .nan]) == [1, 1, 2, 3, 4, 4])
    }

    @Test("Pooled calibration: slope on the pattern undiluted by noise, the daily departures shrunk")
    func pooled() {
        var noise = Noise(state: 5)
        let days = 31, stations = 40
        let truePattern = (0..<stations).map { 30 + Double($0) }
        var observations: [[Float]] = [], prior: [[Float]] = [], satellite: [[Float]] = []
        for d in 0..<days {
            observations.append(truePattern.map { Float(10 + 2 * $0 + Double(d)) })
            prior.append(truePattern.map { Float($0) })
            satellite.append(truePattern.map { Float($0 + 15 * noise.normal()) }) // pure noise around the pattern
        }
        let fit = PooledCalibration.fit(observations: observations, prior: prior, satellite: satellite)
        let c = try! #require(fit[15])
        #expect(abs(c.slope - 2) < 0.01)
        #expect(c.anomalySlope < 0.1, "departures that are only noise get almost no weight")
        #expect(abs(c.intercept - 25) < 1)
    }

    @Test("Blocked folds keep neighbours together; random ones spread them")
    func folds() {
        let west = (0..<10).map { p(Double($0 % 5) * 3, Double($0 / 5) * 3) }, east = west.map { p($0.x / 1000 + 200, $0.y / 1000) }
        let points = west + east
        let blocked = StationFolds.blocked(points: points, folds: 2)
        #expect(Set(blocked.prefix(10)).count == 1 && Set(blocked.suffix(10)).count == 1 && blocked[0] != blocked[10])
        #expect(StationFolds.nearestKeptDistances(points: points, fold: blocked).allSatisfy { $0 > 180_000 })
        let random = StationFolds.random(ids: points.indices.map { String(format: "%04dA", $0) }, folds: 2)
        #expect(StationFolds.nearestKeptDistances(points: points, fold: random).allSatisfy { $0 < 20_000 })
    }

    @Test("Selection agrees with sorting")
    func quantile() {
        var noise = Noise(state: 1)
        let values = (0..<1001).map { _ in Float(noise.normal()) } + [.nan, .infinity]
        var scratch: [Float] = []
        let sorted = values.filter(\.isFinite).sorted()
        for q in [0, 0.05, 0.5, 0.99] { #expect(Quantile.of(values, q, scratch: &scratch) == sorted[Int(q * 1001)]) }
        #expect(Quantile.of([.nan], 0.5, scratch: &scratch).isNaN)
    }
}
