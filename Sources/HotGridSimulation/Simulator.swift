import Foundation
import HotGridCore
import HotGridGeo

/// What a simulation wrote.
public struct SimulationSummary: Sendable {
    public let days: Int
    public let cells: Int
    public let stations: Int
    public let sources: Int
    public let observationRows: Int
    /// Mean true PM2.5 over all region cells and days, µg/m³.
    public let meanPM25: Double
    /// Share of the true top-10 % emitting cells that the top 10 % by true mean PM2.5 contain:
    /// what a method ranking by concentration alone could reach at best.
    public let naivePrecision: Double
}

/// Runs a ``World`` day by day and writes it in HotGrid's public input formats:
/// `stations.csv`, `observations.csv` (hourly), `fields/*.nc` (daily NetCDF), `truth/emissions.csv`,
/// `truth/cells.csv`, `truth/cells_monthly.csv`, `truth/stations_daily.csv` and `README.txt`.
public enum Simulator {
    /// `variant` says how the world is observed (satellite product, clouds, station network); nil
    /// observes it as the world's own variant says. The physics and inflow are the world's.
    /// `meteorology` picks the layout of the weather files.
    public static func write(world: World, to folder: String, variant: WorldVariant? = nil, meteorology: MeteorologyFiles = .daily,
                             progress: (Int, Int) -> Void = { _, _ in }) throws -> SimulationSummary {
        let variant = variant ?? world.variant
        let root = SeededGenerator(seed: world.seed)
        let fm = FileManager.default
        let fields = URL(fileURLWithPath: folder).appendingPathComponent("fields").path
        let truthFolder = URL(fileURLWithPath: folder).appendingPathComponent("truth").path
        try fm.createDirectory(atPath: fields, withIntermediateDirectories: true)
        try fm.createDirectory(atPath: truthFolder, withIntermediateDirectories: true)

        var placement = root.stream(4)
        let stations = StationNetwork.place(world: world, count: variant.stationCount, rng: &placement)
        let days = world.weather.map(\.day)
        var hourly = [[Int16]](repeating: [], count: stations.count)
        var stationTruth = [[Float]](repeating: [], count: stations.count)
        var readings = [HourlyReadings](repeating: HourlyReadings(), count: stations.count)
        var noise = root.stream(5)
        var physics = world.dailyTruth()
        var truthSum = [Double](repeating: 0, count: world.regionIndices.count)
        var monthly = MonthlyTruth(days: days, cells: world.regionIndices.count)
        do {
            var products = try GriddedProducts(world: world, folder: fields, days: days, variant: variant, weatherFiles: meteorology, rng: root.stream(6))
            for (d, w) in world.weather.enumerated() {
                let truth = physics.concentration(on: w)
                let regionTruth = world.regionIndices.map { Double(truth[$0]) }
                for k in regionTruth.indices { truthSum[k] += regionTruth[k] }
                monthly.add(day: d, truth: regionTruth)
                for (s, station) in stations.enumerated() {
                    hourly[s] += readings[s].day(truth: Double(truth[station.windowIndex]), rng: &noise)
                    stationTruth[s].append(truth[station.windowIndex])
                }
                try products.write(day: d, weather: w, truth: truth, world: world)
                progress(d + 1, days.count)
            }
        }
        let meanTruth = truthSum.map { $0 / Double(max(1, days.count)) }
        let emissions = world.cellEmissions()
        let rows = try writeStations(stations, hourly: hourly, days: days, folder: folder)
        try writeTruth(world: world, emissions: emissions, meanTruth: meanTruth, folder: truthFolder)
        try Data(monthly.csv(cells: world.region.cells).utf8).write(to: URL(fileURLWithPath: truthFolder).appendingPathComponent("cells_monthly.csv"))
        var daily = "station_id,day,pm25\n"
        for (s, station) in stations.enumerated() {
            for (d, value) in stationTruth[s].enumerated() { daily += "\(station.id),\(days[d]),\(String(format: "%.2f", value))\n" }
        }
        try Data(daily.utf8).write(to: URL(fileURLWithPath: truthFolder).appendingPathComponent("stations_daily.csv"))
        let precision = Self.precisionAtTenPercent(ranking: meanTruth, truth: emissions)
        try writeReadme(world: world, variant: variant, meteorology: meteorology, stations: stations.count, precision: precision, folder: folder)
        return SimulationSummary(days: days.count, cells: emissions.count, stations: stations.count, sources: world.sources.count,
                                 observationRows: rows, meanPM25: meanTruth.reduce(0, +) / Double(max(1, meanTruth.count)),
                                 naivePrecision: precision)
    }

