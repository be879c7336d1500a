import Testing
import HotGridCore
@testable import HotGridAnalysis

@Suite("Area-weighted cell means")
struct ResamplingTests {
    // Cell 0: pixels 0 and 1, half each. Cell 1: pixel 2 covers a quarter of it. Cell 2: no pixel.
    let weights = ResamplingWeights(cellStart: [0, 2, 3, 3], pixels: [0, 1, 2], areas: [0.5, 0.5, 0.25], cellAreas: [1, 1, 1])

    @Test("A pixel half inside a cell counts half")
    func halves() {
        let means = [Float(10), 30, 7].withUnsafeBufferPointer { weights.cellMeans(of: $0, minimumCoverage: 0.2) }
        #expect(means[0] == 20)
        #expect(means[1] == 7)
        #expect(means[2].isNaN)
    }

    @Test("Pixels without data stay out, and too little coverage makes the cell missing")
    func coverage() {
        let values: [Float] = [.nan, 30, 7]
        let lenient = values.withUnsafeBufferPointer { weights.cellMeans(of: $0, minimumCoverage: 0.5) }
        #expect(lenient[0] == 30)
        #expect(lenient[1].isNaN)
        let strict = values.withUnsafeBufferPointer { weights.cellMeans(of: $0, minimumCoverage: 0.51) }
        #expect(strict[0].isNaN)
        #expect(weights.coveredCellCount == 2)
    }
}
