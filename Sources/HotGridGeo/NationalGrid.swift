import HotGridCore

/// The national grid in geographic terms: longitude/latitude → cell, a cell's centre and boundary
/// in WGS84. The vocabulary follows H3 (`cell(at:)`, `center(of:)`, `boundary(of:)`).
///
/// Holds PROJ transformations, which are not thread-safe: make one per task.
public final class NationalGrid {
    private let toGrid: CoordinateTransformation
    private let toWGS84: CoordinateTransformation

    public init() {
        let wgs84 = SpatialReference.wgs84(), albers = SpatialReference.nationalGrid()
        // Both CRSs are constants; PROJ always builds this pair.
        toGrid = try! CoordinateTransformation(from: wgs84, to: albers)
        toWGS84 = try! CoordinateTransformation(from: albers, to: wgs84)
    }

    /// Projects WGS84 positions to the grid plane (Albers metres).
    public func project(_ positions: [LonLat]) throws -> [ProjectedPoint] {
        var points = positions.map { ProjectedPoint(x: $0.longitude, y: $0.latitude) }
        try toGrid.transform(&points)
        return points
    }

    /// Unprojects grid-plane points to WGS84 positions.
    public func unproject(_ points: [ProjectedPoint]) throws -> [LonLat] {
        var copy = points
        try toWGS84.transform(&copy)
        return copy.map { LonLat(longitude: $0.x, latitude: $0.y) }
    }

    /// The cell at `resolution` containing `position`.
    public func cell(at position: LonLat, resolution: GridResolution) throws -> CellID {
        guard (-180...180).contains(position.longitude), (-90...90).contains(position.latitude),
              let point = try? project([position]).first,
              let id = GridSpec(resolution: resolution).cell(containing: point)
        else { throw GeoError.outsideNationalGrid(longitude: position.longitude, latitude: position.latitude) }
        return id
    }

    /// Centres of `cells` in WGS84, in the same order.
    public func centers(of cells: [CellID]) throws -> [LonLat] {
        try unproject(cells.map { GridSpec.bounds(of: $0).center })
    }

    /// The centre of `cell` in WGS84.
    public func center(of cell: CellID) throws -> LonLat { try centers(of: [cell])[0] }

    /// The cell's square as a closed WGS84 ring (south-west, south-east, north-east, north-west,
    /// south-west: counter-clockwise, as RFC 7946 asks). Edges are straight in Albers; at 3 km
    /// their curvature in lon/lat is far below a metre.
    public func boundary(of cell: CellID) throws -> [LonLat] {
        let b = GridSpec.bounds(of: cell)
        let corners = [
            ProjectedPoint(x: b.minX, y: b.minY), ProjectedPoint(x: b.maxX, y: b.minY),
            ProjectedPoint(x: b.maxX, y: b.maxY), ProjectedPoint(x: b.minX, y: b.maxY),
        ]
        let ring = try unproject(corners)
        return ring + [ring[0]]
    }
}