    /// The share of the top 10 % cells by `truth` found among the top 10 % by `ranking`.
    public static func precisionAtTenPercent(ranking: [Double], truth: [Double]) -> Double {
        precision(ranking: ranking, truth: truth, share: 0.10)
    }

    /// The share of the top `share` of cells by `truth` found among the top `share` by `ranking`
    /// (NaN rankings last).
    public static func precision(ranking: [Double], truth: [Double], share: Double) -> Double {
        let k = max(1, Int((share * Double(ranking.count)).rounded()))
        let top = { (v: [Double]) in
            Set(v.indices.sorted { (v[$0].isNaN ? -.infinity : v[$0], $1) > (v[$1].isNaN ? -.infinity : v[$1], $0) }.prefix(k))
        }
        return Double(top(ranking).intersection(top(truth)).count) / Double(k)
    }

    private static func writeStations(_ stations: [SimulatedStation], hourly: [[Int16]], days: [Day], folder: String) throws -> Int {
        let lonLat = try NationalGrid().unproject(stations.map(\.position))
        var list = "station_id,name,lon,lat\n"
        for (s, p) in zip(stations, lonLat) { list += "\(s.id),\(s.name),\(String(format: "%.4f,%.4f", p.longitude, p.latitude))\n" }
        try Data(list.utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent("stations.csv"))

        let handle = try FileWriter(path: URL(fileURLWithPath: folder).appendingPathComponent("observations.csv").path)
        handle.append("station_id,time,pm25\n")
        let dayTexts = days.map(\.description)
        let hours = (0..<24).map { String(format: "T%02d:00,", $0) }
        var rows = 0
        for (s, station) in stations.enumerated() {
            for (h, value) in hourly[s].enumerated() {
                handle.append(station.id + "," + dayTexts[h / 24] + hours[h % 24] + (value < 0 ? "" : String(value)) + "\n")
                rows += 1
            }
        }
        try handle.close()
        return rows
    }

    private static func writeTruth(world: World, emissions: [Double], meanTruth: [Double], folder: String) throws {
        let positions = try NationalGrid().unproject(world.sources.map(\.position))
        var text = "source_id,type,lon,lat,cell_id,tonnes_per_year,schedule\n"
        let spec = GridSpec(resolution: .m3000)
        for (s, p) in zip(world.sources, positions) {
            let cell = spec.cell(containing: s.position).map(String.init(describing:)) ?? ""
            text += "\(s.id),\(s.type.rawValue),\(String(format: "%.5f,%.5f", p.longitude, p.latitude)),\(cell),"
                + String(format: "%.3f", s.tonnesPerYear) + ",\(s.type.schedule)\n"
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent("emissions.csv"))
        let k = max(1, emissions.count / 10)
        let ranked = emissions.indices.sorted { (emissions[$0], $1) > (emissions[$1], $0) }
        var rank = [Int](repeating: 0, count: emissions.count)
        for (r, i) in ranked.enumerated() { rank[i] = r + 1 }
        var cells = "cell_id,city_code,county_code,emission_t_per_year,emission_rank,top10,pm25_mean\n"
        for (i, cell) in world.region.cells.enumerated() {
            cells += "\(cell.id),\(cell.cityCode),\(cell.countyCode)," + String(format: "%.3f", emissions[i])
                + ",\(rank[i]),\(rank[i] <= k ? 1 : 0)," + String(format: "%.2f", meanTruth[i]) + "\n"
        }
        try Data(cells.utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent("cells.csv"))
    }
}

/// Appends text to a file through a buffer, for outputs of millions of lines.
final class FileWriter {
    private let handle: FileHandle
    private var buffer = Data()

    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        buffer.reserveCapacity(1 << 22)
    }

    func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count > 1 << 22 { handle.write(buffer); buffer.removeAll(keepingCapacity: true) }
    }

    func close() throws {
        handle.write(buffer)
        try handle.close()
    }
}
