import Testing
import HotGridCore
import HotGridGeo
@testable import HotGridService

@Suite("Assigning cells to cities and counties")
struct RegionBuilderTests {
    let x0 = GridSpec.originX + 3000 * 1500
    let y0 = GridSpec.originY - 3000 * 700

    private func county(_ code: String, city: String, _ rects: [(Double, Double, Double, Double)]) -> CountyBoundary {
        CountyBoundary(
            county: AdminUnit(code: code, name: "county \(code)", level: .county, parentCode: city),
            city: AdminUnit(code: city, name: "city \(city)", level: .city),
            polygons: rects.map { Polygon(rect: ProjectedRect(minX: x0 + $0.0, minY: y0 + $0.1, maxX: x0 + $0.2, maxY: y0 + $0.3)) })
    }

    @Test("Shares are measured exactly and the largest share owns the cell")
    func knownShares() throws {
        // A: 0…4000 m, B: 4000…9000 m, both one row high, in different cities.
        let a = county("000001", city: "100000", [(0, -3000, 4000, 0)])
        let b = county("000002", city: "200000", [(4000, -3000, 9000, 0)])
        let region = try RegionBuilder.build(name: "test", counties: [a, b], resolution: .m3000, progress: SilentProgress())
        #expect(region.cells.map(\.id.column) == [1500, 1501, 1502])
        #expect(region.cells.map(\.countyCode) == ["000001", "000002", "000002"])
        #expect(region.cells.map(\.cityCode) == ["100000", "200000", "200000"])
        let middle = region.cells[1]
        #expect(middle.countyShares == [CountyShare(countyCode: "000002", area: 6e6), CountyShare(countyCode: "000001", area: 3e6)])
        #expect(middle.areaInside == 9e6)
        #expect(region.countyAreas == ["000001": 12e6, "000002": 15e6])
        #expect(region.cells.reduce(0) { $0 + $1.areaInside } == 27e6)
    }

    @Test("A cell is the city's first, then that city's county with the largest share")
    func cityBeforeCounty() throws {
        // One cell: city 1 holds 2 + 2.5 = 4.5 km² in two counties, city 2 holds one county of 3 km².
        let c1 = county("000011", city: "100000", [(0, -3000, 2000 / 3, 0)])
        let c2 = county("000012", city: "100000", [(2000 / 3, -3000, 2000 / 3 + 2500 / 3, 0)])
        let c3 = county("000021", city: "200000", [(2000 / 3 + 2500 / 3, -3000, 2000 / 3 + 2500 / 3 + 1000, 0)])
        let region = try RegionBuilder.build(name: "t", counties: [c1, c2, c3], resolution: .m3000, progress: SilentProgress())
        #expect(region.cells.count == 1)
        #expect(region.cells[0].cityCode == "100000")
        #expect(region.cells[0].countyCode == "000012")
    }

    @Test("A county too small to own a cell by majority still gets the cell where its share is largest")
    func smallCountyGetsACell() throws {
        let big = county("000001", city: "100000", [(0, -6000, 9000, 0)])
        // 1 km² straddling two cells of the big county's six: 0.6 km² in the first, 0.4 km² in the second.
        let small = county("000002", city: "100000", [(2400, -2000, 3400, -1000)])
        var bigMinusSmall = big
        bigMinusSmall.polygons[0].rings.append(small.polygons[0].rings[0])
        let region = try RegionBuilder.build(name: "t", counties: [bigMinusSmall, small], resolution: .m3000,
                                             progress: SilentProgress())
        #expect(region.cells.count == 6)
        let owned = region.cells.filter { $0.countyCode == "000002" }
        #expect(owned.map(\.id.column) == [1500])
        #expect(owned[0].countyShares.contains(CountyShare(countyCode: "000002", area: 600_000)))
    }

    @Test("Boundaries that miss the grid entirely are refused")
    func nothingOverlaps() {
        #expect(throws: ServiceError.noCells(region: "t")) {
            try RegionBuilder.build(name: "t", counties: [], resolution: .m3000, progress: SilentProgress())
        }
    }
}
