import HotGridCore

/// The region: its cities, counties and cells, fixed when the store is created.
public protocol RegionStore: StoreLocated {
    /// The region's name, cell size and coordinate system.
    func regionInfo() throws -> RegionInfo
    func cities() throws -> [AdminUnit]
    func counties() throws -> [AdminUnit]
    /// Every cell in dense-index order, with its county shares.
    func cells() throws -> [Cell]
    /// Number of cells of the region (the length of every daily cube).
    func cellCount() throws -> Int
    /// One line per city: cells assigned, area inside the region, counties.
    func citySummaries() throws -> [CitySummary]
}
