import Testing
import HotGridCore
@testable import HotGridService

@Suite("Choosing hotspot cells from an index")
struct SelectionPolicyTests {
    /// 20 cells: city A has 15, city B has 5; the index falls with the column, B's cells score low.
    let cells = (0..<20).map { i in
        Cell(id: CellID(resolution: .m3000, row: 700, column: 1500 + i)!, cityCode: i < 15 ? "A" : "B", countyCode: i < 15 ? "A1" : "B1",
             longitude: 114, latitude: 38, areaInside: 9e6, countyShares: [])
    }
    var index: [Double] { (0..<20).map { Double(100 - $0) } }

    @Test("Regional: one ranking over the region, the heaviest first, NaN left out")
    func regional() {
        var values = index
        values[0] = .nan
        let chosen = HotspotSelection.choose(cells: cells, index: values, share: 0.2, count: nil, policy: .regional)
        #expect(chosen == [1, 2, 3, 4])
        #expect(HotspotSelection.choose(cells: cells, index: values, share: 0.2, count: 2, policy: .regional) == [1, 2])
    }

    @Test("Per city: the same share of every city, at least one cell each")
    func perCity() {
        let chosen = HotspotSelection.choose(cells: cells, index: index, share: 0.2, count: nil, policy: .perCity)
        #expect(chosen == [0, 1, 2, 15])
    }

    @Test("Ties go to the smaller cell id")
    func ties() {
        let flat = [Double](repeating: 5, count: 20)
        #expect(HotspotSelection.choose(cells: cells, index: flat, share: 0.1, count: nil, policy: .regional) == [0, 1])
    }
}
