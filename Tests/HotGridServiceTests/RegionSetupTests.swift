import Foundation
import Testing
import HotGridCore
import HotGridGeo
import HotGridSQLite
import HotGridStore
@testable import HotGridService

@Suite("hotgrid init on the bundled regions")
struct BundledRegionTests {
    @Test("2+26 at 3 km: every county has cells, every cell a city and county, areas add up to the region's")
    func twoPlusTwentySix() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let path = scratch.path("2p26.sqlite")
        let region = try RegionSetup(source: .bundled(region: "2+26")).run(into: SQLiteAddress(path: path))
        let store = try SQLiteStore(opening: path)
        let cells = try store.cells()
        // About 31,700 cells overlap the region's 275,000 km² (the ministry's own grid counts 36,793).
        #expect((31_500...32_000).contains(cells.count))
        #expect(cells.count == region.cells.count)
        let counties = try store.counties()
        #expect(counties.count == 327)
        #expect(Set(cells.map(\.countyCode)) == Set(counties.map(\.code)))
        let cityOfCounty = Dictionary(uniqueKeysWithValues: counties.map { ($0.code, $0.parentCode) })
        #expect(cells.allSatisfy { cityOfCounty[$0.countyCode] == $0.cityCode })
        #expect(cells.allSatisfy { $0.areaInside > 0 && $0.areaInside <= 9e6 * (1 + 1e-9) })
        #expect(Set(try store.cities().map(\.code)).count == 28)

        // Areas inside the region sum to the region's area (reference: Albers areas of the city table).
        let reference = try referenceCityAreas()
        let summaries = try store.citySummaries()
        let expected = summaries.reduce(0) { $0 + reference[$1.code]! }
        let cellTotal = cells.reduce(0) { $0 + $1.areaInside } / 1e6
        #expect(abs(cellTotal - expected) / expected < 0.005)
        #expect(abs(expected - 275_325) < 1)
        for city in summaries {
            #expect(abs(city.area / 1e6 - reference[city.code]!) / reference[city.code]! < 0.005, "\(city.name)")
        }
    }

    @Test("--cities keeps just those cities")
    func someCities() throws {
        let region = try RegionSetup(source: .bundled(region: "2+26"), cities: ["410600", "140300"]).buildRegion()
        #expect(Set(region.cities.map(\.code)) == ["410600", "140300"])
        #expect(region.counties.count == 10)
        #expect(Set(region.cells.map(\.countyCode)).count == 10)
    }

    @Test("1 km and 500 m cells nest in the 3 km cells and cover the same area")
    func finerResolutions() throws {
        let coarse = try RegionSetup(source: .bundled(region: "2+26"), cities: ["410600"]).buildRegion()
        let fine = try RegionSetup(source: .bundled(region: "2+26"), cities: ["410600"], resolution: .m500).buildRegion()
        let coarseIDs = Set(coarse.cells.map(\.id))
        #expect(fine.cells.allSatisfy { coarseIDs.contains($0.id.parent(at: .m3000)!) })
        let coarseArea = coarse.cells.reduce(0) { $0 + $1.areaInside }
        let fineArea = fine.cells.reduce(0) { $0 + $1.areaInside }
        #expect(abs(fineArea - coarseArea) / coarseArea < 1e-9)
    }
}

@Suite("hotgrid init refuses bad input and leaves nothing behind")
struct BadBoundaryTests {
    let county: [String: String] = ["adcode": "990101", "name": "测试县", "city_adcode": "990100", "city_name": "测试市"]
    let square = [(116.0, 40.0), (116.1, 40.0), (116.1, 40.1), (116.0, 40.1)]

    private func expectNothingWritten(_ scratch: Scratch, _ setup: RegionSetup, check: (Error) -> Bool) throws {
        let db = scratch.path("out.sqlite")
        #expect(performing: { try setup.run(into: SQLiteAddress(path: db)) }, throws: check)
        #expect(try scratch.contents().allSatisfy { !$0.hasPrefix("out.sqlite") && !$0.hasPrefix(".out.sqlite") })
    }

