import Foundation
import HotGridAnalysis
import HotGridCore
import HotGridGeo
import HotGridStore

/// `hotgrid ingest stations --cnemc …`: CNEMC's hourly data as users hold them, into daily means
/// of every pollutant. Two formats, told apart by header: the daily wide files of the ministry's
/// real-time release (`china_sites_YYYYMMDD.csv`: `date,hour,type,1001A,1002A,…`), which need the
/// station list for positions, and the release as archived hour by hour
/// (`timepoint,stationcode,longitude,latitude,…`, see ``CNEMCLiveFile``), which carries them.
///
/// An hour stamp ends its hour: CNEMC's `hour` 16 is 15:00–16:00 Beijing time, and `hour` 0 of a
/// file is the last hour (23:00–24:00) of the day before. A day's mean is over its 24 hours under
/// HJ 663-2013 (at least 20 valid); a day is kept only when one of its own stamps was read, so the
/// first file's hour 0 does not make a one-hour day of the day before, and the last day lacks the
/// hour the next day's file would bring. Rows other than the hourly pollutants (AQI, `_24h`,
/// `O3_8h`) are not read.
public struct CNEMCIngest {
    /// Files or folders (every CNEMC file inside).
    public var paths: [String]
    /// CNEMC's station list; needed for wide files, and preferred to a live file's own positions.
    public var stationListPath: String?
    /// Skip and count bad values instead of refusing the import.
    public var skipBadRows: Bool

    public init(paths: [String], stationListPath: String?, skipBadRows: Bool = false) {
        self.paths = paths
        self.stationListPath = stationListPath
        self.skipBadRows = skipBadRows
    }

    public struct Summary: Sendable, Equatable {
        public var files = 0
        /// Their size in bytes.
        public var bytes = 0
        /// CSV files in the folders given that are not CNEMC files (a station list, notes), not read.
        public var passedOver: [String] = []
        public var stationsListed = 0
        public var stationsInRegion = 0
        /// The region's stations marked background sites (对照点).
        public var backgroundStations = 0
        /// Stations placed outside the region, and those without a position.
        public var stationsOutside: [String] = []
        public var stationsWithoutPosition: [String] = []
        /// Codes the list has twice (the later row is used).
        public var repeatedInList: [String] = []
        /// "file: code" for a code a file's header has twice (the first column is used).
        public var repeatedColumns: [String] = []
        /// Columns of wide files whose codes the station list does not have.
        public var unlistedCodes = 0
        /// Pollutant-hour rows (wide files) and station-hour rows (live files) read.
        public var hourRows = 0
        public var values = 0
        public var missingValues = 0
        public var skippedValues = 0
        public var skippedExamples: [String] = []
        public var stored = StationDayCounts()
    }

    /// What the files have given so far.
    struct Reading {
        var roster: CNEMCRoster
        var aggregator = HourlyAggregator()
        /// Dates of the stamps read: the days that may be kept.
        var daysRead: Set<Day> = []
        var unlisted: Set<String> = []
        var summary = Summary()
    }

