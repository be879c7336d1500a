/// How a source raster's pixels cover a region's cells: for each cell (in the region's dense
/// cell order) the pixels that overlap it and the overlapping area, in the source CRS's units.
///
/// Stored compressed by cell (CSR): the pixels of cell `c` are
/// `pixels[cellStart[c] ..< cellStart[c + 1]]`, with `areas` alongside. `cellAreas[c]` is the
/// cell's whole area in the same units, so covered fractions follow.
public struct ResamplingWeights: Sendable, Equatable {
    public let cellStart: [Int]
    /// Row-major pixel index in the source band (`row * width + column`).
    public let pixels: [Int32]
    public let areas: [Double]
    public let cellAreas: [Double]

    public init(cellStart: [Int], pixels: [Int32], areas: [Double], cellAreas: [Double]) {
        self.cellStart = cellStart
        self.pixels = pixels
        self.areas = areas
        self.cellAreas = cellAreas
    }

    public var cellCount: Int { cellAreas.count }

    /// Cells that at least one source pixel overlaps.
    public var coveredCellCount: Int { (0..<cellCount).filter { cellStart[$0 + 1] > cellStart[$0] }.count }
}
