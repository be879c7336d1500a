import Foundation
import Testing
import HotGridCore
import HotGridSQLite
import HotGridStore
import HotGridSimulation
@testable import HotGridLab
@testable import HotGridService

/// The files of a folder with their contents, for comparing two runs byte for byte.
private func contents(of folder: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let root = URL(fileURLWithPath: folder)
    for case let path as String in FileManager.default.enumerator(atPath: folder) ?? NSEnumerator() {
        var isDirectory: ObjCBool = false
        let url = root.appendingPathComponent(path)
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            files[path] = try Data(contentsOf: url)
        }
    }
    return files
}

/// Precision at 10 % of ranking cells by true mean PM2.5, from truth/cells.csv.
private func naivePrecision(_ folder: String) throws -> Double {
    let lines = try String(contentsOfFile: folder + "/truth/cells.csv", encoding: .utf8).split(separator: "\n").dropFirst()
    let rows = lines.map { $0.split(separator: ",").map(String.init) }
    let top = rows.filter { $0[5] == "1" }.count
    let byPM = rows.sorted { Double($0[6])! > Double($1[6])! }.prefix(top)
    return Double(byPM.filter { $0[5] == "1" }.count) / Double(top)
}

@Suite("hotgrid simulate")
struct SimulationTests {
    let cities = ["130100", "140100"] // Shijiazhuang on the plain, Taiyuan in its basin

