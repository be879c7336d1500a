import Foundation
import HotGridCore
import HotGridGeo

/// The gridded daily files the world produces, on longitude/latitude grids that are not ours:
/// a satellite PM2.5 product (pixel, noise, error model and clouds from the ``WorldVariant``) that is
/// biased, noisy and has cloud gaps, and ERA5-like meteorology (0.25°): wind, boundary-layer height,
/// precipitation.
struct GriddedProducts {
    struct Product {
        let variable: String
        let units: String
        let longName: String
        let lattice: Lattice
        /// Window index sampled by each pixel (its centre's cell, clamped to the window).
        let pixelCells: [Int]
        /// Its own daily file; nil when it goes into the ERA5 file.
        let writer: NetCDFWriter?
    }

    let satellite: Product
    let meteorology: [Product]
    private let satelliteBias: SmoothField
    private let windPattern: SmoothField
    private let variant: WorldVariant
    private var clouds: CloudCover
    private var rng: SeededGenerator
    /// The hourly file all meteorology goes into, with ``MeteorologyFiles/era5``.
    private let era5: ERA5HourlyFile?

    init(world: World, folder: String, days: [Day], variant: WorldVariant, weatherFiles: MeteorologyFiles, rng: SeededGenerator) throws {
        var rng = rng
        let positions = world.region.cells.map { LonLat(longitude: $0.longitude, latitude: $0.latitude) }
        let grid = NationalGrid()
        func product(_ variable: String, _ units: String, _ longName: String, pixel: Double, daily: Bool = true) throws -> Product {
            let lattice = Lattice.geographic(covering: positions, pixel: pixel)
            var centres: [LonLat] = []
            centres.reserveCapacity(lattice.rows * lattice.columns)
            for r in 0..<lattice.rows {
                for c in 0..<lattice.columns {
                    centres.append(LonLat(longitude: lattice.minX + (Double(c) + 0.5) * pixel, latitude: lattice.maxY - (Double(r) + 0.5) * pixel))
                }
            }
            let cells = try grid.project(centres).map(world.grid.nearestIndex)
            let path = URL(fileURLWithPath: folder).appendingPathComponent("\(variable).nc").path
            return Product(variable: variable, units: units, longName: longName, lattice: lattice, pixelCells: cells,
                           writer: daily ? try NetCDFWriter(path: path, variable: variable, units: units, longName: longName, lattice: lattice, days: days) : nil)
        }
        let dailyMeteorology = weatherFiles == .daily
        satellite = try product("pm25_satellite", "ug m-3", "satellite-derived surface PM2.5 (simulated)", pixel: variant.satellitePixel)
        meteorology = [
            try product("u10", "m s-1", "10 metre U wind component", pixel: 0.25, daily: dailyMeteorology),
            try product("v10", "m s-1", "10 metre V wind component", pixel: 0.25, daily: dailyMeteorology),
            try product("blh", "m", "boundary layer height", pixel: 0.25, daily: dailyMeteorology),
            try product("precip", "mm day-1", "total precipitation", pixel: 0.25, daily: dailyMeteorology),
        ]
        era5 = dailyMeteorology ? nil
            : try ERA5HourlyFile(path: URL(fileURLWithPath: folder).appendingPathComponent("era5.nc").path, lattice: self.meteorology[0].lattice, days: days)
        satelliteBias = SmoothField(nx: 4, ny: 4, rng: &rng)
        windPattern = SmoothField(nx: 4, ny: 4, rng: &rng)
        self.variant = variant
        clouds = CloudCover(kind: variant.clouds)
        self.rng = rng
    }

    /// Writes day `index` of every product from the day's truth.
    mutating func write(day index: Int, weather w: DailyWeather, truth: [Float], world: World) throws {
        let (cloudPattern, cloudCover) = clouds.day(w, rng: &rng)
        let dailyBias = 0.8 + 0.1 * rng.normal()
        let humidBias = variant.satelliteError == .humidityAdditive ? Self.humidityBias(w) : 0
        var pm = [Float](repeating: .nan, count: satellite.pixelCells.count)
        for (p, cell) in satellite.pixelCells.enumerated() {
            let (fx, fy) = world.fraction(cell)
            let noise = rng.logNormal(median: 1, sigma: variant.satelliteNoise)
            if cloudPattern.value(fx, fy) < cloudCover { continue }
            let retrieved = Double(truth[cell]) * dailyBias * (0.9 + 0.3 * satelliteBias.value(fx, fy))
            switch variant.satelliteError {
            case .multiplicative: pm[p] = Float(retrieved * noise)
            case .humidityAdditive: pm[p] = Float((retrieved + humidBias * (0.7 + 0.6 * satelliteBias.value(fx, fy))) * noise)
            }
        }
        try satellite.writer?.write(day: index, values: pm)

        let rain = SmoothField(nx: 6, ny: 6, rng: &rng)
        var daily: [[Float]] = []
        for product in meteorology {
            let values = product.pixelCells.map { cell -> Float in
                let (fx, fy) = world.fraction(cell)
                let basin = world.terrain.basinness(world.grid.center(cell))
                let shelter = 1 - 0.5 * basin, local = 0.9 + 0.2 * windPattern.value(fx, fy)
                switch product.variable {
                case "u10": return Float(w.u * shelter * local)
                case "v10": return Float(w.v * shelter * local)
                case "blh": return Float(world.mixingHeight(w, basinness: basin) * local)
                default: return Float(w.precip * 2 * rain.value(fx, fy))
                }
            }
            try product.writer?.write(day: index, values: values)
            daily.append(values)
        }
        try era5?.write(day: index, daily: daily)
    }

    /// The additive bias (µg/m³) of a humidity-affected retrieval on day `w`: water taken up by the
    /// aerosol on humid days (summer, rain) and in stagnant air swells the optical depth the
    /// product is derived from, up to ~30 µg/m³ on a humid, stagnant day.
    static func humidityBias(_ w: DailyWeather) -> Double {
        let summer = (1 - WeatherGenerator.season(w.day)) / 2
        return 30 * min(1, 0.4 * summer + 0.4 * w.stagnation + (w.precip > 0 ? 0.3 : 0))
    }
}
