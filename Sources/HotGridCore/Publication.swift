/// A monthly warning list made public: frozen content with its time and SHA-256. Publishing a
/// month again makes a correction that names the publication it replaces; both stay retrievable.
public struct Publication: Hashable, Sendable, Codable {
    /// 1, 2, 3 … in order of publication.
    public let id: Int
    public let month: Month
    /// When it was published, ISO 8601 UTC.
    public let publishedAt: String
    /// Hex SHA-256 of `content`: anyone can check a downloaded list against it.
    public let sha256: String
    /// The publication this one corrects; nil for a month's first.
    public let replaces: Int?
    /// The public list as CSV (UTF-8).
    public let content: String
    /// The cells of the hotspot list the month's warnings were chosen from, as it stood when
    /// published: the page's map shades them. nil for publications made before HotGrid stored
    /// them, whose map shades the list as it stands now.
    public let hotspotCells: [CellID]?

    public init(id: Int, month: Month, publishedAt: String, sha256: String, replaces: Int?, content: String, hotspotCells: [CellID]? = nil) {
        self.id = id
        self.month = month
        self.publishedAt = publishedAt
        self.sha256 = sha256
        self.replaces = replaces
        self.content = content
        self.hotspotCells = hotspotCells
    }
}
