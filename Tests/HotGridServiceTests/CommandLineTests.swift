import Foundation
import Testing

/// Runs the built `hotgrid` executable the way a user does.
private func hotgrid(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    var binary = products.appendingPathComponent("hotgrid")
    if !FileManager.default.fileExists(atPath: binary.path) {
        // swift-testing's runner may live inside the .xctest bundle on some layouts.
        binary = products.deletingLastPathComponent().appendingPathComponent("hotgrid")
    }
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
}

@Suite("The hotgrid command")
struct CommandLineTests {
    @Test("init, region and cells work end to end on two cities")
    func endToEnd() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let db = scratch.path("two.sqlite")
        let initRun = try hotgrid(["init", "--db", db, "--region", "2+26", "--cities", "410600,140300"])
        #expect(initRun.status == 0, "\(initRun.stderr)")
        #expect(initRun.stdout.contains("cells of 3000 m"))
        let summary = try hotgrid(["region", "--db", db])
        #expect(summary.status == 0)
        #expect(summary.stdout.contains("阳泉市") && summary.stdout.contains("鹤壁市"))
        let out = scratch.path("cells.geojson")
        let cells = try hotgrid(["cells", "--db", db, "--format", "geojson", "--out", out])
        #expect(cells.status == 0, "\(cells.stderr)")
        #expect(FileManager.default.fileExists(atPath: out))
        let again = try hotgrid(["init", "--db", db, "--region", "2+26", "--cities", "410600"])
        #expect(again.status != 0)
        #expect(again.stderr.contains("already exists") && again.stderr.contains("--force"))
        let forced = try hotgrid(["init", "--db", db, "--region", "2+26", "--cities", "410600", "--force"])
        #expect(forced.status == 0)
    }

    @Test("Bad input exits non-zero with one line naming the problem, and leaves no database", arguments: [
        (["--region", "nowhere"], "unknown region 'nowhere'"),
        (["--region", "2+26", "--cities", "123456"], "no city with adcode 123456"),
        (["--boundaries", "/no/such.geojson"], "/no/such.geojson: no such file"),
        (["--region", "2+26", "--cell-size", "2000"], "--cell-size must be 3000, 1000 or 500"),
        ([], "Give --region NAME"),
    ])
    func badInput(arguments: [String], message: String) throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let db = scratch.path("bad.sqlite")
        let run = try hotgrid(["init", "--db", db] + arguments)
        #expect(run.status != 0)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(try scratch.contents().isEmpty)
    }
}
