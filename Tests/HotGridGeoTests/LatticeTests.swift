import Testing
import HotGridCore
@testable import HotGridGeo

@Suite("Regular lattices")
struct LatticeTests {
    @Test("A rectangle's range covers exactly the lattice cells it meets")
    func range() throws {
        let lattice = Lattice(grid: GridSpec(resolution: .m3000))
        let rect = ProjectedRect(minX: GridSpec.originX + 4500, minY: GridSpec.originY - 7000,
                                 maxX: GridSpec.originX + 9100, maxY: GridSpec.originY - 3000)
        let range = try #require(lattice.range(covering: rect))
        #expect(range.columns == 1...3)
        #expect(range.rows == 1...2)
        #expect(lattice.range(covering: ProjectedRect(minX: -1e9, minY: -1e9, maxX: -1e8, maxY: -1e8)) == nil)
    }

    @Test("Pieces of a ring over a 1° lattice add up to the ring's area")
    func pieces() {
        let lattice = Lattice(minX: 110, maxY: 40, cellWidth: 1, cellHeight: 1, columns: 5, rows: 5)
        let ring = [ProjectedPoint(x: 110.5, y: 35.5), ProjectedPoint(x: 113.5, y: 35.5), ProjectedPoint(x: 113.5, y: 37.5)]
        var total = 0.0, pieces = 0
        lattice.forEachPiece(of: ring) { row, column, area in
            #expect((0..<5).contains(row) && (0..<5).contains(column))
            total += area
            pieces += 1
        }
        #expect(abs(total - 3) < 1e-12)
        #expect(pieces > 3)
    }
}
