/// A point in the grid's projected plane (Albers equal-area, metres).
public struct ProjectedPoint: Hashable, Sendable, Codable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }
}

/// An axis-aligned rectangle in the grid's projected plane (metres).
public struct ProjectedRect: Hashable, Sendable, Codable {
    public var minX: Double, minY: Double, maxX: Double, maxY: Double
    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX; self.minY = minY; self.maxX = maxX; self.maxY = maxY
    }
    public var center: ProjectedPoint { ProjectedPoint(x: (minX + maxX) / 2, y: (minY + maxY) / 2) }
    public var area: Double { (maxX - minX) * (maxY - minY) }
}

/// The national grid at one resolution: which cell holds a projected point and where a cell lies.
///
/// The grid lives in China's Albers equal-area projection (``albersProj4``) with a fixed origin,
/// a multiple of 3000 m, at the north-west corner of a frame that covers all of China
/// (7,200 km × 6,600 km). Rows count southwards, columns eastwards. Everything here is arithmetic;
/// converting to and from longitude/latitude is `HotGridGeo`'s job.
public struct GridSpec: Hashable, Sendable, Codable {
    /// The grid's CRS as a PROJ string (CGCS2000 and WGS84 agree to centimetres at this scale).
    public static let albersProj4 =
        "+proj=aea +lat_1=25 +lat_2=47 +lat_0=0 +lon_0=105 +datum=WGS84 +units=m +no_defs"
    /// West edge of column 0 in Albers metres.
    public static let originX = -3_600_000.0
    /// North edge of row 0 in Albers metres.
    public static let originY = 6_600_000.0
    /// Width and height of the national frame in metres.
    public static let frameWidth = 7_200_000.0
    public static let frameHeight = 6_600_000.0

    public let resolution: GridResolution

    public init(resolution: GridResolution) { self.resolution = resolution }

    private var size: Double { Double(resolution.meters) }

    /// Number of rows and columns of the national frame at this resolution.
    public var rowCount: Int { Int(Self.frameHeight / size) }
    public var columnCount: Int { Int(Self.frameWidth / size) }

    /// The cell containing `point`; nil outside the national frame. A point on a cell edge belongs
    /// to the cell east or south of it.
    public func cell(containing point: ProjectedPoint) -> CellID? {
        guard let row = row(containing: point.y), let column = column(containing: point.x) else { return nil }
        return CellID(resolution: resolution, row: row, column: column)
    }

    /// The row whose band holds northing `y`; nil outside the frame.
    public func row(containing y: Double) -> Int? {
        let r = ((Self.originY - y) / size).rounded(.down)
        guard r.isFinite, r >= 0, r < Double(rowCount) else { return nil }
        return Int(r)
    }

    /// The column whose band holds easting `x`; nil outside the frame.
    public func column(containing x: Double) -> Int? {
        let c = ((x - Self.originX) / size).rounded(.down)
        guard c.isFinite, c >= 0, c < Double(columnCount) else { return nil }
        return Int(c)
    }

    /// The projected square of the cell at `row`, `column`.
    public func bounds(row: Int, column: Int) -> ProjectedRect {
        let minX = Self.originX + Double(column) * size
        let maxY = Self.originY - Double(row) * size
        return ProjectedRect(minX: minX, minY: maxY - size, maxX: minX + size, maxY: maxY)
    }

    /// The projected square of `cell` (which may be of another resolution than this spec).
    public static func bounds(of cell: CellID) -> ProjectedRect {
        GridSpec(resolution: cell.resolution).bounds(row: cell.row, column: cell.column)
    }
}

/// A geographic position, WGS84 degrees.
public struct LonLat: Hashable, Sendable, Codable {
    public var longitude: Double
    public var latitude: Double
    public init(longitude: Double, latitude: Double) {
        self.longitude = longitude
        self.latitude = latitude
    }
}
