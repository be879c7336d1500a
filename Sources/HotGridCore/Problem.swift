/// The kind of problem an inspection finds, as the ministry's inspection tables count them.
public enum ProblemCategory: String, Sendable, Codable, CaseIterable {
    case vocs = "vocs_uncontrolled"
    case industrialDust = "industrial_fugitive_dust"
    case mineDust = "open_pit_mine_dust"
    case constructionDust = "construction_site_dust"
    case materialYardDust = "material_yard_dust"
    case openBurning = "open_burning"
    case boiler
    case scatteredWorkshop = "scattered_workshop"
    case other

    public var chineseName: String {
        switch self {
        case .vocs: "VOCs治理不到位"
        case .industrialDust: "工业企业无组织排放"
        case .mineDust: "露天矿山扬尘"
        case .constructionDust: "施工工地扬尘"
        case .materialYardDust: "物料堆场扬尘"
        case .openBurning: "露天焚烧"
        case .boiler: "锅炉"
        case .scatteredWorkshop: "散乱污企业"
        case .other: "其他"
        }
    }

    /// Days from finding to the rectification deadline unless the assigner sets another.
    public var defaultDeadlineDays: Int {
        switch self {
        case .openBurning: 1
        case .constructionDust, .materialYardDust: 7
        case .industrialDust, .other: 15
        case .vocs, .mineDust, .boiler, .scatteredWorkshop: 30
        }
    }
}

/// Where a problem stands.
public enum ProblemStatus: String, Sendable, Codable, CaseIterable {
    case reported, assigned, rectifying, submitted, verified
    case notResponsible = "not_responsible"
    case duplicate

    /// Closed problems are frozen: no action applies to them.
    public var isClosed: Bool { self == .verified || self == .duplicate }

    /// The status as the ledger's pages and sheets print it.
    public var chineseName: String {
        switch self {
        case .reported: "待交办"
        case .assigned: "已交办"
        case .rectifying: "整改中"
        case .submitted: "待核查"
        case .verified: "已办结"
        case .notResponsible: "退回（非本部门职责）"
        case .duplicate: "重复问题"
        }
    }
}

/// A move of a problem through its lifecycle. Every action carries a comment.
///
///     reported ─assign→ assigned ─accept→ rectifying ─submit→ submitted ─verify→ verified (closed)
///                        │   ▲                 ▲                  │
///                  decline   reassign          └──── return ──────┘
///                        ▼   │
///                   not_responsible
///     reported | assigned | not_responsible ─mark_duplicate→ duplicate (closed)
///     assigned | rectifying ─extend→ the same status, with a later deadline (延期)
public enum ProblemAction: String, Sendable, Codable, CaseIterable {
    case assign, accept, decline, reassign, submit, verify
    case returnForRework = "return"
    case markDuplicate = "mark_duplicate"
    /// More time for the rectification: a later deadline, granted with its reason, the status unchanged.
    case extend

    /// The status after this action from `status`; nil when the action does not apply there.
    public func next(from status: ProblemStatus) -> ProblemStatus? {
        switch (self, status) {
        case (.assign, .reported), (.reassign, .notResponsible): .assigned
        case (.accept, .assigned), (.returnForRework, .submitted): .rectifying
        case (.decline, .assigned): .notResponsible
        case (.submit, .rectifying): .submitted
        case (.verify, .submitted): .verified
        case (.markDuplicate, .reported), (.markDuplicate, .assigned), (.markDuplicate, .notResponsible): .duplicate
        case (.extend, .assigned), (.extend, .rectifying): status
        default: nil
        }
    }

    /// The action as the ledger's pages print it.
    public var chineseName: String {
        switch self {
        case .assign: "交办"
        case .accept: "接收整改"
        case .decline: "退回（非本部门职责）"
        case .reassign: "重新交办"
        case .submit: "提交核查"
        case .verify: "核查销号"
        case .returnForRework: "退回整改"
        case .markDuplicate: "标记为重复"
        case .extend: "延期"
        }
    }

    /// The actions possible from `status`.
    public static func available(from status: ProblemStatus) -> [ProblemAction] {
        allCases.filter { $0.next(from: status) != nil }
    }
}

/// A problem found in a cell, with where it stands.
public struct Problem: Hashable, Sendable, Codable {
    public let id: Int
    public let cell: CellID
    public let sourceID: Int?
    public let category: ProblemCategory
    public let description: String
    public let position: LonLat
    public let foundBy: Int
    public let foundOn: Day
    /// The warning month whose inspection found it, if any.
    public let warningMonth: Month?
    public var department: String?
    public var deadline: Day?
    public var status: ProblemStatus
    public var duplicateOf: Int?

    public init(id: Int, cell: CellID, sourceID: Int?, category: ProblemCategory, description: String, position: LonLat,
                foundBy: Int, foundOn: Day, warningMonth: Month?, department: String? = nil, deadline: Day? = nil,
                status: ProblemStatus = .reported, duplicateOf: Int? = nil) {
        self.id = id
        self.cell = cell
        self.sourceID = sourceID
        self.category = category
        self.description = description
        self.position = position
        self.foundBy = foundBy
        self.foundOn = foundOn
        self.warningMonth = warningMonth
        self.department = department
        self.deadline = deadline
        self.status = status
        self.duplicateOf = duplicateOf
    }

    /// Past its deadline and not yet handed in for verification (or closed) on `day`.
    public func isOverdue(on day: Day) -> Bool {
        guard let deadline, [.assigned, .rectifying, .notResponsible].contains(status) else { return false }
        return day > deadline
    }
}

/// One step of a problem's history (its record, then every action).
public struct ProblemEvent: Hashable, Sendable, Codable {
    public let problemID: Int
    /// nil for the record itself.
    public let action: ProblemAction?
    public let from: ProblemStatus?
    public let to: ProblemStatus
    public let actor: Int
    /// ISO 8601 UTC.
    public let at: String
    public let comment: String
    /// SHA-256 of the evidence files attached with this step.
    public let evidence: [String]

    public init(problemID: Int, action: ProblemAction?, from: ProblemStatus?, to: ProblemStatus, actor: Int, at: String,
                comment: String, evidence: [String]) {
        self.problemID = problemID
        self.action = action
        self.from = from
        self.to = to
        self.actor = actor
        self.at = at
        self.comment = comment
        self.evidence = evidence
    }
}
