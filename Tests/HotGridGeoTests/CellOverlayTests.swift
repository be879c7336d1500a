import Testing
import HotGridCore
@testable import HotGridGeo

@Suite("Boundary → cell overlay")
struct CellOverlayTests {
    let x0 = GridSpec.originX + 3000 * 1500
    let y0 = GridSpec.originY - 3000 * 700

    private func rect(_ minX: Double, _ minY: Double, _ maxX: Double, _ maxY: Double) -> Polygon {
        Polygon(rect: ProjectedRect(minX: x0 + minX, minY: y0 + minY, maxX: x0 + maxX, maxY: y0 + maxY))
    }

    @Test("A rectangle 1.5 cells from a cell edge covers half, whole, half cells")
    func halfCells() throws {
        let grid = GridSpec(resolution: .m3000)
        let areas = CellOverlay.coveredAreas(of: [rect(1500, -3000, 7500, 0)], grid: grid)
        let cells = areas.keys.sorted()
        #expect(cells.map(\.row) == [700, 700, 700])
        #expect(cells.map(\.column) == [1500, 1501, 1502])
        #expect(cells.map { areas[$0]! } == [4_500_000, 9_000_000, 4_500_000])
    }

    @Test("A triangle's cell areas sum to its area, and a cell it misses gets nothing")
    func triangleSums() {
        let grid = GridSpec(resolution: .m1000)
        let triangle = Polygon(rings: [[
            ProjectedPoint(x: x0 + 100, y: y0 - 9000), ProjectedPoint(x: x0 + 8700, y: y0 - 8500),
            ProjectedPoint(x: x0 + 300, y: y0 - 200),
        ]])
        let areas = CellOverlay.coveredAreas(of: [triangle], grid: grid)
        let total = areas.values.reduce(0, +)
        #expect(abs(total - triangle.area) < 1e-3)
        #expect(areas.values.allSatisfy { $0 > 0 && $0 <= 1_000_000 + 1e-6 })
        // The cell in the far upper-right corner lies outside the triangle.
        let corner = CellID(resolution: .m1000, row: 700 * 3, column: 1500 * 3 + 8)!
        #expect(areas[corner] == nil)
    }

    @Test("A hole leaves its cells out and multipart polygons add up")
    func holesAndParts() throws {
        let grid = GridSpec(resolution: .m3000)
        var frame = rect(0, -9000, 9000, 0)
        frame.rings.append(rect(3000, -6000, 6000, -3000).rings[0])
        let island = rect(3000, -6000, 6000, -3000) // fills the hole again as a second part
        let holed = CellOverlay.coveredAreas(of: [frame], grid: grid)
        #expect(holed.count == 8)
        let middle = try #require(CellID(resolution: .m3000, row: 701, column: 1501))
        #expect(holed[middle] == nil)
        let filled = CellOverlay.coveredAreas(of: [frame, island], grid: grid)
        #expect(filled.count == 9)
        #expect(filled.values.allSatisfy { abs($0 - 9_000_000) < 1e-6 })
    }
}
