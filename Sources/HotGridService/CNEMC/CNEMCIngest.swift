import Foundation
import HotGridAnalysis
import HotGridCore
import HotGridGeo
import HotGridStore

/// `hotgrid ingest stations --cnemc …`: CNEMC's daily wide files as the ministry's real-time
/// release publishes them (`china_sites_YYYYMMDD.csv`: `date,hour,type,1001A,1002A,…`), with the
/// station list, into daily means of every pollutant.
///
/// An hour stamp ends its hour: CNEMC's `hour` 16 is 15:00–16:00 Beijing time, and `hour` 0 of a
/// file is the last hour (23:00–24:00) of the day before. A day's mean is over its 24 hours under
/// HJ 663-2013 (at least 20 valid); a day is kept only when its own file was read, so the first
/// file's hour 0 does not make a one-hour day of the day before, and the last day lacks the hour
/// the next day's file would bring. Rows other than the hourly pollutants (AQI, `_24h`, `O3_8h`)
/// are not read.
public struct CNEMCIngest {
    /// Files or folders (every `china_sites_*.csv` inside).
    public var paths: [String]
    public var stationListPath: String
    /// Skip and count bad values instead of refusing the import.
    public var skipBadRows: Bool

    public init(paths: [String], stationListPath: String, skipBadRows: Bool = false) {
        self.paths = paths
        self.stationListPath = stationListPath
        self.skipBadRows = skipBadRows
    }

    public struct Summary: Sendable, Equatable {
        public var files = 0
        public var stationsListed = 0
        public var stationsInRegion = 0
        /// Listed stations placed outside the region, and those the list gives no position.
        public var stationsOutside: [String] = []
        public var stationsWithoutPosition: [String] = []
        /// Codes the list has twice (the later row is used).
        public var repeatedInList: [String] = []
        /// "file: code" for a code a file's header has twice (the first column is used).
        public var repeatedColumns: [String] = []
        /// Columns of codes the station list does not have, over all files.
        public var unlistedCodes = 0
        public var hourRows = 0
        public var values = 0
        public var missingValues = 0
        public var skippedValues = 0
        public var skippedExamples: [String] = []
        public var stored = StationDayCounts()
    }

    public func run(store: SQLiteStore, progress: ProgressReporter = SilentProgress()) throws -> Summary {
        var summary = Summary()
        let files = try Self.files(in: paths)
        summary.files = files.count
        let list = try CNEMCStationList(path: stationListPath)
        summary.stationsListed = list.entries.count
        summary.repeatedInList = list.repeated
        summary.stationsWithoutPosition = list.withoutPosition
        let placement = try StationPlacement(store: store)
        var stations: [Station] = []
        for entry in list.entries.values.sorted(by: { $0.code < $1.code }) {
            guard let position = entry.position else { continue }
            guard let cell = placement.cell(at: position) else {
                summary.stationsOutside.append(entry.code)
                continue
            }
            stations.append(Station(id: entry.code, name: entry.name, position: position, cell: cell))
        }
        summary.stationsInRegion = stations.count
        guard !stations.isEmpty else { throw IngestError.noStationsInRegion(path: stationListPath) }
        let inRegion = Set(stations.map(\.id)), listed = Set(list.entries.keys)

        var aggregator = HourlyAggregator()
        var daysRead: Set<Day> = []
        var unlisted: Set<String> = []
        progress.begin("Reading \(files.count) CNEMC files", total: files.count)
        for file in files {
            try read(file, inRegion: inRegion, listed: listed, into: &aggregator, days: &daysRead, unlisted: &unlisted, summary: &summary)
            progress.advance(by: 1)
        }
        progress.end("\(summary.hourRows) hour rows")
        summary.unlistedCodes = unlisted.count
        aggregator.keep(days: daysRead)
        summary.stored = try StationDayCounts.store(stations, days: aggregator.days(), in: store, source: "CNEMC \(files.count) files + \(stationListPath)",
                                              skipped: "\(summary.skippedValues) values", progress: progress)
        return summary
    }

