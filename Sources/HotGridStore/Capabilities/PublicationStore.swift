import HotGridCore

/// Published monthly lists: stored once, never changed, each later one correcting the one before.
public protocol PublicationStore: StoreLocated {
    /// Publishes `content` for `month` with the hotspot cells its page shows. When the month's
    /// latest publication has the same SHA-256 nothing is added and that one is returned (`isNew`
    /// false); otherwise a new publication is stored, naming the month's latest as the one it corrects.
    func publish(month: Month, content: String, sha256: String, hotspotCells: [CellID]) throws -> (publication: Publication, isNew: Bool)
    /// Publications, of one month or all, oldest first.
    func publications(month: Month?) throws -> [Publication]
    func publication(id: Int) throws -> Publication?
}

extension PublicationStore {
    /// Every publication, oldest first.
    public func publications() throws -> [Publication] { try publications(month: nil) }
}
