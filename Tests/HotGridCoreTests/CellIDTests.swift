import Foundation
import Testing
@testable import HotGridCore

@Suite("Cell ids")
struct CellIDTests {
    @Test("An id prints as resolution, five-digit row and column", arguments: [
        (GridResolution.m3000, 1234, 5678, "3K-R01234-C05678"),
        (.m1000, 0, 7, "1K-R00000-C00007"),
        (.m500, 99_999, 12_345, "500M-R99999-C12345"),
    ])
    func format(resolution: GridResolution, row: Int, column: Int, text: String) throws {
        let id = try #require(CellID(resolution: resolution, row: row, column: column))
        #expect(id.description == text)
        #expect(CellID(text) == id)
    }

    @Test("Ids round-trip through text and JSON at every resolution", arguments: GridResolution.allCases)
    func roundTrip(resolution: GridResolution) throws {
        let grid = GridSpec(resolution: resolution)
        for (row, column) in [(0, 0), (1, 2), (grid.rowCount - 1, grid.columnCount - 1), (733, 1519)] {
            let id = try #require(CellID(resolution: resolution, row: row, column: column))
            #expect(CellID(id.description) == id)
            let json = try JSONEncoder().encode([id])
            #expect(try JSONDecoder().decode([CellID].self, from: json) == [id])
        }
    }

    @Test("Malformed ids are rejected", arguments: [
        "", "3K", "3K-R1-C2", "4K-R00001-C00001", "3K-R0000A-C00001", "3K-C00001-R00001",
        "3K-R00001-C00001-X", "3k-R00001-C00001", "3K-R-0001-C00001", "3K-R00001-C000001",
    ])
    func malformed(text: String) {
        #expect(CellID(text) == nil)
    }

    @Test("Rows and columns outside 0…99999 make no id")
    func outOfRange() {
        #expect(CellID(resolution: .m3000, row: -1, column: 0) == nil)
        #expect(CellID(resolution: .m3000, row: 0, column: 100_000) == nil)
    }

    @Test("Decoding a bad id names it")
    func decodingError() {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CellID].self, from: Data(#"["3K-oops"]"#.utf8)) }
    }

    @Test("Finer cells nest exactly: 9 one-kilometre and 36 half-kilometre cells per 3 km cell")
    func nesting() throws {
        let cell = try #require(CellID("3K-R00733-C01519"))
        for (finer, count) in [(GridResolution.m1000, 9), (.m500, 36)] {
            let children = cell.children(at: finer)
            #expect(children.count == count)
            #expect(Set(children).count == count)
            #expect(children.allSatisfy { $0.parent(at: .m3000) == cell })
            let parentBounds = GridSpec.bounds(of: cell)
            let area = children.map { GridSpec.bounds(of: $0).area }.reduce(0, +)
            #expect(area == parentBounds.area)
            for child in children {
                let b = GridSpec.bounds(of: child)
                #expect(b.minX >= parentBounds.minX && b.maxX <= parentBounds.maxX)
                #expect(b.minY >= parentBounds.minY && b.maxY <= parentBounds.maxY)
            }
        }
        #expect(cell.parent(at: .m500) == nil)
        #expect(cell.children(at: .m3000) == [cell])
    }

    @Test("Every 500 m cell lies inside exactly one 3 km cell")
    func everyHalfKilometreCellHasOneParent() throws {
        let fine = GridSpec(resolution: .m500), coarse = GridSpec(resolution: .m3000)
        for row in stride(from: 4400, to: 4460, by: 1) {
            for column in stride(from: 9100, to: 9130, by: 1) {
                let b = fine.bounds(row: row, column: column)
                // Candidates: every 3 km cell around the one holding the centre.
                let center = try #require(coarse.cell(containing: b.center))
                var containing: [CellID] = []
                for r in center.row - 1...center.row + 1 {
                    for c in center.column - 1...center.column + 1 {
                        let p = coarse.bounds(row: r, column: c)
                        if b.minX >= p.minX, b.maxX <= p.maxX, b.minY >= p.minY, b.maxY <= p.maxY {
                            containing.append(try #require(CellID(resolution: .m3000, row: r, column: c)))
                        }
                    }
                }
                let child = try #require(CellID(resolution: .m500, row: row, column: column))
                #expect(containing == [child.parent(at: .m3000)])
            }
        }
    }

    @Test("Ids sort coarse first, then north to south, west to east")
    func ordering() throws {
        let ids = ["500M-R00001-C00001", "3K-R00002-C00001", "3K-R00001-C00009", "1K-R00000-C00000"].compactMap(CellID.init)
        #expect(ids.sorted().map(\.description) == ["3K-R00001-C00009", "3K-R00002-C00001", "1K-R00000-C00000", "500M-R00001-C00001"])
    }
}
