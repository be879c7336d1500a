import Foundation
import Testing
import HotGridCore
import HotGridGeo
@testable import HotGridSimulation

/// A small square region near Shijiazhuang, 36 × 36 cells of 3 km: one city of nine counties, the
/// middle one split into four urban districts.
private let testRegion: Region = {
    let spec = GridSpec(resolution: .m3000)
    let origin = try! NationalGrid().project([LonLat(longitude: 114.3, latitude: 38.2)])[0]
    let firstRow = spec.row(containing: origin.y)!, firstColumn = spec.column(containing: origin.x)!
    let ids = (0..<36).flatMap { r in (0..<36).map { c in CellID(resolution: .m3000, row: firstRow + r, column: firstColumn + c)! } }
    let centres = try! NationalGrid().centers(of: ids)
    func county(_ id: CellID) -> String {
        let r = id.row - firstRow, c = id.column - firstColumn
        if (12..<24).contains(r), (12..<24).contains(c) { return "13010\((r - 12) / 6 * 2 + (c - 12) / 6 + 1)" }
        return "1301\(20 + r / 12 * 3 + c / 12)"
    }
    let cells = zip(ids, centres).map { id, p in
        Cell(id: id, cityCode: "130100", countyCode: county(id), longitude: p.longitude, latitude: p.latitude,
             areaInside: 9e6, countyShares: [CountyShare(countyCode: county(id), area: 9e6)])
    }
    let codes = Set(cells.map(\.countyCode)).sorted()
    let areas = Dictionary(grouping: cells, by: \.countyCode).mapValues { Double($0.count) * 9e6 * ($0.count == 36 ? 0.8 : 1) }
    return Region(name: "test", resolution: .m3000, cities: [AdminUnit(code: "130100", name: "石家庄市", level: .city)],
                  counties: codes.map { AdminUnit(code: $0, name: "县\($0)", level: .county, parentCode: "130100") },
                  countyAreas: areas, cells: cells)
}()

private func days(from first: String, count: Int) -> [Day] {
    let start = Day(first)!
    return (0..<count).map { start.advanced(by: $0) }
}

/// Each region cell's mean true PM2.5 over the world's days.
private func meanTruth(_ world: World) -> [Double] {
    var physics = world.dailyTruth()
    var sums = [Double](repeating: 0, count: world.regionIndices.count)
    for w in world.weather {
        let truth = physics.concentration(on: w)
        for (k, i) in world.regionIndices.enumerated() { sums[k] += Double(truth[i]) }
    }
    return sums.map { $0 / Double(world.weather.count) }
}

private func pearson(_ a: [Double], _ b: [Double]) -> Double {
    let ma = a.reduce(0, +) / Double(a.count), mb = b.reduce(0, +) / Double(b.count)
    let cov = zip(a, b).reduce(0) { $0 + ($1.0 - ma) * ($1.1 - mb) }
    let va = a.reduce(0) { $0 + ($1 - ma) * ($1 - ma) }, vb = b.reduce(0) { $0 + ($1 - mb) * ($1 - mb) }
    return cov / (va * vb).squareRoot()
}

/// Ranks with ties sharing their mean rank, for Spearman's correlation.
private func ranks(_ v: [Double]) -> [Double] {
    let order = v.indices.sorted { v[$0] < v[$1] }
    var result = [Double](repeating: 0, count: v.count), start = 0
    while start < order.count {
        var end = start
        while end + 1 < order.count, v[order[end + 1]] == v[order[start]] { end += 1 }
        for k in start...end { result[order[k]] = Double(start + end) / 2 }
        start = end + 1
    }
    return result
}

