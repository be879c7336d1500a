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
        abstract: "Load stations and their hourly (or daily) PM2.5; daily means follow HJ 663-2013.",
        discussion: """
            stations.csv: station_id,name,lon,lat (WGS84). A station outside the region is reported and kept out. \
            observations.csv: station_id,time,pm25. time is ISO 8601 (2017-01-01T08:00, 2017-01-01 08:00:00, \
            with Z or +08:00 if not Beijing time); a date alone (2017-01-01) is a daily value. An empty pm25 is \
            a missing value. A day's mean needs at least 20 valid hours; days below keep their hour count but \
            no mean. Re-ingesting a station's day replaces it. The whole import is one transaction.
            """
    )

    @Option(help: "The HotGrid database.") var db: String
    @Option(help: "CSV of stations: station_id,name,lon,lat.") var stations: String
    @Option(help: "CSV of observations: station_id,time,pm25.") var observations: String
    @Flag(help: "Skip malformed rows and count them instead of refusing the import.") var skipBadRows = false

    func run() throws {
        let started = Date()
        let store = try SQLiteStore(opening: db)
        let s = try StationIngest(stationsPath: stations, observationsPath: observations, skipBadRows: skipBadRows)
            .run(store: store, progress: TerminalProgress())
        print("Stations: \(s.stationsInRegion) in the region of \(s.stationsRead) read")
        if !s.stationsOutside.isEmpty {
            print("  outside the region, kept out: \(s.stationsOutside.joined(separator: ", ")) (\(s.rowsOutsideRegion) observation rows left out)")
        }
        print("Observations: \(s.observationRows) rows (\(s.hourlyRows) hourly, \(s.dailyRows) daily, \(s.missingValues) empty)")
        let range = [s.firstDay, s.lastDay].compactMap { $0?.description }.joined(separator: " … ")
        print("Station-days: \(s.stationDays) (\(s.validDays) valid, \(s.stationDays - s.validDays) below 20 valid hours) \(range)")
        if s.skippedRows > 0 {
            print("Skipped \(s.skippedRows) malformed rows, e.g.:")
            s.skippedExamples.forEach { print("  \($0)") }
        }
        print(String(format: "Done in %.1f s, peak memory %d MB", Date().timeIntervalSince(started), peakMemoryMegabytes()))
    }
}

extension FieldVariable: ExpressibleByArgument {}

struct IngestFieldCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "field",
        abstract: "Load a daily gridded field (NetCDF with a CF time axis, or a GeoTIFF for one day).",
        discussion: """
            Variables and their units: \(FieldVariable.allCases.map { "\($0.rawValue) (\($0.unit))" }.joined(separator: ", ")). \
            The file may be in any CRS and resolution; each cell gets the area-weighted mean of the source \
            pixels covering it (exact coverage fractions). Pixels without data stay out; a cell whose valid \
            pixels cover less than --min-coverage of it is missing that day. Values are converted as \
            value × --scale + --offset after the file's own scale_factor/add_offset (e.g. K → °C: --offset \
            -273.15; m/day → mm/day: --scale 1000). Re-ingesting a day replaces it; the import is one transaction.
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

    func validate() throws {
        if let date, Day(date) == nil { throw ValidationError("--date must be a date like 2017-01-31 (got '\(date)').") }
        guard (0...1).contains(minCoverage), minCoverage > 0 else { throw ValidationError("--min-coverage must be in (0, 1] (got \(minCoverage)).") }
        guard scale.isFinite, offset.isFinite else { throw ValidationError("--scale and --offset must be finite numbers.") }
    }

    func run() throws {
        let started = Date()
        let store = try SQLiteStore(opening: db)
        let s = try FieldIngest(variable: variable, path: file, sourceVariable: sourceVariable, scale: scale, offset: offset,
                                date: date.flatMap { Day($0) }, minimumCoverage: minCoverage)
            .run(store: store, progress: TerminalProgress())
        let elapsed = Date().timeIntervalSince(started)
        print("\(variable.rawValue): \(s.days.count) days \(s.days.first.map(String.init) ?? "") … \(s.days.last.map(String.init) ?? "")")
        print(String(format: "Cells covered by the file: %d of %d (%.1f pixels per cell); cell-days present: %.1f %%",
                     s.cellsCovered, s.cells, s.pixelsPerCell, 100 * s.presentShare))
        print(String(format: "Done in %.1f s (%.0f cell-days/s), peak memory %d MB",
                     elapsed, Double(s.days.count * s.cells) / max(elapsed, 1e-9), peakMemoryMegabytes()))
    }
}

struct InventoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inventory",
        abstract: "Show what is loaded: per variable its days and completeness, per station its valid days."
    )

    @Option(help: "The HotGrid database.") var db: String

    func run() throws {
        print(try InventoryReport(store: SQLiteStore(opening: db)).render(), terminator: "")
    }
}
