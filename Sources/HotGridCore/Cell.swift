/// One cell of a loaded region: where it is, how much of it lies inside the region and who
/// answers for it.
///
/// The cell belongs to the city holding the largest share of its area, and to that city's
/// county holding the largest share, so the county always lies in the cell's city.
public struct Cell: Hashable, Sendable, Codable {
    public let id: CellID
    public let cityCode: String
    public let countyCode: String
    /// Centre of the whole cell, WGS84 degrees.
    public let longitude: Double
    public let latitude: Double
    /// Area of the cell inside the region, square metres (less than the full cell at the edge).
    public let areaInside: Double
    /// Area of the cell inside each county, square metres, largest first.
    public let countyShares: [CountyShare]

    public init(id: CellID, cityCode: String, countyCode: String, longitude: Double, latitude: Double,
                areaInside: Double, countyShares: [CountyShare]) {
        self.id = id
        self.cityCode = cityCode
        self.countyCode = countyCode
        self.longitude = longitude
        self.latitude = latitude
        self.areaInside = areaInside
        self.countyShares = countyShares
    }
}

/// The part of a cell that lies in one county.
public struct CountyShare: Hashable, Sendable, Codable {
    public let countyCode: String
    /// Square metres of the cell inside the county.
    public let area: Double

    public init(countyCode: String, area: Double) {
        self.countyCode = countyCode
        self.area = area
    }
}

/// A loaded region: its units and its cells at one resolution.
public struct Region: Sendable {
    /// What the user asked for, e.g. `2+26` or the boundaries file's name.
    public let name: String
    public let resolution: GridResolution
    public let cities: [AdminUnit]
    public let counties: [AdminUnit]
    /// County areas inside the region in square metres, by county code.
    public let countyAreas: [String: Double]
    /// Cells sorted by id; a cell's position here is its dense index for per-cell arrays.
    public let cells: [Cell]

    public init(name: String, resolution: GridResolution, cities: [AdminUnit], counties: [AdminUnit],
                countyAreas: [String: Double], cells: [Cell]) {
        self.name = name
        self.resolution = resolution
        self.cities = cities
        self.counties = counties
        self.countyAreas = countyAreas
        self.cells = cells
    }
}
