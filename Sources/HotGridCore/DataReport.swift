/// A member of the public's report that a published figure or list is wrong ("report a data
/// error"). It is routed to a named officer of the cell's city, who answers it from the workspace.
public struct DataReport: Sendable, Equatable, Codable {
    /// Open until the officer answers.
    public enum Status: String, Sendable, Codable, CaseIterable {
        case open, answered
    }

    public let id: Int
    /// The cell the report is about, when the reporter named one.
    public let cell: CellID?
    /// The city whose officer answers it.
    public let cityCode: String
    public let message: String
    /// How to reach the reporter, if they left a way; shown to staff only.
    public let contact: String?
    /// ISO 8601 time of submission (UTC).
    public let submittedAt: String
    /// The officer it was routed to; nil when the region has no staff yet.
    public let officer: Int?
    public let status: Status
    public let answer: String?
    public let answeredBy: Int?
    public let answeredAt: String?

    public init(id: Int, cell: CellID?, cityCode: String, message: String, contact: String?, submittedAt: String, officer: Int?,
                status: Status = .open, answer: String? = nil, answeredBy: Int? = nil, answeredAt: String? = nil) {
        self.id = id
        self.cell = cell
        self.cityCode = cityCode
        self.message = message
        self.contact = contact
        self.submittedAt = submittedAt
        self.officer = officer
        self.status = status
        self.answer = answer
        self.answeredBy = answeredBy
        self.answeredAt = answeredAt
    }
}
