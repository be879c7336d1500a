import Foundation
import Testing
import HotGridCore
@testable import HotGridSimulation

@Suite("The transport model")
struct TransportTests {
    @Test("K₀ matches tabulated values", arguments: [(0.1, 2.4270690), (0.5, 0.9244191), (1.0, 0.4210244), (2.0, 0.1138939), (3.0, 0.0347395), (10.0, 1.778006e-5)])
    func besselK0(x: Double, expected: Double) {
        #expect(abs(Bessel.k0(x) - expected) / expected < 1e-6)
    }

    @Test("Mass balance: a unit source's concentration integrates to 1/k, calm or windy", arguments: [0.0, 1.0, 2.5])
    func massBalance(speed: Double) {
        // Steady state: emission Q = loss k ∫C h dA, so ∫ G dA = 1/k for G per unit emission and height.
        let kernel = TransportKernel(speed: speed, towards: 0.7, diffusivity: 800 + 400 * speed, lossRate: 1 / 86_400)
        let cell = 1_000.0, reach = 700
        var integral = 0.0
        for i in -reach...reach {
            for j in -reach...reach {
                integral += kernel.value(dx: Double(i) * cell, dy: Double(j) * cell, cell: cell) * cell * cell
            }
        }
        #expect(abs(integral * kernel.lossRate - 1) < 0.05, "∫G·k = \(integral * kernel.lossRate)")
    }

    @Test("Downwind is dirtier than upwind, and calm air stays put")
    func plume() {
        let windy = TransportKernel(speed: 4, towards: 0, diffusivity: 2_400, lossRate: 1 / 86_400)
        #expect(windy.value(dx: 20_000, dy: 0, cell: 3_000) > 50 * windy.value(dx: -20_000, dy: 0, cell: 3_000))
        let calm = TransportKernel(speed: 0, towards: 0, diffusivity: 800, lossRate: 1 / 86_400)
        #expect(calm.value(dx: 10_000, dy: 0, cell: 3_000) == calm.value(dx: 0, dy: 10_000, cell: 3_000))
        #expect(calm.value(dx: 3_000, dy: 0, cell: 3_000) > windy.value(dx: 3_000, dy: 0, cell: 3_000))
    }

    @Test("The FFT convolution equals the direct sum")
    func fftConvolution() {
        let n = 16
        var rng = SeededGenerator(seed: 9)
        let a = (0..<(n * n)).map { i -> Double in (i / n) < 8 && (i % n) < 8 ? rng.uniform() : 0 }
        let b = (0..<(n * n)).map { i -> Double in (i / n) < 4 && (i % n) < 4 ? rng.uniform() : 0 }
        let fft = FFT2D(size: n)
        var are = a, aim = [Double](repeating: 0, count: n * n), bre = b, bim = aim
        fft.transform(&are, &aim, inverse: false)
        fft.transform(&bre, &bim, inverse: false)
        var re = aim, im = aim
        for i in re.indices {
            re[i] = are[i] * bre[i] - aim[i] * bim[i]
            im[i] = are[i] * bim[i] + aim[i] * bre[i]
        }
        fft.transform(&re, &im, inverse: true)
        for r in 0..<n {
            for c in 0..<n {
                var direct = 0.0
                for i in 0...r { for j in 0...c { direct += a[i * n + j] * b[(r - i) * n + (c - j)] } }
                #expect(abs(re[r * n + c] - direct) < 1e-9)
            }
        }
    }
}

@Suite("The world's ingredients")
struct WorldIngredientTests {
    @Test("Every emission schedule averages 1 over a year, so rates are annual means", arguments: EmissionSchedule.allCases)
    func schedules(schedule: EmissionSchedule) {
        let start = Day("2017-01-01")!
        let mean = (0..<365).map { schedule.factor(on: start.advanced(by: $0)) }.reduce(0, +) / 365
        #expect(abs(mean - 1) < 0.01)
    }

    @Test("The generator is deterministic and its streams independent")
    func generator() {
        var a = SeededGenerator(seed: 42), b = SeededGenerator(seed: 42)
        #expect((0..<100).map { _ in a.next() } == (0..<100).map { _ in b.next() })
        var s1 = SeededGenerator(seed: 42).stream(1), s2 = SeededGenerator(seed: 42).stream(2)
        #expect(s1.next() != s2.next())
        var u = SeededGenerator(seed: 7)
        let draws = (0..<10_000).map { _ in u.uniform() }
        #expect(draws.allSatisfy { (0..<1).contains($0) })
        #expect(abs(draws.reduce(0, +) / 10_000 - 0.5) < 0.01)
    }

    @Test("Winter is calmer, shallower and drier than summer, with stagnant episodes only in winter")
    func weather() {
        var rng = SeededGenerator(seed: 3)
        let start = Day("2017-01-01")!
        let series = WeatherGenerator.series(days: (0..<730).map { start.advanced(by: $0) }, rng: &rng)
        let winter = series.filter { [12, 1, 2].contains($0.day.components.month) }
        let summer = series.filter { [6, 7, 8].contains($0.day.components.month) }
        let mean = { (days: [DailyWeather], f: (DailyWeather) -> Double) in days.map(f).reduce(0, +) / Double(days.count) }
        #expect(mean(winter, \.blh) < 0.7 * mean(summer, \.blh))
        #expect(mean(winter, \.precip) < mean(summer, \.precip))
        #expect(winter.contains { $0.stagnant } && !summer.contains { $0.stagnant })
        #expect(mean(winter, \.v) < 0 && mean(summer, \.v) > 0, "north winds in winter, south winds in summer")
    }
}