@Suite("World variants")
struct WorldVariantTests {
    @Test("Every preset is found by its name; tuning and held-out presets are disjoint and in range")
    func presets() {
        #expect(WorldVariant.tuning.map(\.name) == ["standard", "hourly", "coarse-sparse", "dense-clean"])
        #expect(WorldVariant.heldOut.map(\.name) == ["heldout-a", "heldout-b", "heldout-c", "heldout-d"])
        #expect(Set(WorldVariant.tuning.map(\.name)).isDisjoint(with: WorldVariant.heldOut.map(\.name)))
        for variant in WorldVariant.tuning + WorldVariant.heldOut {
            #expect(WorldVariant.named(variant.name) == variant)
            #expect((0.01...0.03).contains(variant.satellitePixel) && (0.15...0.35).contains(variant.satelliteNoise))
            #expect(variant.stationCount.map { (30...400).contains($0) } ?? true)
        }
        #expect(WorldVariant.named("heldout-e") == nil)
        #expect(WorldVariant.standard == WorldVariant(name: "standard"), "standard is today's world")
        #expect(WorldVariant.standard.physics == .steadyPlume && WorldVariant.hourly.physics == .puffTransport)
    }

    @Test("A puff world is deterministic, positive, dirtier where it emits more, and unlike the steady plume")
    func puffWorld() {
        let period = days(from: "2017-01-01", count: 60)
        let puff = World(region: testRegion, days: period, seed: 3, variant: .hourly)
        #expect(!puff.outsideSources.isEmpty)
        let mean = meanTruth(puff)
        #expect(mean == meanTruth(puff), "the same seed gives the same truth")
        #expect(mean.allSatisfy { $0.isFinite && $0 > 0 })
        let emissions = puff.cellEmissions()
        let spearman = pearson(ranks(emissions), ranks(mean))
        #expect(spearman > 0.15, "rank correlation of emission and mean PM2.5: \(spearman)")
        let steady = meanTruth(World(region: testRegion, days: period, seed: 3))
        #expect(pearson(mean, steady) < 0.99, "pattern correlation with the steady plume: \(pearson(mean, steady))")
    }

    @Test("The station count is honoured, fewer or more than the real network's", arguments: [30, 60, 120])
    func stationCount(count: Int) {
        let world = World(region: testRegion, days: days(from: "2017-01-01", count: 1), seed: 1)
        var rng = SeededGenerator(seed: 4), again = rng
        let real = StationNetwork.place(world: world, count: nil, rng: &rng)
        let stations = StationNetwork.place(world: world, count: count, rng: &again)
        #expect(stations.count == count)
        #expect(Set(stations.map(\.id)).count == count)
        let regionWindow = Set(world.regionIndices)
        #expect(stations.allSatisfy { regionWindow.contains($0.windowIndex) })
        #expect(real.count == 12 + 2, "one per county seat, two more in the city centre")
    }

    @Test("Frequent clouds hide more of the satellite product; cells_monthly.csv holds every cell's every month")
    func cloudsAndMonthlyTruth() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("variants-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let world = World(region: testRegion, days: days(from: "2017-01-20", count: 20), seed: 2)
        var missing: [WorldVariant.Clouds: Double] = [:]
        for clouds in WorldVariant.Clouds.allCases {
            var variant = WorldVariant.standard
            variant.clouds = clouds
            variant.satellitePixel = 0.03
            let out = folder + "/" + clouds.rawValue
            _ = try Simulator.write(world: world, to: out, variant: variant)
            let file = try RasterFile(path: out + "/fields/pm25_satellite.nc")
            let values = try (1...file.bandCount).flatMap { try file.readPhysical(band: $0) }
            missing[clouds] = Double(values.filter(\.isNaN).count) / Double(values.count)
        }
        #expect(missing[.frequent]! > missing[.seasonal]! + 0.15, "missing shares: \(missing)")

        let monthly = try String(contentsOfFile: folder + "/seasonal/truth/cells_monthly.csv", encoding: .utf8)
            .split(separator: "\n").map(String.init)
        #expect(monthly.first == "cell_id,month,pm25")
        #expect(monthly.count == 1 + testRegion.cells.count * 2, "January and February 2017")
        #expect(monthly[1].hasPrefix("\(testRegion.cells[0].id),2017-01,") && monthly[2].hasPrefix("\(testRegion.cells[0].id),2017-02,"))
        #expect(monthly.dropFirst().allSatisfy { Double($0.split(separator: ",")[2])! > 0 })
    }
}