    /// The files named, with folders replaced by their `china_sites_*.csv`, in date order.
    static func files(in paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw IngestError.cannotRead(path: path, reason: "no such file or folder") }
            if isFolder.boolValue {
                let names = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasPrefix("china_sites_") && $0.hasSuffix(".csv") }
                guard !names.isEmpty else {
                    throw IngestError.cannotRead(path: path, reason: "the folder holds no china_sites_YYYYMMDD.csv (gunzip .csv.gz files first)")
                }
                files += names.map { (path as NSString).appendingPathComponent($0) }
            } else {
                guard !path.hasSuffix(".gz") else { throw IngestError.cannotRead(path: path, reason: "compressed: gunzip it first") }
                files.append(path)
            }
        }
        return files.sorted { ($0 as NSString).lastPathComponent < ($1 as NSString).lastPathComponent }
    }

    /// The hourly pollutant rows of one file, by the `type` column.
    static let types: [String: Pollutant] = Dictionary(uniqueKeysWithValues: Pollutant.allCases.map { ($0.rawValue, $0) })

    private func read(_ path: String, inRegion: Set<String>, listed: Set<String>, into aggregator: inout HourlyAggregator,
                      days: inout Set<Day>, unlisted: inout Set<String>, summary: inout Summary) throws {
        let reader = try CSVReader(path: path)
        var used: [(index: Int, code: String)] = []
        // Values by hour stamp (day, start hour), station and pollutant, for the whole file.
        var hours: [HourStamp: [String: [Pollutant: Double]]] = [:]
        var rowsSeen: Set<String> = []
        try reader.read(header: { header in
            guard header.count > 3, header[0] == "date", header[1] == "hour", header[2] == "type" else {
                throw IngestError.badRow(path: path, line: 1, problem: "the header is not date,hour,type,<station codes>… (a CNEMC china_sites file)")
            }
            var seen: Set<String> = []
            for (i, code) in header.enumerated().dropFirst(3) {
                guard seen.insert(code).inserted else { summary.repeatedColumns.append("\((path as NSString).lastPathComponent): \(code)"); continue }
                if inRegion.contains(code) { used.append((i, code)) } else if !listed.contains(code) { unlisted.insert(code) }
            }
        }) { line, fields in
            guard fields.count >= 3 else { return try skipOrThrow(path, line, "the row has \(fields.count) fields", summary: &summary) }
            let (dateText, hourText, type) = (fields[0], fields[1], fields[2])
            guard dateText.count == 8, let y = Int(dateText.prefix(4)), let m = Int(dateText.dropFirst(4).prefix(2)), let d = Int(dateText.suffix(2)),
                  let date = Day(year: y, month: m, day: d), (2013...2100).contains(y) else {
                throw IngestError.badRow(path: path, line: line, problem: "date '\(dateText)' is not a date YYYYMMDD from 2013 on")
            }
            guard let hour = Int(hourText), (0...23).contains(hour) else {
                throw IngestError.badRow(path: path, line: line, problem: "hour '\(hourText)' is not 0…23")
            }
            guard let pollutant = Self.types[type] else { return }
            guard rowsSeen.insert("\(dateText) \(hour) \(type)").inserted else {
                return try skipOrThrow(path, line, "\(type) of \(dateText) hour \(hour) appears twice", summary: &summary)
            }
            days.insert(date)
            summary.hourRows += 1
            let stamp = HourStamp(endingAt: date, hour: hour)
            // Taken out while it is filled, so the update does not copy it.
            var stations = hours.removeValue(forKey: stamp) ?? [:]
            for (index, code) in used {
                let text = index < fields.count ? fields[index].trimmingCharacters(in: .whitespaces) : ""
                if stations[code] == nil { stations[code] = [:] }   // the hour was reported, if empty
                if text.isEmpty {
                    summary.missingValues += 1
                    continue
                }
                guard let value = DecimalText.parse(text), value >= 0, value <= pollutant.plausibleMaximum else {
                    try skipOrThrow(path, line, "\(type) of station \(code) is '\(text.prefix(40))', not a number in 0…\(Int(pollutant.plausibleMaximum)) \(pollutant.unit)",
                                    summary: &summary)
                    continue
                }
                summary.values += 1
                stations[code]?[pollutant] = value
            }
            hours[stamp] = stations
        }
        for (stamp, stations) in hours {
            for (code, values) in stations {
                var others = values
                let pm25 = others.removeValue(forKey: .pm25)
                do {
                    try aggregator.add(station: code, day: stamp.day, hour: stamp.hour, pm25: pm25, others: others)
                } catch {
                    try skipOrThrow(path, 0, "station \(code) has \(stamp.day) \(stamp.hour):00–\(stamp.hour + 1):00 in an earlier file too", summary: &summary)
                }
            }
        }
    }

    private func skipOrThrow(_ path: String, _ line: Int, _ problem: String, summary: inout Summary) throws {
        let error = IngestError.badRow(path: path, line: line, problem: problem)
        guard skipBadRows else { throw error }
        summary.skippedValues += 1
        if summary.skippedExamples.count < 5 { summary.skippedExamples.append(error.description) }
    }
}

/// The Beijing-time hour a CNEMC stamp closes: `hour` h of `date` is h−1…h, and hour 0 is the
/// last hour of the day before.
struct HourStamp: Hashable {
    let day: Day
    /// The hour's start, 0…23.
    let hour: Int

    init(endingAt date: Day, hour: Int) {
        if hour == 0 {
            day = date.advanced(by: -1)
            self.hour = 23
        } else {
            day = date
            self.hour = hour - 1
        }
    }
}