    @Test("An unknown region or city adcode")
    func unknownNames() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        try expectNothingWritten(scratch, RegionSetup(source: .bundled(region: "jingjinji"))) {
            $0 as? ServiceError == .unknownRegion("jingjinji", known: ["2+26", "fenwei", "yrd"])
        }
        try expectNothingWritten(scratch, RegionSetup(source: .bundled(region: "fenwei"), cities: ["110100"])) {
            $0 as? ServiceError == .unknownCities(["110100"], region: "fenwei")
        }
    }

    @Test("A missing file, a missing field, an empty geometry, a point instead of a polygon")
    func badFiles() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let missing = scratch.path("nope.geojson")
        try expectNothingWritten(scratch, RegionSetup(source: .file(path: missing, fields: BoundaryFields()))) {
            $0 as? GeoError == .cannotOpen(path: missing, reason: "no such file")
        }
        let good = try scratch.write("good.geojson", geoJSON([(county, square)]))
        try expectNothingWritten(scratch, RegionSetup(source: .file(path: good, fields: BoundaryFields(cityName: "shi")))) {
            guard case let GeoError.missingField(path, field, _) = $0 else { return false }
            return path == good && field == "shi"
        }
        let empty = try scratch.write("empty.geojson", geoJSON([(county, nil)]))
        try expectNothingWritten(scratch, RegionSetup(source: .file(path: empty, fields: BoundaryFields()))) {
            $0 as? GeoError == .emptyGeometry(path: empty, feature: 1, code: "990101")
        }
        let point = try scratch.write("point.geojson", """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"adcode":"1","name":"a","city_adcode":"2","city_name":"b"},"geometry":{"type":"Point","coordinates":[116,40]}}]}
            """)
        try expectNothingWritten(scratch, RegionSetup(source: .file(path: point, fields: BoundaryFields()))) {
            $0 as? GeoError == .notPolygonal(path: point, feature: 1, code: "1", geometryType: "POINT")
        }
        var blank = county
        blank["name"] = " "
        let unnamed = try scratch.write("unnamed.geojson", geoJSON([(blank, square)]))
        try expectNothingWritten(scratch, RegionSetup(source: .file(path: unnamed, fields: BoundaryFields()))) {
            $0 as? GeoError == .emptyField(path: unnamed, feature: 1, field: "name")
        }
    }

    @Test("Counties drawn over each other, or a ring crossing itself, are refused by name; neighbours that only touch are not")
    func overlappingCounties() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        var neighbour = county
        (neighbour["adcode"], neighbour["name"]) = ("990102", "邻县")
        // The neighbour's square starts halfway across the first: half of each is claimed twice.
        let shifted = square.map { ($0.0 + 0.05, $0.1) }
        let overlapping = try scratch.write("overlap.geojson", geoJSON([(county, square), (neighbour, shifted)]))
        try expectNothingWritten(scratch, RegionSetup(source: .file(path: overlapping, fields: BoundaryFields()))) { error in
            guard case let ServiceError.overlappingCounties(a, b, km2, share) = error else { return false }
            // Measured where shares exceed whole cells: a lower bound of the true 47 km² (half of each).
            return a.hasPrefix("990101") && b.hasPrefix("990102") && km2 > 30 && km2 < 48 && share > 0.3
        }
        // A bow tie: the ring crosses itself.
        let bowTie = try scratch.write("bowtie.geojson", geoJSON([(county, [(116.0, 40.0), (116.1, 40.1), (116.1, 40.0), (116.0, 40.1)])]))
        try expectNothingWritten(scratch, RegionSetup(source: .file(path: bowTie, fields: BoundaryFields()))) {
            $0 as? GeoError == .invalidGeometry(path: bowTie, feature: 1, code: "990101")
        }
        let touching = try scratch.write("touch.geojson", geoJSON([(county, square), (neighbour, square.map { ($0.0 + 0.1, $0.1) })]))
        let region = try RegionSetup(source: .file(path: touching, fields: BoundaryFields())).run(into: SQLiteAddress(path: scratch.path("touch.sqlite")))
        #expect(region.counties.count == 2)
    }

    @Test("Boundaries outside China cover no cell")
    func outsideChina() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let far = try scratch.write("far.geojson", geoJSON([(county, [(-74.1, 40.6), (-73.9, 40.6), (-73.9, 40.8)])]))
        try expectNothingWritten(scratch, RegionSetup(source: .file(path: far, fields: BoundaryFields()))) {
            $0 as? ServiceError == .noCells(region: "far")
        }
    }

    @Test("A user file with its own field names loads, and its area is the polygon's")
    func customFields() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let props = ["code": "990101", "xian": "测试县", "shi_code": "990100", "shi": "测试市"]
        let file = try scratch.write("mine.geojson", geoJSON([(props, square)]))
        let fields = BoundaryFields(code: "code", name: "xian", cityCode: "shi_code", cityName: "shi")
        let region = try RegionSetup(source: .file(path: file, fields: fields)).run(into: SQLiteAddress(path: scratch.path("mine.sqlite")))
        #expect(region.name == "mine")
        #expect(region.counties == [AdminUnit(code: "990101", name: "测试县", level: .county, parentCode: "990100")])
        // 0.1° × 0.1° at 40°N ≈ 8.53 km × 11.1 km.
        let area = region.cells.reduce(0) { $0 + $1.areaInside } / 1e6
        #expect(abs(area - 94.8) < 1)
        #expect(abs(area - region.countyAreas["990101"]! / 1e6) < 1e-6)
    }
}
