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

    /// Three days of exact stations and a satellite reading half the truth.
    private func exactDays() -> [FusionDay] {
        (0..<3).map { d in
            FusionDay(observations: stations.map { Float(truth($0, d)) },
                      satelliteAtStations: stations.map { Float(0.5 * truth($0, d)) },
                      satelliteAtTargets: targets.map { Float(0.5 * truth($0, d)) })
        }
    }

    @Test("A satellite proportional to the truth, calibrated to exact stations, gives the truth")
    func exactSatellite() {
        let days = exactDays()
        let out = FusionEngine(method: .satelliteCalibrated, targets: targets, stations: stations, range: 20_000).run(days)
        for d in 0..<3 { for (t, v) in zip(targets, out[d]) { #expect(abs(Double(v) - truth(t, d)) < 0.01) } }
    }

    @Test("A cloud-covered cell takes the station field times the satellite's pattern of nearby days")
    func gapFill() {
        var days = exactDays()
        var cloudy = days[1].satelliteAtTargets!
        cloudy[5] = .nan
        days[1] = FusionDay(observations: days[1].observations, satelliteAtStations: days[1].satelliteAtStations, satelliteAtTargets: cloudy)
        let engine = FusionEngine(method: .satelliteCalibrated, targets: targets, stations: stations, range: 20_000)
        let out = engine.run(days)
        let stationField = engine.interpolator.interpolate(days[1].observations)
        let ratio0 = Double(out[0][5]) / Double(engine.interpolator.interpolate(days[0].observations)[5])
        let ratio2 = Double(out[2][5]) / Double(engine.interpolator.interpolate(days[2].observations)[5])
        let expected = Double(stationField[5]) * (ratio0 * ratio2).squareRoot()
        #expect(abs(Double(out[1][5]) - expected) < 1e-3)
        #expect(out[1][4] != stationField[4], "seen cells keep the satellite estimate")
    }

    @Test("Without a satellite the station field alone")
    func stationsOnly() {
        let day = FusionDay(observations: stations.map { Float(truth($0, 0)) }, satelliteAtStations: nil, satelliteAtTargets: nil)
        let engine = FusionEngine(method: .satelliteCalibrated, targets: targets, stations: stations, range: 20_000)
        #expect(engine.run([day])[0] == engine.interpolator.interpolate(day.observations))
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
