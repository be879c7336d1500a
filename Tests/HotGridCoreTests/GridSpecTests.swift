import Testing
@testable import HotGridCore

@Suite("The national grid's arithmetic")
struct GridSpecTests {
    @Test("The origin is a multiple of 3000 m, so every resolution shares cell edges")
    func origin() {
        #expect(GridSpec.originX.truncatingRemainder(dividingBy: 3000) == 0)
        #expect(GridSpec.originY.truncatingRemainder(dividingBy: 3000) == 0)
    }

    @Test("A point falls in the cell whose square holds it", arguments: GridResolution.allCases)
    func pointInCell(resolution: GridResolution) throws {
        let grid = GridSpec(resolution: resolution)
        for point in [ProjectedPoint(x: 1_234_567.8, y: 4_321_098.7), ProjectedPoint(x: -2_000_001, y: 2_500_000.5)] {
            let id = try #require(grid.cell(containing: point))
            let b = grid.bounds(row: id.row, column: id.column)
            #expect(b.minX <= point.x && point.x < b.maxX)
            #expect(b.minY < point.y && point.y <= b.maxY)
            #expect(b.area == resolution.cellArea)
        }
    }

    @Test("A point on an edge belongs to the cell east or south of it")
    func edges() throws {
        let grid = GridSpec(resolution: .m3000)
        let corner = ProjectedPoint(x: GridSpec.originX + 3000 * 10, y: GridSpec.originY - 3000 * 20)
        let id = try #require(grid.cell(containing: corner))
        #expect(id.row == 20 && id.column == 10)
    }

    @Test("Points outside the national frame have no cell")
    func outside() {
        let grid = GridSpec(resolution: .m3000)
        #expect(grid.cell(containing: ProjectedPoint(x: GridSpec.originX - 1, y: 4_000_000)) == nil)
        #expect(grid.cell(containing: ProjectedPoint(x: 0, y: GridSpec.originY + 1)) == nil)
        #expect(grid.cell(containing: ProjectedPoint(x: .nan, y: 0)) == nil)
    }
}
