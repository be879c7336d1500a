import ArgumentParser
import Foundation
import HotGridService
import HotGridStore

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks that print figures (time, throughput, peak memory).",
        subcommands: [BenchFieldCommand.self]
    )
}

struct BenchFieldCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "field",
        abstract: "Write a synthetic daily NetCDF over the region at --pixel degrees and time its ingest.",
        discussion: "Ingests into a copy of --db, so the database itself is left as it was."
    )

    @Option(help: "A HotGrid database made by `hotgrid init`.") var db: String
    @Option(help: "Days of data.") var days = 365
    @Option(help: "Pixel size in degrees.") var pixel = 0.01
    @Flag(help: "Only write the NetCDF (into --keep) and stop, to time `hotgrid ingest field` on it separately.")
    var writeOnly = false
    @Option(help: "Keep the NetCDF in this folder.") var keep: String?

    func run() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hotgrid-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("bench.sqlite").path
        _ = try SQLiteStore(opening: db)
        try FileManager.default.copyItem(atPath: db, toPath: copy)
        let benchmark = FieldBenchmark(days: days, pixelDegrees: pixel)
        let target = keep ?? folder.path
        if writeOnly {
            let (path, seconds) = try benchmark.writeField(store: SQLiteStore(opening: copy), folder: target, progress: TerminalProgress())
            print(String(format: "wrote %@ in %.1f s, peak memory %d MB", path, seconds, peakMemoryMegabytes()))
            return
        }
        let result = try benchmark.run(store: SQLiteStore(opening: copy), folder: target, progress: TerminalProgress())
        print(String(format: "field %d×%d pixels (%.3f°) × %d days → %d cells", result.width, result.height, pixel, result.days, result.cells))
        print(String(format: "write NetCDF: %.1f s", result.writeSeconds))
        print(String(format: "ingest: %.1f s, %.0f cell-days/s, %.2f days/s, present %.1f %%, peak memory %d MB",
                     result.ingestSeconds, result.cellDaysPerSecond, Double(result.days) / result.ingestSeconds,
                     100 * result.presentShare, peakMemoryMegabytes()))
    }
}
