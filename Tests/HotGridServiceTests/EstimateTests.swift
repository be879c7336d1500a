import Foundation
import Testing
import HotGridAnalysis
import HotGridCore
import HotGridSQLite
import HotGridStore
@testable import HotGridLab
@testable import HotGridService

@Suite("hotgrid estimate on a simulated world")
struct EstimateTests {
    @Test("Station-held-out CV meets the field's bar, the cube is written and monthly means follow the rule")
    func simulatedWorld() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let cities = ["130100", "130600"]
        let world = scratch.path("world")
        _ = try SimulationRun(cities: cities, from: Day("2017-01-01")!, to: Day("2017-06-30")!, seed: 2).run(folder: world)
        let db = scratch.path("w.sqlite")
        try RegionSetup(source: .bundled(region: "2+26"), cities: cities).run(into: SQLiteAddress(path: db))
        let store = try SQLiteStore(opening: db)
        _ = try StationIngest(stationsPath: world + "/stations.csv", observationsPath: world + "/observations.csv").run(store: store)
        _ = try FieldIngest(variable: .pm25Satellite, path: world + "/fields/pm25_satellite.nc").run(store: store)

        let run = EstimateRun(from: Day("2017-01-01")!, to: Day("2017-06-30")!)
        let truth = try TruthFiles.stationsDaily(world + "/truth/stations_daily.csv")
        let cv = try run.crossValidate(store: store, folds: 5, truth: truth)
        #expect(cv.method == .satelliteCalibrated && cv.splits.map(\.scheme) == [.random, .blocked])
        for split in cv.splits {
            let scores = Dictionary(uniqueKeysWithValues: split.scores.map { ($0.label, $0) })
            let product = try #require(scores["HotGrid (satellite-calibrated)"]), stations = try #require(scores["stations only"])
            let satellite = try #require(scores["satellite only (days it saw)"]), onThoseDays = try #require(scores["HotGrid on those days"])
            print("\(split.scheme): product \(product.dailyTruth!), stations \(stations.dailyTruth!), satellite \(satellite.dailyTruth!)")
            #expect(try #require(product.dailyTruth).r2 >= 0.85)
            #expect(try #require(product.monthlyTruth).r2 >= 0.90)
            #expect(product.daily.r2 >= 0.8 && product.daily.count > 1000)
            // Fusion must add to what each input knows alone, among stations and away from them.
            #expect(product.dailyTruth!.r2 > stations.dailyTruth!.r2 + 0.01)
            #expect(onThoseDays.dailyTruth!.r2 > satellite.dailyTruth!.r2)
            #expect(onThoseDays.dailyTruth!.count == satellite.dailyTruth!.count)
        }
        #expect(cv.splits[1].medianNearestKept > cv.splits[0].medianNearestKept, "blocked folds hold out whole neighbourhoods")

        let summary = try run.run(store: store)
        #expect(summary.days == 181 && summary.satelliteShare > 0.2)
        let cells = try store.cellCount()
        let day = try #require(try store.fieldDay("pm25", on: Day("2017-03-15")!))
        #expect(day.count == cells && day.allSatisfy { !$0.isNaN && $0 > 0 })
        let field = try TruthFiles.compareCellMeans(store: store, truthPath: world + "/truth/cells.csv", from: run.from, to: run.to)
        #expect(field.count == cells)

        let csv = String(decoding: try MeansExport(store: store).render(.month(Month("2017-02")!)), as: UTF8.self)
        let rows = csv.split(separator: "\n")
        #expect(rows.first == "cell_id,period,pm25,valid_days,expected_days")
        #expect(rows.count == cells + 1)
        #expect(rows[1].hasSuffix(",2017-02,\(rows[1].split(separator: ",")[2]),28,28"))
        let year = try MeansExport(store: store).means(.year(2017))
        #expect(year.allSatisfy { $0.mean == nil && $0.validDays == 181 && $0.expectedDays == 365 }, "half a year is not an annual mean")
    }

    @Test("No stations, or no station data in the period, is refused clearly")
    func refusals() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let db = scratch.path("w.sqlite")
        try RegionSetup(source: .bundled(region: "2+26"), cities: ["410600"]).run(into: SQLiteAddress(path: db))
        let store = try SQLiteStore(opening: db)
        let run = EstimateRun(from: Day("2017-01-01")!, to: Day("2017-01-31")!)
        #expect(throws: EstimateError.noStations(db)) { try run.run(store: store) }
        let stations = try scratch.write("s.csv", "station_id,name,lon,lat\n1001A,鹤壁,114.29,35.75\n")
        let obs = try scratch.write("o.csv", "station_id,time,pm25\n1001A,2016-05-01,40\n")
        _ = try StationIngest(stationsPath: stations, observationsPath: obs).run(store: store)
        #expect(throws: EstimateError.noObservations(from: run.from, to: run.to)) { try run.run(store: store) }
        #expect(throws: EstimateError.noEstimate(db)) { try MeansExport(store: store).means(.month(Month("2017-01")!)) }
    }
}
