import ArgumentParser
import Foundation
import HotGridLab
import HotGridService
import HotGridStore

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks that print figures (time, throughput, peak memory).",
        subcommands: [BenchFieldCommand.self, BenchCNEMCCommand.self, BenchLedgerCommand.self]
    )
}

struct BenchFieldCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "field",
        abstract: "Write a synthetic daily NetCDF (or, --hourly, ERA5-style hourly t2m) over the region at --pixel degrees and time its ingest.",
        discussion: "Ingests into a copy of --db, so the database itself is left as it was."
    )

    @Option(help: "A HotGrid database made by `hotgrid init`.") var db: String
    @Option(help: "Days of data.") var days = 365
    @Option(help: "Pixel size in degrees.") var pixel = 0.01
    @Flag(help: "Hourly 2 m temperature in kelvin as the CDS delivers ERA5 (try --pixel 0.25), into Beijing-time daily means.") var hourly = false
    @Flag(help: "Only write the NetCDF (into --keep) and stop, to time `hotgrid ingest field` on it separately.")
    var writeOnly = false
    @Option(help: "Keep the NetCDF in this folder.") var keep: String?

    func run() throws {
        let (folder, copy) = try scratchCopy(of: db)
        defer { try? FileManager.default.removeItem(at: folder) }
        let benchmark = FieldBenchmark(days: days, pixelDegrees: pixel, hourly: hourly)
        let target = keep ?? folder.path
        if writeOnly {
            let (path, seconds) = try benchmark.writeField(store: StoreChoice.open(copy), folder: target, progress: TerminalProgress())
            print(String(format: "wrote %@ in %.1f s, peak memory %d MB", path, seconds, peakMemoryMegabytes()))
            return
        }
        let result = try benchmark.run(store: StoreChoice.open(copy), folder: target, progress: TerminalProgress())
        print(String(format: "field %d×%d pixels (%.3f°) × %d days → %d cells", result.width, result.height, pixel, result.days, result.cells))
        print(String(format: "write NetCDF: %.1f s", result.writeSeconds))
        print(String(format: "ingest: %.1f s, %.0f cell-days/s, %.2f days/s, present %.1f %%, peak memory %d MB",
                     result.ingestSeconds, result.cellDaysPerSecond, Double(result.days) / result.ingestSeconds,
                     100 * result.presentShare, peakMemoryMegabytes()))
    }
}

struct BenchCNEMCCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cnemc",
        abstract: "Time the import of CNEMC files (a month of china_sites files is about 50 MB) into a copy of --db.",
        discussion: "Ingests into a copy of --db, so the database itself is left as it was."
    )

    @Option(help: "A HotGrid database made by `hotgrid init`.") var db: String
    @Option(parsing: .upToNextOption, help: "CNEMC files or folders, as for `hotgrid ingest stations --cnemc`.") var cnemc: [String]
    @Option(help: "CNEMC's station list (needed for china_sites files).") var stationList: String?

    func run() throws {
        let (folder, copy) = try scratchCopy(of: db)
        defer { try? FileManager.default.removeItem(at: folder) }
        let started = Date()
        let s = try CNEMCIngest(paths: cnemc, stationListPath: stationList).run(store: StoreChoice.open(copy), progress: TerminalProgress())
        let seconds = Date().timeIntervalSince(started), megabytes = Double(s.bytes) / 1_048_576
        print(String(format: "%d files, %.1f MB, %d hour rows, %d values of %d stations → %d station-days", s.files, megabytes, s.hourRows,
                     s.values, s.stationsInRegion, s.stored.stationDays))
        print(String(format: "ingest: %.2f s, %.1f MB/s, %.0f hour rows/s, peak memory %d MB", seconds, megabytes / seconds,
                     Double(s.hourRows) / seconds, peakMemoryMegabytes()))
    }
}

struct BenchLedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Record problems and 5 status changes each through the ledger service, then compute statistics and verify the audit log.",
        discussion: "Works on a copy of --db (which must have no staff yet), so the database itself is left as it was."
    )

    @Option(help: "A HotGrid database made by `hotgrid init`.") var db: String
    @Option(help: "Problems to record.") var problems = 10_000
    @Option(help: "Problems per transaction: 1 = every record and move on its own, as a user's clicks are.") var batch = 1

    func run() throws {
        let (folder, copy) = try scratchCopy(of: db)
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try LedgerBenchmark(problems: problems, batch: batch).run(store: StoreChoice.open(copy), progress: TerminalProgress())
        print("batch \(batch): " + (batch == 1 ? "one transaction per record and per move" : "\(batch) problems per transaction"))
        print(String(format: "record %d problems: %.1f s (%.0f/s)", r.problems, r.recordSeconds, Double(r.problems) / r.recordSeconds))
        print(String(format: "%d status changes: %.1f s (%.0f/s)", r.statusChanges, r.changeSeconds, Double(r.statusChanges) / r.changeSeconds))
        print(String(format: "statistics: %.2f s; audit verify (%d entries): %.2f s", r.statisticsSeconds, r.auditEntries, r.verifySeconds))
        print(String(format: "total %.1f s, peak memory %d MB", r.recordSeconds + r.changeSeconds + r.statisticsSeconds,
                     peakMemoryMegabytes()))
    }
}

/// A new temporary folder holding a copy of the database at `db` (checked to be one), so a
/// benchmark leaves the user's database as it was.
func scratchCopy(of db: String) throws -> (folder: URL, copy: String) {
    _ = try StoreChoice.open(db)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hotgrid-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let copy = folder.appendingPathComponent("bench.sqlite").path
    try FileManager.default.copyItem(atPath: db, toPath: copy)
    return (folder, copy)
}