    @Test("The same seed gives byte-identical files; another seed another world")
    func deterministic() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let run = SimulationRun(cities: cities, from: Day("2017-01-01")!, to: Day("2017-01-20")!, seed: 11)
        _ = try run.run(folder: scratch.path("a"))
        _ = try run.run(folder: scratch.path("b"))
        let a = try contents(of: scratch.path("a")), b = try contents(of: scratch.path("b"))
        #expect(Set(a.keys) == ["README.txt", "stations.csv", "observations.csv", "fields/pm25_satellite.nc", "fields/u10.nc",
                                "fields/v10.nc", "fields/blh.nc", "fields/precip.nc", "truth/emissions.csv", "truth/cells.csv",
                                "truth/cells_monthly.csv", "truth/stations_daily.csv"])
        #expect(a == b)
        var other = run
        other.seed = 12
        _ = try other.run(folder: scratch.path("c"))
        #expect(try contents(of: scratch.path("c"))["truth/emissions.csv"] != a["truth/emissions.csv"])
        #expect(throws: SimulationError.folderExists(scratch.path("a"))) { try run.run(folder: scratch.path("a")) }
        #expect(try scratch.contents() == ["a", "b", "c"], "no partial folder is left behind")
    }

    @Test("The output ingests unchanged, and the truth adds up")
    func ingestsUnchanged() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let world = scratch.path("world")
        let summary = try SimulationRun(cities: cities, from: Day("2017-06-01")!, to: Day("2017-07-15")!, seed: 5).run(folder: world)
        let db = scratch.path("world.sqlite")
        try RegionSetup(source: .bundled(region: "2+26"), cities: cities).run(into: SQLiteAddress(path: db))
        let store = try SQLiteStore(opening: db)
        let stations = try StationIngest(stationsPath: world + "/stations.csv", observationsPath: world + "/observations.csv").run(store: store)
        #expect(stations.stationsInRegion == summary.stations && stations.stationsOutside.isEmpty && stations.skippedRows == 0)
        #expect(stations.stored.stationDays == summary.stations * 45)
        #expect(Double(stations.stored.validDays) > 0.9 * Double(stations.stored.stationDays))
        for variable in [FieldVariable.pm25Satellite, .u10, .v10, .blh, .precip] {
            let field = try FieldIngest(variable: variable, path: "\(world)/fields/\(variable.rawValue).nc").run(store: store)
            #expect(field.days.count == 45 && field.cellsCovered == summary.cells)
            if variable == .pm25Satellite {
                #expect(field.presentShare > 0.2 && field.presentShare < 0.8, "summer clouds leave gaps")
            } else {
                #expect(field.presentShare == 1)
            }
        }
        let cells = try String(contentsOfFile: world + "/truth/cells.csv", encoding: .utf8).split(separator: "\n").dropFirst()
        #expect(cells.count == summary.cells)
        let cellTotal = cells.map { Double($0.split(separator: ",")[3])! }.reduce(0, +)
        let sources = try String(contentsOfFile: world + "/truth/emissions.csv", encoding: .utf8).split(separator: "\n").dropFirst()
        let sourceTotal = sources.map { Double($0.split(separator: ",")[5])! }.reduce(0, +)
        #expect(abs(cellTotal - sourceTotal) / sourceTotal < 1e-3)
        let types = Set(sources.map { String($0.split(separator: ",")[1]) })
        #expect(types.isSuperset(of: ["steel_plant", "boiler", "construction_site", "open_burning", "traffic"]))
    }

    @Test("Meteorology as the CDS delivers ERA5 (one hourly file, UTC, tp in m) ingests to the daily files' values to 0.01, and selects the same hotspot list")
    func era5Meteorology() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let (from, to) = (Day("2017-01-01")!, Day("2017-01-20")!)
        var stores: [SQLiteStore] = []
        for files in MeteorologyFiles.allCases {
            let world = scratch.path("world-\(files)")
            _ = try SimulationRun(cities: cities, from: from, to: to, seed: 7, meteorology: files).run(folder: world)
            let db = scratch.path("\(files).sqlite")
            try RegionSetup(source: .bundled(region: "2+26"), cities: cities).run(into: SQLiteAddress(path: db))
            let store = try SQLiteStore(opening: db)
            _ = try StationIngest(stationsPath: world + "/stations.csv", observationsPath: world + "/observations.csv").run(store: store)
            _ = try FieldIngest(variable: .pm25Satellite, path: "\(world)/fields/pm25_satellite.nc").run(store: store)
            for variable in [FieldVariable.u10, .v10, .blh, .precip] {
                let summary = files == .daily
                    ? try FieldIngest(variable: variable, path: "\(world)/fields/\(variable.rawValue).nc").run(store: store)
                    : try FieldIngest(variable: variable, path: "\(world)/fields/era5.nc", sourceVariable: variable == .precip ? "tp" : variable.rawValue).run(store: store)
                #expect(summary.days == Array(stride(from: from, through: to, by: 1)), "\(files) \(variable)")
            }
            _ = try EstimateRun(from: from, to: to).run(store: store)
            stores.append(store)
        }
        for variable in ["u10", "v10", "blh", "precip"] {
            for day in stride(from: from, through: to, by: 1) {
                let daily = try #require(try stores[0].fieldDay(variable, on: day)), hourly = try #require(try stores[1].fieldDay(variable, on: day))
                #expect(zip(daily, hourly).allSatisfy { abs($0 - $1) < 0.01 }, "\(variable) \(day)")
            }
        }
        let lists = try stores.map { try HotspotSelection(year: 2017).run(store: $0).cells.map(\.id) }
        #expect(lists[0] == lists[1] && !lists[0].isEmpty)
    }

    @Test("The world is hard in the right way: ranking by mean PM2.5 misses most true emitters", arguments: [1, 2, 3] as [UInt64])
    func hardWorld(seed: UInt64) throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let world = scratch.path("world")
        let summary = try SimulationRun(cities: cities, from: Day("2017-01-01")!, to: Day("2017-12-31")!, seed: seed).run(folder: world)
        let precision = try naivePrecision(world)
        print("seed \(seed): naive precision at 10 % = \(String(format: "%.1f", 100 * precision)) %")
        #expect(abs(precision - summary.naivePrecision) < 1e-9)
        #expect(precision < 0.6, "a perfect method finds 100 %")
        #expect(precision > 0.05, "emitters do raise concentrations: the signal is there to find")
        #expect(summary.meanPM25 > 30 && summary.meanPM25 < 120)
    }
}
