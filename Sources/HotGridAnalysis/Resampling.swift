import HotGridCore

extension ResamplingWeights {
    /// Each cell's area-weighted mean of the valid source pixels, NaN where the valid pixels cover
    /// less than `minimumCoverage` of the cell. `values` is one source band, row-major, with NaN
    /// wherever the pixel has no data.
    public func cellMeans(of values: UnsafeBufferPointer<Float>, minimumCoverage: Double) -> [Float] {
        var means = [Float](repeating: .nan, count: cellCount)
        for cell in 0..<cellCount {
            var weighted = 0.0, covered = 0.0
            for k in cellStart[cell]..<cellStart[cell + 1] {
                let v = values[Int(pixels[k])]
                guard !v.isNaN else { continue }
                weighted += Double(v) * areas[k]
                covered += areas[k]
            }
            if covered > 0, covered >= minimumCoverage * cellAreas[cell] {
                means[cell] = Float(weighted / covered)
            }
        }
        return means
    }
}
