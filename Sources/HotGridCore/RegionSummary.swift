import Foundation

/// What a database holds, in one line: which region, at which cell size, made when.
public struct RegionInfo: Hashable, Sendable, Codable {
    public let name: String
    public let resolution: GridResolution
    public let createdAt: Date

    public init(name: String, resolution: GridResolution, createdAt: Date) {
        self.name = name
        self.resolution = resolution
        self.createdAt = createdAt
    }
}

/// One city's line in the region summary.
public struct CitySummary: Hashable, Sendable, Codable {
    public let code: String
    public let name: String
    /// Cells assigned to the city (the city holds the largest share of each).
    public let cells: Int
    /// The city's area inside the region, square metres.
    public let area: Double
    public let counties: Int
    /// Counties of the city that are assigned no cell (only possible for units smaller than a cell).
    public let countiesWithoutCells: Int

    public init(code: String, name: String, cells: Int, area: Double, counties: Int, countiesWithoutCells: Int) {
        self.code = code
        self.name = name
        self.cells = cells
        self.area = area
        self.counties = counties
        self.countiesWithoutCells = countiesWithoutCells
    }
}
