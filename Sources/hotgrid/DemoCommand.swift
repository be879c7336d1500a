import ArgumentParser
import Foundation
import HotGridCore
import HotGridServer
import HotGridLab
import HotGridService
import HotGridStore

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "The whole system on one command: simulate a world, build everything from it, then serve it.",
        discussion: """
            Simulates 2017–2018 over the region with known emissions (DIR/world), cuts the region into 3 km cells \
            (DIR/hotgrid.sqlite), ingests the stations, the satellite PM2.5 and the meteorology, estimates every \
            cell's daily PM2.5, selects 2017's hotspot cells and reviews them for 2018, warns every month of 2018, \
            publishes December's list and runs a month of supervision work on the ledger with staff logins; then \
            serves the public portal, the API and the staff workspace. Everything is built in a temporary folder \
            renamed to DIR when complete, so when DIR holds a database the demo serves it straight away; --force \
            builds it anew.

            Every login's password is \(DemoBuild.password). The database holds simulated data only, so the password \
            is printed for anyone to sign in with: keep no real work in it and serve it on your own machine only.
            """
    )

    @Option(help: "The folder to build in (world/ and hotgrid.sqlite).") var dir = "demo"
    @Option(help: "A bundled region: \(BundledBoundaries.regions.joined(separator: ", ")).") var region = "2+26"
    @Option(help: "Keep only these cities (comma-separated city adcodes), for a quicker demo.") var cities: String?
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @Flag(help: "Stop once everything is built, without serving (tests, CI).") var noServe = false
    @Flag(help: "Build anew, replacing DIR.") var force = false

    func validate() throws {
        guard BundledBoundaries.regions.contains(region) else {
            throw ValidationError("--region must be one of \(BundledBoundaries.regions.joined(separator: ", ")) (got '\(region)').")
        }
        if let cities, cityCodes(cities)?.isEmpty == true { throw ValidationError("--cities needs city adcodes such as 410600,410900 (got '\(cities)').") }
        guard (1...65_535).contains(port) else { throw ValidationError("--port must be between 1 and 65535 (got \(port)).") }
    }

    func run() async throws {
        let database = URL(fileURLWithPath: dir).appendingPathComponent("hotgrid.sqlite").path
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: database), !force {
            say("\(database) is already built; serving it (pass --force to build it anew).")
        } else {
            if fileManager.fileExists(atPath: dir), !force {
                throw ValidationError("\(dir) exists but holds no demo database (hotgrid.sqlite). Pass --force to replace it, or choose another --dir.")
            }
            let started = Date()
            let ledger = try DemoBuild(region: region, cities: cityCodes(cities)).run(into: dir)
            say(String(format: "Built in %.0f s, peak memory %d MB.", Date().timeIntervalSince(started), peakMemoryMegabytes()))
            say("Sample ledger: \(ledger.cityName) (\(ledger.cityCode)), cells \(ledger.cells.map(\.description).joined(separator: ", ")).")
        }
        say("Staff logins (password \(DemoBuild.password) for all; simulated data, so it is printed): "
            + SampleLedger.logins.map { "\($0.login) (\($0.role.rawValue))" }.joined(separator: ", "))
        if noServe { return }
        say("Open http://\(host):\(port)/ for the public portal, http://\(host):\(port)/login for the staff workspace. Stop with Ctrl-C.")
        try await serve(StoreChoice.open(database), settings: ServerSettings(host: host, port: port, logLevel: .info))
    }
}
