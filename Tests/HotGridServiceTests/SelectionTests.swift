import Foundation
import Testing
import HotGridAnalysis
import HotGridCore
import HotGridSQLite
import HotGridStore
@testable import HotGridLab
@testable import HotGridService

@Suite("hotgrid select, review and hotspots on a simulated world")
struct SelectionTests {
    @Test("The selected cells hold clearly more true emitters than ranking by mean PM2.5; the list is stored, reviewed and exported")
    func simulatedWorld() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let cities = ["130100", "130600"]
        let world = scratch.path("world")
        _ = try SimulationRun(cities: cities, from: Day("2017-01-01")!, to: Day("2018-12-31")!, seed: 1)
            .run(folder: world)
        let db = scratch.path("w.sqlite")
        try RegionSetup(source: .bundled(region: "2+26"), cities: cities).run(into: SQLiteAddress(path: db))
        let store = try SQLiteStore(opening: db)
        _ = try StationIngest(stationsPath: world + "/stations.csv", observationsPath: world + "/observations.csv").run(store: store)
        for v in [FieldVariable.pm25Satellite, .u10, .v10, .blh, .precip] {
            _ = try FieldIngest(variable: v, path: "\(world)/fields/\(v.rawValue).nc").run(store: store)
        }
        _ = try EstimateRun(from: Day("2017-01-01")!, to: Day("2018-12-31")!).run(store: store)

        let result = try HotspotSelection(year: 2017).run(store: store)
        let cells = try store.cells()
        #expect(result.list.entries.count == Int((0.1 * Double(cells.count)).rounded()))
        #expect(result.list.entries.map(\.rank) == Array(1...result.list.entries.count))

        // Score against the truth.
        let truth = try String(contentsOfFile: world + "/truth/cells.csv", encoding: .utf8).split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",").map(String.init) }
        let top = Set(truth.filter { $0[5] == "1" }.map { $0[0] })
        let k = top.count
        let method = Double(Set(result.list.entries.prefix(k).map(\.cell.description)).intersection(top).count) / Double(k)
        let byPM = result.cells.indices.filter { result.pm25Annual[$0] != nil }
            .sorted { result.pm25Annual[$0]! > result.pm25Annual[$1]! }.prefix(k).map { result.cells[$0].id.description }
        let naive = Double(Set(byPM).intersection(top).count) / Double(k)
        print("precision at 10 %: emission index \(String(format: "%.1f", 100 * method)) %, mean PM2.5 \(String(format: "%.1f", 100 * naive)) %")
        #expect(method > naive + 0.15)
        #expect(method > 0.65)

        let stored = try #require(try store.hotspotList(year: 2017))
        #expect(stored.entries.map(\.cell) == result.list.entries.map(\.cell))
        let geojson = try JSONSerialization.jsonObject(with: try HotspotExport(store: store).render(year: 2017, format: .geojson)) as? [String: Any]
        #expect((geojson?["features"] as? [Any])?.count == stored.entries.count)
        let csv = String(decoding: try HotspotExport(store: store).render(year: 2017, format: .csv), as: UTF8.self)
        #expect(csv.hasPrefix(HotspotExport.columns.joined(separator: ",")))
        #expect(try HotspotExport(store: store).citySummary(stored).contains("合计"))

        let (reviewed, changes) = try HotspotSelection(year: 2018).review(store: store)
        let kinds = Dictionary(grouping: changes, by: \.kind).mapValues(\.count)
        print("review 2018: \(kinds)")
        #expect((kinds[.staying] ?? 0) > (kinds[.entering] ?? 0), "emissions do not change between years: most cells stay")
        #expect(try store.hotspotChanges(year: 2018).count == changes.count)
        #expect(try store.hotspotList(year: 2018)?.entries.count == reviewed.list.entries.count)
        #expect(throws: SelectionError.noPreviousList(year: 2017)) { try HotspotSelection(year: 2017).review(store: store) }
        #expect(throws: SelectionError.noEstimate(year: 2016)) { try HotspotSelection(year: 2016).run(store: store) }

        // Probabilities: the heaviest cells near-certain, the list's true emitters surer than its false ones.
        #expect(throws: StoreError.conflict("the 2017 hotspot list is the base of the 2018 review; it cannot be replaced")) {
            try HotspotSelection(year: 2017).run(store: store)
        }
        let sure = try HotspotSelection(year: 2017, probabilityReplicates: 30).compute(store: store)
        #expect(sure.list.entries.map(\.cell) == result.list.entries.map(\.cell), "resampling does not change the list itself")
        let p = sure.list.entries.map { $0.probability ?? -1 }
        #expect(p.allSatisfy { (0...1).contains($0) })
        #expect(p.prefix(10).allSatisfy { $0 >= 0.95 }, "\(p.prefix(10))")
        func mean(_ v: [Double]) -> Double { v.reduce(0, +) / Double(max(1, v.count)) }
        let hits = sure.list.entries.filter { top.contains($0.cell.description) }.compactMap(\.probability)
        let misses = sure.list.entries.filter { !top.contains($0.cell.description) }.compactMap(\.probability)
        print("mean probability: true emitters \(mean(hits)), others \(mean(misses))")
        #expect(mean(hits) > mean(misses) + 0.1)
        let (reviewedSure, steadier) = try HotspotSelection(year: 2018, probabilityReplicates: 30).review(store: store)
        let reread = try #require(try store.hotspotList(year: 2018))
        #expect(reread.entries.map(\.probability) == reviewedSure.list.entries.map(\.probability))
        #expect(reread.entries.allSatisfy { $0.probability != nil })
        #expect(reread.settings.contains { $0.contains("eddy diffusivity") } && reread.settings.contains { $0.contains("30 moving-block bootstrap") })
        let row = String(decoding: try HotspotExport(store: store).render(year: 2018, format: .csv), as: UTF8.self).split(separator: "\n")[1]
        #expect(row.hasSuffix(String(format: ",%.3f", reread.entries[0].probability ?? -1)))
        let entering = { (c: [HotspotChange]) in c.filter { $0.kind == .entering }.count }
        print("review 2018 with probabilities: \(entering(steadier)) entering, without: \(entering(changes))")
        #expect(entering(steadier) <= entering(changes))
        #expect(throws: SelectionError.noResampling(method: .regression)) {
            try HotspotSelection(year: 2017, method: .regression, probabilityReplicates: 10).compute(store: store)
        }
    }
}
