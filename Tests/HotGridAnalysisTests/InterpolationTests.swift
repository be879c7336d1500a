import Foundation
import Testing
import HotGridCore
@testable import HotGridAnalysis

private func p(_ x: Double, _ y: Double) -> ProjectedPoint { ProjectedPoint(x: x * 1000, y: y * 1000) }

@Suite("Interpolating station values to cells")
struct InterpolationTests {
    let sites = [p(0, 0), p(40, 5), p(10, 50), p(60, 60), p(25, 25), p(-20, 30)]
    let targets = [p(5, 5), p(30, 40), p(100, -30), p(25, 25), p(-50, 80)]

    @Test("A constant field comes back constant everywhere")
    func constant() {
        let out = SpatialInterpolator(targets: targets, sites: sites).interpolate([Float](repeating: 42, count: sites.count))
        #expect(out.allSatisfy { abs($0 - 42) < 1e-4 })
    }

    @Test("A linear field comes back exactly, near the stations and far away")
    func linear() {
        let f = { (q: ProjectedPoint) in 30 + 0.4 * q.x / 1000 - 0.25 * q.y / 1000 }
        let out = SpatialInterpolator(targets: targets, sites: sites).interpolate(sites.map { Float(f($0)) })
        for (t, v) in zip(targets, out) { #expect(abs(Double(v) - f(t)) < 1e-3) }
    }

    @Test("A single station's value holds everywhere; no station gives nothing")
    func single() {
        var values = [Float](repeating: .nan, count: sites.count)
        values[3] = 77
        #expect(SpatialInterpolator(targets: targets, sites: sites).interpolate(values).allSatisfy { $0 == 77 })
        let none = SpatialInterpolator(targets: targets, sites: sites).interpolate([Float](repeating: .nan, count: sites.count))
        #expect(none.allSatisfy { $0.isNaN })
    }

    @Test("At a station the station's value; far away the regional plane")
    func localAndFar() {
        var values: [Float] = [50, 50, 50, 50, 90, 50]
        let out = SpatialInterpolator(targets: targets, sites: sites, range: 10_000).interpolate(values)
        #expect(out[3] == 90, "a target on a station")
        let plane = Plane.fit(sites: sites, values: values)!
        #expect(abs(Double(out[4]) - plane.value(at: targets[4])) < 0.5, "80 km from any station: the plane")
        values[4] = .nan
        #expect(SpatialInterpolator(targets: targets, sites: sites).interpolate(values).allSatisfy { abs($0 - 50) < 1e-4 })
    }

    @Test("The fitted range follows the data: smooth fields give long ranges, rough ones short")
    func variogram() {
        var rng: UInt64 = 1
        func noise() -> Float { rng = rng &* 6364136223846793005 &+ 1442695040888963407; return Float(rng >> 40) / Float(1 << 24) - 0.5 }
        let grid = (0..<15).flatMap { i in (0..<15).map { j in p(Double(i) * 10, Double(j) * 10) } }
        let smooth: [[Float]] = (0..<20).map { d in
            grid.map { q -> Float in
                let s: Double = sin(q.x / 60_000 + Double(d)) * cos(q.y / 70_000)
                return Float(s * 20)
            }
        }
        let rough = (0..<20).map { _ in grid.map { _ in noise() * 20 } }
        #expect(VariogramFit.range(sites: grid, samples: smooth) > VariogramFit.range(sites: grid, samples: rough))
    }
}

@Suite("Fusing stations and satellite")
struct FusionTests {
    let stations = (0..<12).map { p(Double($0 % 4) * 30, Double($0 / 4) * 30) }
    let targets = (0..<40).map { p(Double($0 % 8) * 12, Double($0 / 8) * 15) }
    func truth(_ q: ProjectedPoint, _ d: Int) -> Double {
        let wave: Double = 10 * sin(q.x / 20_000 + Double(d))
        return 40 + wave + 5 * cos(q.y / 15_000)
    }

    /// The region's cells: the targets first, then the stations' own cells.
    var points: [ProjectedPoint] { targets + stations }
    var stationCells: [Int] { stations.indices.map { targets.count + $0 } }

    func engine(_ method: FusionMethod = .satelliteCalibrated) -> FusionEngine {
        FusionEngine(method: method, targets: targets, targetCells: Array(targets.indices), stations: stations,
                     stationCells: stationCells, range: 20_000)
    }

    /// `days` days of exact stations and a satellite reading `scale` × the truth everywhere.
    func inputs(days: Int, scale: Double = 0.5) -> (observations: [[Float]], satellite: [[Float]?]) {
        ((0..<days).map { d in stations.map { Float(truth($0, d)) } },
         (0..<days).map { d in points.map { Float(scale * truth($0, d)) } })
    }

