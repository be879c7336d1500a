import Foundation
import HotGridCore

/// Transported primary PM2.5 for every day, by convolving each emission schedule's map with the
/// day's ``TransportKernel`` through FFTs. Days are grouped into weather classes (16 wind
/// directions × 3 speeds × dry/wet) so one convolution serves every day of a class.
struct Dispersion {
    let grid: SimulationGrid
    private let size: Int
    private let reach: Int
    private let fft: FFT2D
    /// Spectrum of each schedule's emission map (g/s per cell).
    private let spectra: [(re: [Double], im: [Double])]
    /// Per weather class, per schedule: concentration × mixing height (g/m² … per m of height).
    private var cache: [Int: [[Float]]] = [:]

    static let directions = 16
    static let speeds: [Double] = [1.0, 2.5, 5.0]
    static let dryLoss = 1 / (1.5 * 86_400.0)
    static let wetLoss = dryLoss + 0.6 / 86_400

    init(grid: SimulationGrid, sources: [EmissionSource]) {
        self.grid = grid
        var n = 2
        while n < max(grid.rows, grid.columns) + 64 { n *= 2 }
        size = n
        reach = n - max(grid.rows, grid.columns)
        let fft = FFT2D(size: n)
        self.fft = fft
        let secondsPerYear = 365.25 * 86_400
        spectra = EmissionSchedule.allCases.map { schedule in
            var re = [Double](repeating: 0, count: n * n), im = re
            for s in sources where s.type.schedule == schedule {
                let i = grid.nearestIndex(to: s.position)
                re[(i / grid.columns) * n + i % grid.columns] += s.tonnesPerYear * 1e6 / secondsPerYear
            }
            fft.transform(&re, &im, inverse: false)
            return (re, im)
        }
    }

    /// The weather class of a day and its kernel.
    static func classify(_ w: DailyWeather) -> (id: Int, kernel: TransportKernel) {
        let towards = atan2(w.v, w.u)
        let sector = (Int((towards / (2 * Double.pi) * Double(directions)).rounded()) % directions + directions) % directions
        let speedClass = w.speed < 1.5 ? 0 : (w.speed < 3.5 ? 1 : 2)
        let wet = w.precip > 2 ? 1 : 0
        let speed = speeds[speedClass]
        let kernel = TransportKernel(speed: speed, towards: Double(sector) * 2 * Double.pi / Double(directions),
                                     diffusivity: 800 + 400 * speed, lossRate: wet == 1 ? wetLoss : dryLoss)
        return ((sector * speeds.count + speedClass) * 2 + wet, kernel)
    }

    /// Per schedule, concentration (µg/m³) times mixing height (m) in every window cell on a day
    /// of `weather`'s class.
    mutating func fields(for weather: DailyWeather) -> [[Float]] {
        let (id, kernel) = Self.classify(weather)
        if let cached = cache[id] { return cached }
        var kre = [Double](repeating: 0, count: size * size), kim = kre
        let cell = SimulationGrid.cellSize
        for r in 0..<size {
            let dr = r < size / 2 ? r : r - size
            guard abs(dr) <= reach else { continue }
            for c in 0..<size {
                let dc = c < size / 2 ? c : c - size
                guard abs(dc) <= reach else { continue }
                // Rows count southwards: a positive row offset is a step south.
                kre[r * size + c] = kernel.value(dx: Double(dc) * cell, dy: -Double(dr) * cell, cell: cell)
            }
        }
        fft.transform(&kre, &kim, inverse: false)
        let result = spectra.map { spectrum -> [Float] in
            var re = [Double](repeating: 0, count: size * size), im = re
            for i in re.indices {
                re[i] = spectrum.re[i] * kre[i] - spectrum.im[i] * kim[i]
                im[i] = spectrum.re[i] * kim[i] + spectrum.im[i] * kre[i]
            }
            fft.transform(&re, &im, inverse: true)
            var field = [Float](repeating: 0, count: grid.count)
            for i in field.indices { field[i] = Float(max(0, re[(i / grid.columns) * size + i % grid.columns]) * 1e6) }
            return field
        }
        cache[id] = result
        return result
    }
}
