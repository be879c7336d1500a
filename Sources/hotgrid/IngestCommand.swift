import ArgumentParser
import Foundation
import HotGridCore
import HotGridService
import HotGridStore

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Load station observations or a daily gridded field into the region's cells.",
        subcommands: [IngestStationsCommand.self, IngestFieldCommand.self]
    )
}

struct IngestStationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stations",
        abstract: "Load stations and their hourly (or daily) values: CNEMC's files as published, or a long CSV; daily means follow HJ 663-2013.",
        discussion: """
            CNEMC: --cnemc takes files or folders of CNEMC's two formats, told apart by their header: the daily wide \
            china_sites_YYYYMMDD.csv (date,hour,type,<station codes>…, as the ministry's real-time release is \
            mirrored) and the hourly real-time files (timepoint,stationcode,longitude,latitude,…,pm2_5,…). \
            --station-list is the station list (监测点编码,监测点名称,城市,经度,纬度[,对照点]): needed for wide files, \
            and its positions are preferred to a live file's own. Background sites (对照点) are marked from the list's \
            column or the name. Every hourly pollutant is kept (PM2.5, PM10, SO2, NO2, O3, \
            CO). An hour stamp ends its hour (hour 16 is 15:00–16:00 Beijing time; hour 0 is the day before's last \
            hour); a day is kept only when one of its own stamps was read. Values must be numbers within plausible limits \
            (PM2.5 ≤ 2000 µg/m³, PM10 ≤ 20000, SO2 ≤ 5000, NO2 ≤ 2000, O3 ≤ 2000, CO ≤ 150 mg/m³). \
            Long CSV: --stations station_id,name,lon,lat (WGS84) and --observations station_id,time,pm25. time is \
            ISO 8601 (2017-01-01T08:00, 2017-01-01 08:00:00, with Z or +08:00 if not Beijing time), the hour's \
            start; a date alone (2017-01-01) is a daily value. An empty value is a missing one. \
            A day's mean needs at least 20 valid hours; days below keep their hour count but no mean. Stations \
            outside the region are kept out and listed in <db>.stations-outside.txt. Re-ingesting a station's day \
            replaces it. The whole import is one transaction.
            """
    )

    @Option(help: "The HotGrid database.") var db: String
    @Option(help: "CSV of stations: station_id,name,lon,lat.") var stations: String?
    @Option(help: "CSV of observations: station_id,time,pm25.") var observations: String?
    @Option(parsing: .upToNextOption, help: "CNEMC files (china_sites_YYYYMMDD.csv, or hourly timepoint,stationcode,… files), or folders of them.")
    var cnemc: [String] = []
    @Option(help: "CNEMC's station list (监测点编码,监测点名称,城市,经度,纬度); needed for china_sites files.") var stationList: String?
    @Flag(help: "Skip malformed rows (CNEMC: values) and count them instead of refusing the import.") var skipBadRows = false

    func validate() throws {
        let long = stations != nil || observations != nil, wide = !cnemc.isEmpty || stationList != nil
        guard long != wide else { throw ValidationError("Give either --cnemc FILES [--station-list FILE], or --stations FILE --observations FILE.") }
        if long, stations == nil || observations == nil { throw ValidationError("--stations and --observations go together.") }
        if wide, cnemc.isEmpty { throw ValidationError("--station-list goes with --cnemc FILES.") }
    }

    func run() throws {
        let started = Date()
        let store = try StoreChoice.open(db)
        if !cnemc.isEmpty {
            try runCNEMC(store)
        } else if let stations, let observations {
            try runLong(store, stations: stations, observations: observations)
        }
        print(String(format: "Done in %.1f s, peak memory %d MB", Date().timeIntervalSince(started), peakMemoryMegabytes()))
    }

    private func runCNEMC(_ store: any Store) throws {
        let s = try CNEMCIngest(paths: cnemc, stationListPath: stationList, skipBadRows: skipBadRows).run(store: store, progress: TerminalProgress())
        print("Stations: \(s.stationsInRegion) in the region, background sites (对照点) among them: \(s.backgroundStations)"
              + (stationList == nil ? "" : "; \(s.stationsListed) listed"))
        try listOutside(s.stationsOutside)
        if !s.stationsWithoutPosition.isEmpty {
            print("  without coordinates, kept out: \(Self.some(s.stationsWithoutPosition))")
        }
        if !s.repeatedInList.isEmpty { print("  listed twice, the later row used: \(Self.some(s.repeatedInList))") }
        if !s.repeatedColumns.isEmpty { print("  a code repeated in a file's header, the first column used: \(Self.some(s.repeatedColumns))") }
        if s.unlistedCodes > 0 { print("  \(s.unlistedCodes) codes in the files are not in the station list, left out") }
        if !s.passedOver.isEmpty { print("  other CSV files in the folders, not read: \(Self.some(s.passedOver))") }
        print("Files: \(s.files), \(s.hourRows) hour rows, \(s.values) values in the region's stations, \(s.missingValues) empty")
        printDays(s.stored)
        printSkipped(s.skippedValues, "values", s.skippedExamples)
    }

    private func runLong(_ store: any Store, stations: String, observations: String) throws {
        let s = try StationIngest(stationsPath: stations, observationsPath: observations, skipBadRows: skipBadRows)
            .run(store: store, progress: TerminalProgress())
        print("Stations: \(s.stationsInRegion) in the region of \(s.stationsRead) read")
        try listOutside(s.stationsOutside)
        if s.rowsOutsideRegion > 0 { print("  \(s.rowsOutsideRegion) observation rows of those stations left out") }
        print("Observations: \(s.observationRows) rows (\(s.hourlyRows) hourly, \(s.dailyRows) daily, \(s.missingValues) empty)")
        printDays(s.stored)
        printSkipped(s.skippedRows, "malformed rows", s.skippedExamples)
    }

    /// Stations outside the region: a count and a few on the terminal, all of them in a file beside the database.
    private func listOutside(_ codes: [String]) throws {
        guard !codes.isEmpty else { return }
        let path = db + ".stations-outside.txt"
        try OutputFile.write(Data((codes.joined(separator: "\n") + "\n").utf8), to: path)
        print("  \(codes.count) outside the region, kept out: \(Self.some(codes)) (all in \(path))")
    }

    private func printDays(_ c: StationDayCounts) {
        let range = [c.firstDay, c.lastDay].compactMap { $0?.description }.joined(separator: " … ")
        print("Station-days: \(c.stationDays) (\(c.validDays) valid, \(c.stationDays - c.validDays) below 20 valid hours) \(range)")
    }

    private func printSkipped(_ count: Int, _ what: String, _ examples: [String]) {
        guard count > 0 else { return }
        print("Skipped \(count) \(what), e.g.:")
        examples.forEach { print("  \($0)") }
    }

    /// The first few of a long list, and how many more.
    static func some(_ items: [String], first: Int = 5) -> String {
        items.prefix(first).joined(separator: ", ") + (items.count > first ? " and \(items.count - first) more" : "")
    }
}

