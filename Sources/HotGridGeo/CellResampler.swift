import HotGridCore

/// Exact coverage of grid cells by a source raster's pixels, the way exactextract computes it:
/// each cell's square, with its edges densified, is projected into the raster's CRS and clipped
/// against every pixel it meets.
public enum CellResampler {
    /// Points per cell edge: enough that a 3 km square's curved image in lon/lat stays exact to
    /// far below a pixel.
    static let pointsPerEdge = 4

    /// Weights for `cells` (in the region's dense order) over `raster`'s pixels, whose CRS is `crs`.
    public static func weights(cells: [CellID], raster: RasterFile, crs: SpatialReference) throws -> ResamplingWeights {
        let lattice = try raster.lattice()
        let toSource = try CoordinateTransformation(from: .nationalGrid(), to: crs)
        let n = pointsPerEdge
        var points: [ProjectedPoint] = []
        points.reserveCapacity(cells.count * 4 * n)
        for cell in cells {
            let b = GridSpec.bounds(of: cell)
            let corners = [(b.minX, b.minY), (b.maxX, b.minY), (b.maxX, b.maxY), (b.minX, b.maxY), (b.minX, b.minY)]
            for edge in 0..<4 {
                let (x0, y0) = corners[edge], (x1, y1) = corners[edge + 1]
                for k in 0..<n {
                    let t = Double(k) / Double(n)
                    points.append(ProjectedPoint(x: x0 + t * (x1 - x0), y: y0 + t * (y1 - y0)))
                }
            }
        }
        try toSource.transform(&points)

        var cellStart = [0], pixels: [Int32] = [], areas: [Double] = [], cellAreas: [Double] = []
        cellStart.reserveCapacity(cells.count + 1)
        cellAreas.reserveCapacity(cells.count)
        let southUp = raster.isSouthUp
        for c in cells.indices {
            let ring = Array(points[(c * 4 * n)..<((c + 1) * 4 * n)])
            let ringArea = RectangleClipper.signedArea(ring)
            let sign: Double = ringArea >= 0 ? 1 : -1
            cellAreas.append(abs(ringArea))
            lattice.forEachPiece(of: ring) { row, column, area in
                let storedRow = southUp ? lattice.rows - 1 - row : row
                pixels.append(Int32(storedRow * lattice.columns + column))
                areas.append(sign * area)
            }
            cellStart.append(pixels.count)
        }
        return ResamplingWeights(cellStart: cellStart, pixels: pixels, areas: areas, cellAreas: cellAreas)
    }
}
