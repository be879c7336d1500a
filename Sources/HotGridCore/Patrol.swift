/// A grid supervisor's patrol of a cell: who, when, what was found (possibly nothing).
public struct Patrol: Hashable, Sendable, Codable {
    public let id: Int
    public let cell: CellID
    public let person: Int
    public let day: Day
    public let findings: String
    /// SHA-256 of the GPS track and photos stored with it.
    public let attachments: [String]

    public init(id: Int, cell: CellID, person: Int, day: Day, findings: String, attachments: [String]) {
        self.id = id
        self.cell = cell
        self.person = person
        self.day = day
        self.findings = findings
        self.attachments = attachments
    }
}

/// The inspection of one source of a warned cell for a warning month: "one cell, one problem list".
public struct Inspection: Hashable, Sendable, Codable {
    public let id: Int
    public let cell: CellID
    public let month: Month
    public let sourceID: Int
    public let inspector: Int
    public let day: Day
    /// What the inspector saw; problems found are recorded as problems linked to the source and month.
    public let note: String

    public init(id: Int, cell: CellID, month: Month, sourceID: Int, inspector: Int, day: Day, note: String) {
        self.id = id
        self.cell = cell
        self.month = month
        self.sourceID = sourceID
        self.inspector = inspector
        self.day = day
        self.note = note
    }
}

/// A stored file (photo, GPS track, document), named by the SHA-256 of its bytes.
public struct Attachment: Hashable, Sendable, Codable {
    public let sha256: String
    public let fileName: String
    public let byteCount: Int

    public init(sha256: String, fileName: String, byteCount: Int) {
        self.sha256 = sha256
        self.fileName = fileName
        self.byteCount = byteCount
    }
}
