import Foundation
import HotGridAnalysis
import HotGridCore
import HotGridGeo
import HotGridStore

/// `hotgrid ingest stations`: stations placed in cells, hourly PM2.5 turned into daily means
/// under HJ 663-2013 (≥ 20 valid hours), each day's coverage kept.
public struct StationIngest {
    public var stationsPath: String
    public var observationsPath: String
    /// Skip and count malformed rows instead of refusing the import.
    public var skipBadRows: Bool

    public init(stationsPath: String, observationsPath: String, skipBadRows: Bool = false) {
        self.stationsPath = stationsPath
        self.observationsPath = observationsPath
        self.skipBadRows = skipBadRows
    }

    /// What an import took, and what it left out.
    public struct Summary: Sendable, Equatable {
        public var stationsRead = 0
        public var stationsInRegion = 0
        /// Stations whose position lies outside the region's cells, kept out.
        public var stationsOutside: [String] = []
        public var observationRows = 0
        public var hourlyRows = 0
        public var dailyRows = 0
        /// Rows with an empty PM2.5 (a missing hour or day).
        public var missingValues = 0
        /// Rows of stations outside the region, not imported.
        public var rowsOutsideRegion = 0
        /// Malformed rows skipped under --skip-bad-rows, with the first few reasons.
        public var skippedRows = 0
        public var skippedExamples: [String] = []
        public var stored = StationDayCounts()
    }

    public func run(store: any Store, progress: ProgressReporter = SilentProgress()) throws -> Summary {
        var summary = Summary()
        let stations = try readStations(placement: StationPlacement(store: store), summary: &summary)
        guard !stations.isEmpty else { throw IngestError.noStationsInRegion(path: stationsPath) }
        let inRegion = Set(stations.map(\.id))
        let outside = Set(summary.stationsOutside)

        var aggregator = HourlyAggregator()
        let reader = try CSVReader(path: observationsPath)
        var columns: CSVColumns?
        progress.begin("Reading \(URL(fileURLWithPath: observationsPath).lastPathComponent)", total: reader.byteCount)
        try reader.read(header: {
            columns = try CSVColumns(header: $0, required: ["station_id", "time", "pm25"], path: observationsPath)
        }, progress: { progress.advance(by: $0) }) { line, fields in
            guard let columns else { return }
            summary.observationRows += 1
            do {
                let id = columns.value("station_id", in: fields)
                if outside.contains(id) { summary.rowsOutsideRegion += 1; return }
                guard inRegion.contains(id) else { throw RowProblem("unknown station '\(id)' (not in \(stationsPath))") }
                let time: ObservationTime
                switch ObservationTime.parse(columns.value("time", in: fields)) {
                case let .success(parsed): time = parsed
                case let .failure(problem): throw RowProblem(problem.message)
                }
                let text = columns.value("pm25", in: fields)
                var pm25: Double?
                if text.isEmpty {
                    summary.missingValues += 1
                } else {
                    guard let value = DecimalText.parse(text) else { throw RowProblem("pm25 '\(text.prefix(40))' is not a number") }
                    guard value >= 0 else { throw RowProblem("pm25 \(text) is negative") }
                    guard value <= Pollutant.pm25.plausibleMaximum else {
                        throw RowProblem("pm25 \(text) is above \(Int(Pollutant.pm25.plausibleMaximum)) µg/m³, more than any real hour")
                    }
                    pm25 = value
                }
                do {
                    if let hour = time.hour {
                        try aggregator.add(station: id, day: time.day, hour: hour, pm25: pm25)
                        summary.hourlyRows += 1
                    } else {
                        try aggregator.addDaily(station: id, day: time.day, pm25: pm25)
                        summary.dailyRows += 1
                    }
                } catch {
                    throw RowProblem(Self.describe(error, station: id, time: time))
                }
            } catch let problem as RowProblem {
                try skipOrThrow(IngestError.badRow(path: observationsPath, line: line, problem: problem.message), summary: &summary)
            }
        }
        progress.end("\(summary.observationRows) rows")

        summary.stored = try StationDayCounts.store(stations, days: aggregator.days(), in: store, source: "\(stationsPath) + \(observationsPath)",
                                              skipped: "\(summary.skippedRows) rows", progress: progress)
        return summary
    }

    private func readStations(placement: StationPlacement, summary: inout Summary) throws -> [Station] {
        let reader = try CSVReader(path: stationsPath)
        var columns: CSVColumns?
        var stations: [Station] = []
        var seen: Set<String> = []
        try reader.read(header: {
            columns = try CSVColumns(header: $0, required: ["station_id", "name", "lon", "lat"], path: stationsPath)
        }) { line, fields in
            guard let columns else { return }
            do {
                let id = columns.value("station_id", in: fields)
                guard !id.isEmpty else { throw RowProblem("station_id is empty") }
                guard seen.insert(id).inserted else { throw RowProblem("station '\(id)' appears twice") }
                let lonText = columns.value("lon", in: fields), latText = columns.value("lat", in: fields)
                guard let lon = DecimalText.parse(lonText), (-180...180).contains(lon) else { throw RowProblem("lon '\(lonText)' is not a longitude in -180…180") }
                guard let lat = DecimalText.parse(latText), (-90...90).contains(lat) else { throw RowProblem("lat '\(latText)' is not a latitude in -90…90") }
                summary.stationsRead += 1
                let position = LonLat(longitude: lon, latitude: lat)
                guard let cell = placement.cell(at: position) else {
                    summary.stationsOutside.append(id)
                    return
                }
                stations.append(Station(id: id, name: columns.value("name", in: fields), position: position, cell: cell))
            } catch let problem as RowProblem {
                try skipOrThrow(IngestError.badRow(path: stationsPath, line: line, problem: problem.message), summary: &summary)
            }
        }
        summary.stationsInRegion = stations.count
        return stations
    }

    private func skipOrThrow(_ error: IngestError, summary: inout Summary) throws {
        guard skipBadRows else { throw error }
        summary.skippedRows += 1
        if summary.skippedExamples.count < 5 { summary.skippedExamples.append(error.description) }
    }

    private static func describe(_ error: Error, station: String, time: ObservationTime) -> String {
        let when = time.hour.map { "\(time.day) \($0):00 (Beijing time)" } ?? "\(time.day)"
        switch error as? HourlyAggregator.Conflict {
        case .duplicateHour: return "station '\(station)' has a second value for \(when)"
        case .duplicateDay: return "station '\(station)' has a second daily value for \(when)"
        default: return "station '\(station)' mixes hourly and daily values on \(time.day)"
        }
    }
}

/// A reason a row cannot be taken, turned into an ``IngestError/badRow(path:line:problem:)``.
struct RowProblem: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
