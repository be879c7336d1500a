import Testing
import HotGridCore
@testable import HotGridGeo

@Suite("The national grid in longitude/latitude")
struct NationalGridTests {
    let grid = NationalGrid()
    let tiananmen = LonLat(longitude: 116.3975, latitude: 39.9087)

    @Test("The grid CRS puts the central meridian at x = 0")
    func projection() throws {
        let p = try grid.project([LonLat(longitude: 105, latitude: 35)])[0]
        #expect(abs(p.x) < 1e-6)
        let back = try grid.unproject([p])[0]
        #expect(abs(back.longitude - 105) < 1e-9 && abs(back.latitude - 35) < 1e-9)
    }

    @Test("A position's cell contains it, and the cell's centre maps back to the same cell", arguments: GridResolution.allCases)
    func roundTrip(resolution: GridResolution) throws {
        for position in [tiananmen, LonLat(longitude: 112.55, latitude: 37.87), LonLat(longitude: 121.47, latitude: 31.23)] {
            let cell = try grid.cell(at: position, resolution: resolution)
            let center = try grid.center(of: cell)
            #expect(try grid.cell(at: center, resolution: resolution) == cell)
            // The centre is within half a cell diagonal of the position.
            let offset = try grid.project([position, center])
            let distance = ((offset[0].x - offset[1].x) * (offset[0].x - offset[1].x)
                            + (offset[0].y - offset[1].y) * (offset[0].y - offset[1].y)).squareRoot()
            #expect(distance <= Double(resolution.meters) * 0.7072)
        }
    }

    @Test("A position's cells at the three resolutions nest")
    func nestedLookups() throws {
        let coarse = try grid.cell(at: tiananmen, resolution: .m3000)
        #expect(try grid.cell(at: tiananmen, resolution: .m1000).parent(at: .m3000) == coarse)
        #expect(try grid.cell(at: tiananmen, resolution: .m500).parent(at: .m3000) == coarse)
    }

    @Test("A cell's boundary is a closed counter-clockwise ring around its centre")
    func boundary() throws {
        let cell = try grid.cell(at: tiananmen, resolution: .m3000)
        let ring = try grid.boundary(of: cell)
        #expect(ring.count == 5)
        #expect(ring.first == ring.last)
        let points = ring.dropLast().map { ProjectedPoint(x: $0.longitude, y: $0.latitude) }
        #expect(RectangleClipper.signedArea(Array(points)) > 0)
        let lons = ring.map(\.longitude), lats = ring.map(\.latitude)
        #expect(lons.min()! < tiananmen.longitude && tiananmen.longitude < lons.max()!)
        #expect(lats.min()! < tiananmen.latitude && tiananmen.latitude < lats.max()!)
    }

    @Test("Positions outside China's frame or the globe are refused with their coordinates")
    func outside() {
        #expect(throws: GeoError.outsideNationalGrid(longitude: -74, latitude: 40.7)) {
            try grid.cell(at: LonLat(longitude: -74, latitude: 40.7), resolution: .m3000)
        }
        #expect(throws: GeoError.self) { try grid.cell(at: LonLat(longitude: 116, latitude: 95), resolution: .m3000) }
    }
}