    public func run(store: any Store, progress: ProgressReporter = SilentProgress()) throws -> Summary {
        let (files, passedOver) = try CNEMCFile.gather(paths)
        if stationListPath == nil, let wide = files.first(where: { $0.format == .wide }) {
            throw IngestError.cannotRead(path: wide.path, reason: "a china_sites file names its stations without their positions; "
                                         + "give CNEMC's station list with --station-list")
        }
        let list = try stationListPath.map { try CNEMCStationList(path: $0) }
        var state = Reading(roster: CNEMCRoster(list: list, placement: try StationPlacement(store: store)))
        state.summary.files = files.count
        state.summary.bytes = files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1.path)[.size] as? Int) ?? 0) }
        state.summary.passedOver = passedOver.filter { $0 != stationListPath }
        state.summary.stationsListed = list?.entries.count ?? 0
        state.summary.repeatedInList = list?.repeated ?? []

        progress.begin("Reading \(files.count) CNEMC files", total: files.count)
        for file in files {
            switch file.format {
            case .wide: try readWide(file.path, into: &state)
            case .live: try readLive(file.path, into: &state)
            }
            progress.advance(by: 1)
        }
        progress.end("\(state.summary.hourRows) hour rows")

        var summary = state.summary
        let stations = state.roster.inRegion.values.sorted { $0.id < $1.id }
        summary.stationsInRegion = stations.count
        summary.backgroundStations = stations.filter { $0.background == true }.count
        summary.stationsOutside = state.roster.outside.sorted()
        summary.stationsWithoutPosition = state.roster.withoutPosition.sorted()
        summary.unlistedCodes = state.unlisted.count
        guard !stations.isEmpty else { throw IngestError.noStationsInRegion(path: stationListPath ?? files[0].path) }
        state.aggregator.keep(days: state.daysRead)
        let source = "CNEMC \(files.count) files" + (stationListPath.map { " + \($0)" } ?? "")
        summary.stored = try StationDayCounts.store(stations, days: state.aggregator.days(), in: store, source: source,
                                                    skipped: "\(summary.skippedValues) values", progress: progress)
        return summary
    }

    /// The hourly pollutant rows of one file, by the `type` column.
    static let types: [String: Pollutant] = Dictionary(uniqueKeysWithValues: Pollutant.allCases.map { ($0.rawValue, $0) })

    /// Reads one wide file into `state`: the region's station columns of the hourly pollutant rows.
    private func readWide(_ path: String, into state: inout Reading) throws {
        let reader = try CSVReader(path: path)
        var used: [(index: Int, code: String)] = []
        // Values by hour stamp (day, start hour), station and pollutant, for the whole file.
        var hours: [HourStamp: [String: [Pollutant: Double]]] = [:]
        var rowsSeen: Set<String> = []
        try reader.read(header: { header in
            var seen: Set<String> = []
            for (i, code) in header.enumerated().dropFirst(3) {
                guard seen.insert(code).inserted else { state.summary.repeatedColumns.append("\((path as NSString).lastPathComponent): \(code)"); continue }
                if state.roster.inRegion[code] != nil { used.append((i, code)) } else if !state.roster.lists(code) { state.unlisted.insert(code) }
            }
        }) { line, fields in
            guard fields.count >= 3 else { return try skipOrThrow(path, line, "the row has \(fields.count) fields", summary: &state.summary) }
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
                return try skipOrThrow(path, line, "\(type) of \(dateText) hour \(hour) appears twice", summary: &state.summary)
            }
            state.daysRead.insert(date)
            state.summary.hourRows += 1
            let stamp = HourStamp(endingAt: date, hour: hour)
            // Taken out while it is filled, so the update does not copy it.
            var stations = hours.removeValue(forKey: stamp) ?? [:]
            for (index, code) in used {
                let text = index < fields.count ? fields[index].trimmingCharacters(in: .whitespaces) : ""
                if stations[code] == nil { stations[code] = [:] }   // the hour was reported, if empty
                stations[code]?[pollutant] = try hourlyValue(text, of: pollutant, station: code, in: path, line: line, state: &state)
            }
            hours[stamp] = stations
        }
        for (stamp, stations) in hours {
            for (code, values) in stations {
                var others = values
                let pm25 = others.removeValue(forKey: .pm25)
                do {
                    try state.aggregator.add(station: code, day: stamp.day, hour: stamp.hour, pm25: pm25, others: others)
                } catch {
                    try skipOrThrow(path, 0, "station \(code) has \(stamp.day) \(stamp.hour):00–\(stamp.hour + 1):00 in an earlier file too", summary: &state.summary)
                }
            }
        }
    }

    /// One hour's value of `pollutant` at a station from its text: nil for an empty one (CNEMC's
    /// missing value, `-` too) and for one that is no plausible measurement, which is refused or,
    /// under `skipBadRows`, skipped and counted.
    func hourlyValue(_ text: String, of pollutant: Pollutant, station code: String, in path: String, line: Int,
                     state: inout Reading) throws -> Double? {
        if text.isEmpty || text == "-" || text == "—" {
            state.summary.missingValues += 1
            return nil
        }
        guard let value = DecimalText.parse(text), value >= 0, value <= pollutant.plausibleMaximum else {
            try skipOrThrow(path, line, "\(pollutant.rawValue) of station \(code) is '\(text.prefix(40))', not a number in 0…\(Int(pollutant.plausibleMaximum)) \(pollutant.unit)",
                            summary: &state.summary)
            return nil
        }
        state.summary.values += 1
        return value
    }

    func skipOrThrow(_ path: String, _ line: Int, _ problem: String, summary: inout Summary) throws {
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
