import HotGridCore

/// The yearly hotspot lists and the changes of their reviews.
public protocol HotspotStore: StoreLocated {
    /// Stores `list` (replacing that year's list) with the changes of its review against the list
    /// of year `reviewedAgainst`, all or nothing.
    func saveHotspotList(_ list: HotspotList, changes: [HotspotChange], reviewedAgainst: Int?) throws
    /// What changes when any hotspot list is selected or replaced.
    func hotspotListStamp() throws -> String
    /// The years that have a stored list, in order.
    func hotspotListYears() throws -> [Int]
    /// (year, rank, probability) of every stored list holding `cell`, by year.
    func hotspotRanks(cell: CellID) throws -> [(year: Int, rank: Int, probability: Double?)]
    /// The stored list of `year`; nil when none.
    func hotspotList(year: Int) throws -> HotspotList?
    /// The changes stored with `year`'s review, entering first, then leaving, then staying.
    func hotspotChanges(year: Int) throws -> [HotspotChange]
}

extension HotspotStore {
    /// Stores a list selected without a review.
    public func saveHotspotList(_ list: HotspotList) throws { try saveHotspotList(list, changes: [], reviewedAgainst: nil) }
}