    @Test("A satellite proportional to the truth, calibrated to exact stations, gives the truth")
    func exactSatellite() {
        let (observations, satellite) = inputs(days: 5)
        let prior = SatellitePrior(satellite: satellite, cells: points.count, halfWindow: 2)
        let out = engine().run(observations: observations, satellite: satellite, prior: prior)
        for d in 0..<5 { for (t, v) in zip(targets, out.estimates[d]) { #expect(abs(Double(v) / truth(t, d) - 1) < 0.02) } }
        #expect(abs(out.diagnostics.slope! - 2) < 0.1 && abs(out.diagnostics.anomalySlope! - 2) < 0.1)
    }

    @Test("A cloudy cell takes the calibrated pattern of the days around it; a day without any satellite still has every cell")
    func gapFill() {
        var (observations, satellite) = inputs(days: 7)
        satellite[3]![5] = .nan
        satellite[4] = nil
        let prior = SatellitePrior(satellite: satellite, cells: points.count, halfWindow: 3)
        #expect(prior.ownLevelShare == 6.0 / 7, "the fully cloudy day borrows its level")
        let out = engine().run(observations: observations, satellite: satellite, prior: prior).estimates
        #expect(abs(Double(out[3][5]) - truth(targets[5], 3)) < 4, "the cell's pattern of its seen days, at today's level")
        #expect(out[4].allSatisfy { $0.isFinite })
        observations[2] = observations[2].map { _ in .nan }
        #expect(engine().run(observations: observations, satellite: satellite, prior: prior).estimates[2].allSatisfy { $0.isNaN })
    }

    @Test("A noisy satellite keeps the truth's spatial contrast in the period mean (no regression dilution)")
    func noisySatellite() {
        // A fixed hot spot pattern, wide enough for four of the 12 exact stations to see its
        // flank, under a regional swing; the satellite sees it with 35 % noise on half the
        // cell-days.
        var rng: UInt64 = 7
        func normal() -> Double {
            rng = rng &* 6364136223846793005 &+ 1442695040888963407
            let u1 = Double(rng >> 11) * 0x1p-53 + 1e-12
            rng = rng &* 6364136223846793005 &+ 1442695040888963407
            return (-2 * log(u1)).squareRoot() * cos(2 * .pi * Double(rng >> 11) * 0x1p-53)
        }
        let pattern = points.map { 1 + 0.6 * exp(-pow(($0.x - 40_000) / 18_000, 2) - pow(($0.y - 35_000) / 18_000, 2)) }
        let days = 90
        let level = (0..<days).map { 30 + 20 * sin(Double($0) / 5) }
        let observations = (0..<days).map { d in stationCells.map { Float(level[d] * pattern[$0]) } }
        let satellite: [[Float]?] = (0..<days).map { d in
            points.indices.map { c in (c + d) % 2 == 0 ? Float(0.7 * level[d] * pattern[c] * exp(0.35 * normal())) : .nan }
        }
        let prior = SatellitePrior(satellite: satellite, cells: points.count)
        let out = engine().run(observations: observations, satellite: satellite, prior: prior).estimates
        let stationsOnly = engine(.stationsOnly).run(observations: observations, satellite: satellite, prior: nil).estimates
        let trueMean = targets.indices.map { t in level.reduce(0, +) / Double(days) * pattern[t] }
        func periodMean(_ field: [[Float]]) -> [Double] { targets.indices.map { t in field.map { Double($0[t]) }.reduce(0, +) / Double(days) } }
        let fused = AgreementMetrics(estimates: periodMean(out), observations: trueMean)
        let stations = AgreementMetrics(estimates: periodMean(stationsOnly), observations: trueMean)
        func sd(_ v: [Double]) -> Double { let m = v.reduce(0, +) / Double(v.count); return (v.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(v.count)).squareRoot() }
        #expect(fused.r2 > 0.8 && fused.r2 > stations.r2 + 0.1, "fused \(fused), stations only \(stations)")
        #expect(sd(periodMean(out)) > 0.75 * sd(trueMean), "contrast kept: \(sd(periodMean(out))) vs \(sd(trueMean))")
    }

    @Test("Without a satellite the station field alone")
    func stationsOnly() {
        let observations = [stations.map { Float(truth($0, 0)) }]
        let engine = engine()
        #expect(engine.run(observations: observations, satellite: [nil], prior: nil).estimates[0] == engine.interpolator.interpolate(observations[0]))
    }

    @Test("Calibration recovers a linear relation, and falls back to a ratio with few pairs")
    func calibration() throws {
        let sat = (0..<20).map { Double($0) * 3 + 10 }
        let fit = try #require(SatelliteCalibration.fit(satellite: sat, stations: sat.map { 5 + 1.6 * $0 }))
        #expect(abs(fit.intercept - 5) < 1e-9 && abs(fit.slope - 1.6) < 1e-9)
        let few = try #require(SatelliteCalibration.fit(satellite: [10, 20, 30, 40, 50], stations: [20, 40, 60, 80, 100]))
        #expect(few.intercept == 0 && few.slope == 2)
        #expect(SatelliteCalibration.fit(satellite: [1, 2], stations: [1, 2]) == nil)
    }

    @Test("Agreement metrics: perfect, biased, and period means under the validity rule")
    func metricsAndMeans() {
        let perfect = AgreementMetrics(estimates: [1, 2, 3, 4], observations: [1, 2, 3, 4])
        #expect(perfect.r2 == 1 && perfect.rmse == 0 && perfect.meanBias == 0 && perfect.count == 4)
        let biased = AgreementMetrics(estimates: [3, 4, 5, 6], observations: [1, 2, 3, 4])
        #expect(biased.r2 == 1 && biased.rmse == 2 && biased.meanBias == 2)
        let days: [[Float]] = (0..<31).map { d in [10, d < 26 ? 20 : .nan, d < 27 ? 30 : .nan] }
        let means = PeriodMeans.compute(days: days, cellCount: 3, expectedDays: 31, minimumDays: 27)
        #expect(means.map(\.mean) == [10, nil, 30])
        #expect(means.map(\.validDays) == [31, 26, 27])
    }
}
