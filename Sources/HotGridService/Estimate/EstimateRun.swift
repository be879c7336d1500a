import Foundation
import HotGridAnalysis
import HotGridCore
import HotGridGeo
import HotGridStore

/// `hotgrid estimate`: daily PM2.5 for every cell from the stations and the satellite product,
/// and its station-held-out cross-validation.
public struct EstimateRun {
    public var from: Day
    public var to: Day
    public var method: FusionMethod

    public init(from: Day, to: Day, method: FusionMethod = .satelliteCalibrated) {
        self.from = from
        self.to = to
        self.method = method
    }

    /// What an estimate wrote.
    public struct Summary: Sendable {
        /// The method used: the one asked for, or stations-only when no satellite day is loaded.
        public let method: FusionMethod
        public let days: Int
        public let cells: Int
        public let stations: Int
        /// Range (m) of the station field (stations-only, and days the satellite cannot be calibrated).
        public let range: Double
        /// Share of cell-days the satellite saw (the rest take its pattern from the days around).
        public let satelliteShare: Double
        /// What the fusion fitted: the kriging of the satellite's errors, the calibration slopes.
        public let diagnostics: FusionDiagnostics
    }

    /// The inputs of a period, loaded once.
    struct Inputs {
        let cells: [CellID]
        let targets: [ProjectedPoint]
        let stations: [Station]
        let stationPoints: [ProjectedPoint]
        /// Dense cell index of each station.
        let stationCells: [Int]
        let days: [Day]
        /// Per day, per station: the valid daily mean, NaN otherwise.
        let observations: [[Float]]
        /// Per day: the satellite per cell, nil where that day has none.
        let satellite: [[Float]?]
        var hasSatellite: Bool { satellite.contains { $0 != nil } }
    }

    func load(_ store: any Store) throws -> Inputs {
        guard from <= to else { throw EstimateError.emptyPeriod(from: from, to: to) }
        let cells = try store.cells().map(\.id)
        let stations = try store.stations()
        guard !stations.isEmpty else { throw EstimateError.noStations(store.location) }
        let cellIndex = Dictionary(uniqueKeysWithValues: cells.enumerated().map { ($1, $0) })
        let stationIndex = Dictionary(uniqueKeysWithValues: stations.enumerated().map { ($1.id, $0) })
        let days = Array(stride(from: from, through: to, by: 1))
        var observations = [[Float]](repeating: [Float](repeating: .nan, count: stations.count), count: days.count)
        var any = false
        for record in try store.stationDays() where record.day >= from && record.day <= to {
            guard let pm25 = record.pm25, let s = stationIndex[record.stationID] else { continue }
            observations[from.distance(to: record.day)][s] = Float(pm25)
            any = true
        }
        guard any else { throw EstimateError.noObservations(from: from, to: to) }
        var satellite = [[Float]?](repeating: nil, count: days.count)
        if method == .satelliteCalibrated {
            for (day, values) in try store.fieldDays(FieldVariable.pm25Satellite.rawValue, from: from, to: to) {
                satellite[from.distance(to: day)] = values
            }
        }
        return Inputs(cells: cells, targets: cells.map { GridSpec.bounds(of: $0).center }, stations: stations,
                      stationPoints: try NationalGrid().project(stations.map(\.position)),
                      stationCells: stations.map { cellIndex[$0.cell] ?? 0 }, days: days, observations: observations,
                      satellite: satellite)
    }

    /// Estimates every cell and day of the period and stores the `pm25` cube (replacing those days).
    public func run(store: any Store, progress: ProgressReporter = SilentProgress()) throws -> Summary {
        let inputs = try load(store)
        let used: FusionMethod = inputs.hasSatellite ? method : .stationsOnly
        let range = Self.fitRange(inputs)
        progress.begin("Indexing \(inputs.stations.count) stations around \(inputs.cells.count) cells", total: 1)
        let prior = used == .satelliteCalibrated ? SatellitePrior(satellite: inputs.satellite, cells: inputs.cells.count) : nil
        let engine = FusionEngine(method: used, targets: inputs.targets, targetCells: Array(inputs.cells.indices),
                                  stations: inputs.stationPoints, stationCells: inputs.stationCells, range: range)
        progress.end("range \(Int(range / 1000)) km")
        progress.begin("Estimating \(inputs.days.count) days (\(used.rawValue))", total: inputs.days.count)
        let (estimates, diagnostics) = engine.run(observations: inputs.observations, satellite: inputs.satellite, prior: prior) {
            progress.advance(by: $0)
        }
        progress.end("done")
        let seen = inputs.satellite.compactMap { $0 }.reduce(0) { total, day in total + day.reduce(0) { $0 + ($1.isNaN ? 0 : 1) } }
        let total = inputs.days.count * inputs.cells.count
        try store.importField(variable: FieldVariable.pm25.rawValue, source: "hotgrid estimate --method \(used.rawValue)",
                              summary: { "\(inputs.days.count) days \(from)…\(to), method \(used.rawValue), range \(Int(range)) m" }) { sink in
            for (d, day) in inputs.days.enumerated() where estimates[d].contains(where: { !$0.isNaN }) {
                try sink.put(day: day, values: estimates[d])
            }
        }
        return Summary(method: used, days: inputs.days.count, cells: inputs.cells.count, stations: inputs.stations.count,
                       range: range, satelliteShare: used == .satelliteCalibrated ? Double(seen) / Double(max(1, total)) : 0,
                       diagnostics: diagnostics)
    }

    /// The residual range, fitted on every seventh day of station values.
    static func fitRange(_ inputs: Inputs) -> Double {
        let samples = stride(from: 0, to: inputs.days.count, by: 7).map { inputs.observations[$0] }
        return VariogramFit.range(sites: inputs.stationPoints, samples: samples)
    }
}

/// Why an estimate cannot run.
public enum EstimateError: Error, Equatable, CustomStringConvertible {
    case emptyPeriod(from: Day, to: Day)
    case noStations(String)
    case noObservations(from: Day, to: Day)
    case noEstimate(String)

    public var description: String {
        switch self {
        case let .emptyPeriod(from, to): "--from \(from) is after --to \(to)."
        case let .noStations(path): "\(path) has no stations. Load them first with `hotgrid ingest stations`."
        case let .noObservations(from, to): "no valid station day between \(from) and \(to). Check the period against `hotgrid inventory`."
        case let .noEstimate(path): "\(path) has no PM2.5 estimate for that period. Run `hotgrid estimate` first."
        }
    }
}