extension FieldVariable: ExpressibleByArgument {}

struct IngestFieldCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "field",
        abstract: "Load a gridded field: daily or sub-daily (ERA5's hours) NetCDF with a CF time axis, or a GeoTIFF for one day.",
        discussion: """
            Variables and their units: \(FieldVariable.allCases.map { "\($0.rawValue) (\($0.unit))" }.joined(separator: ", ")). \
            The file may be in any CRS and resolution; each cell gets the area-weighted mean of the source \
            pixels covering it (exact coverage fractions). Pixels without data stay out; a cell whose valid \
            pixels cover less than --min-coverage of it is missing that day. Values are converted as \
            value × --scale + --offset after the file's own scale_factor/add_offset (e.g. K → °C: --offset \
            -273.15; m/day → mm/day: --scale 1000); without them a file's units K (t2m) and m (precip) are converted to \
            °C and mm. A file of several variables (an ERA5 download) gives the one --source-variable names. A \
            sub-daily file (ERA5's hourly steps, in UTC) becomes one value per Beijing-time day: the mean of the day's \
            steps (an instantaneous value at t belongs to the day holding t), for precip the sum of the steps ending \
            in the day (an amount over the hour ending at t belongs to the day holding t − 1 h); a day without all its \
            steps (24 for hourly) is not stored and is reported. A pixel value outside the variable's plausible range \
            (\(FieldVariable.allCases.map { "\($0.rawValue) \(Int($0.plausibleRange.lowerBound))…\(Int($0.plausibleRange.upperBound))" }.joined(separator: ", "))) \
            or infinite refuses the import, naming day, band and pixel; --fill-value names an undeclared missing-data \
            value, --skip-bad-values leaves such pixels out. Re-ingesting a day replaces it; the import is one transaction.
            """
    )

    @Option(help: "The HotGrid database.") var db: String
    @Option(help: "The canonical variable this file holds.") var variable: FieldVariable
    @Option(help: "The gridded file.") var file: String
    @Option(help: "The variable's name inside the file (default: the canonical name, or the file's only variable).")
    var sourceVariable: String?
    @Option(parsing: .unconditional, help: "Multiply values by this to reach the canonical unit.") var scale: Double = 1
    @Option(parsing: .unconditional, help: "Then add this (e.g. -273.15 for K → °C).") var offset: Double = 0
    @Option(help: "The day of a file without a time axis (YYYY-MM-DD).") var date: String?
    @Option(help: "Minimum share of a cell its valid pixels must cover (0–1).") var minCoverage: Double = 0.5
    @Option(parsing: .unconditional, help: "A value the file uses for missing data without declaring it (e.g. -999).") var fillValue: Double?
    @Flag(help: "Leave implausible pixels out and count them instead of refusing the import.") var skipBadValues = false
    @Option(help: "With --file FOLDER of one file per day: where the date sits in the names (%Y %m %d, or %j for day of year), e.g. CHAP_PM2.5_D1K_%Y%m%d.")
    var datePattern: String?

    func validate() throws {
        if let date, Day(date) == nil { throw ValidationError("--date must be a date like 2017-01-31 (got '\(date)').") }
        guard (0...1).contains(minCoverage), minCoverage > 0 else { throw ValidationError("--min-coverage must be in (0, 1] (got \(minCoverage)).") }
        guard scale.isFinite, offset.isFinite else { throw ValidationError("--scale and --offset must be finite numbers.") }
    }

    func run() throws {
        let started = Date()
        let store = try StoreChoice.open(db)
        let s = try FieldIngest(variable: variable, path: file, sourceVariable: sourceVariable, scale: scale, offset: offset,
                                date: date.flatMap { Day($0) }, minimumCoverage: minCoverage, fillValue: fillValue, skipBadValues: skipBadValues,
                                datePattern: datePattern)
            .run(store: store, progress: TerminalProgress())
        let elapsed = Date().timeIntervalSince(started)
        print("\(variable.rawValue): \(s.days.count) days \(s.days.first.map(String.init) ?? "") … \(s.days.last.map(String.init) ?? "")")
        if s.stepsPerDay > 1 {
            print("  \(s.stepsPerDay) steps a day: each Beijing-time day is the \(variable.dailyRule)")
            if !s.incompleteDays.isEmpty {
                print("  without all their steps, not stored: \(IngestStationsCommand.some(s.incompleteDays.map(\.description)))")
            }
        }
        if let conversion = s.conversion { print("  units converted by the file's own units: \(conversion)") }
        if s.skippedValues > 0 { print("  \(s.skippedValues) implausible pixel values left out (--skip-bad-values)") }
        if s.unmatchedFiles > 0 { print("  \(s.unmatchedFiles) files of the folder do not match --date-pattern, left out") }
        print(String(format: "Cells covered by the file: %d of %d (%.1f pixels per cell); cell-days present: %.1f %%",
                     s.cellsCovered, s.cells, s.pixelsPerCell, 100 * s.presentShare))
        print(String(format: "Done in %.1f s (%.0f cell-days/s), peak memory %d MB",
                     elapsed, Double(s.days.count * s.cells) / max(elapsed, 1e-9), peakMemoryMegabytes()))
    }
}

struct FieldCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "field",
        abstract: "A stored gridded variable as cell_id,day,value (empty where missing), to check an import against your own tools."
    )

    @Option(help: "The HotGrid database.") var db: String
    @Option(help: "The variable.") var variable: FieldVariable
    @Option(help: "First day (YYYY-MM-DD).") var from: Day
    @Option(help: "Last day (YYYY-MM-DD).") var to: Day
    @Option(help: "Write the CSV here (default: standard output).") var out: String?

    func validate() throws {
        guard from <= to else { throw ValidationError("--from \(from) is after --to \(to).") }
    }

    func run() throws {
        try OutputFile.write(try FieldExport(store: StoreChoice.open(db)).render(variable: variable, from: from, to: to), to: out)
    }
}

struct InventoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inventory",
        abstract: "Show what is loaded: per variable its days and completeness, per station its valid days."
    )

    @Option(help: "The HotGrid database.") var db: String

    func run() throws {
        print(try InventoryReport(store: StoreChoice.open(db)).render(), terminator: "")
    }
}
