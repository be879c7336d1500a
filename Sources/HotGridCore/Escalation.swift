/// What an escalation sets in motion.
public enum EscalationAction: String, Sendable, Codable, CaseIterable {
    /// The cell is named in a public notice (通报).
    case publicNotice = "public_notice"
    /// A working group is sent to the county (派驻工作组).
    case workingGroup = "working_group"
    /// The county head is interviewed in public (公开约谈).
    case countyHeadInterview = "county_head_interview"
    /// The city interviews the cell's grid leader (约谈网格长), as in Cangzhou.
    case gridLeaderInterview = "grid_leader_interview"

    public var chineseName: String {
        switch self {
        case .publicNotice: "通报"
        case .workingGroup: "派驻工作组"
        case .countyHeadInterview: "公开约谈区县政府负责人"
        case .gridLeaderInterview: "约谈网格长"
        }
    }
}

/// An escalation rule, read from a rules file: when a cell's warnings add up to it, the actions follow.
public struct EscalationRule: Hashable, Sendable, Codable {
    /// When the rule holds for a cell in a month.
    public enum Condition: Hashable, Sendable {
        /// Warned in each of the last `months` months (this month included).
        case consecutive(months: Int)
        /// Warned at least `times` times in the last `window` months (this month included).
        case count(times: Int, window: Int)
    }

    /// Where the rule applies.
    public enum Scope: Hashable, Sendable {
        case region
        /// Cells of one city (a local rule), by city code.
        case city(String)

        public func applies(toCityCode code: String) -> Bool {
            switch self {
            case .region: true
            case let .city(c): c == code
            }
        }
    }

    /// A short unique name, printed with every escalation it fires.
    public let name: String
    public let condition: Condition
    public let scope: Scope
    public let actions: [EscalationAction]

    public init(name: String, condition: Condition, scope: Scope, actions: [EscalationAction]) {
        self.name = name
        self.condition = condition
        self.scope = scope
        self.actions = actions
    }

    /// How many months back (this month included) the rule looks.
    public var span: Int {
        switch condition {
        case let .consecutive(n): n
        case let .count(_, w): w
        }
    }

    /// The ministry's rules: warned 3 months running, or 6 times within 12 months.
    public static let defaults: [EscalationRule] = [
        EscalationRule(name: "consecutive-3", condition: .consecutive(months: 3), scope: .region,
                       actions: [.publicNotice, .workingGroup, .countyHeadInterview]),
        EscalationRule(name: "count-6-in-12", condition: .count(times: 6, window: 12), scope: .region,
                       actions: [.publicNotice, .workingGroup, .countyHeadInterview]),
    ]

    // The rules file form: {"name", "type": "consecutive"|"count", "months" | "times"+"window", "scope", "actions"}.
    private enum CodingKeys: String, CodingKey { case name, type, months, times, window, scope, actions }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        guard !name.isEmpty else {
            throw DecodingError.dataCorruptedError(forKey: .name, in: c, debugDescription: "a rule needs a non-empty name")
        }
        switch try c.decode(String.self, forKey: .type) {
        case "consecutive":
            let months = try c.decode(Int.self, forKey: .months)
            guard (1...120).contains(months) else {
                throw DecodingError.dataCorruptedError(forKey: .months, in: c, debugDescription: "months must be 1 to 120 (got \(months))")
            }
            condition = .consecutive(months: months)
        case "count":
            let times = try c.decode(Int.self, forKey: .times), window = try c.decode(Int.self, forKey: .window)
            guard (1...120).contains(window), (1...window).contains(times) else {
                throw DecodingError.dataCorruptedError(forKey: .times, in: c,
                    debugDescription: "times must be 1 to window and window 1 to 120 (got \(times) in \(window))")
            }
            condition = .count(times: times, window: window)
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .type, in: c,
                debugDescription: "type must be \"consecutive\" or \"count\" (got \"\(other)\")")
        }
        let scope = try c.decodeIfPresent(String.self, forKey: .scope) ?? "region"
        guard scope == "region" || (scope.count == 6 && scope.allSatisfy(\.isNumber)) else {
            throw DecodingError.dataCorruptedError(forKey: .scope, in: c,
                debugDescription: "scope must be \"region\" or a 6-digit city code (got \"\(scope)\")")
        }
        self.scope = scope == "region" ? .region : .city(scope)
        let names = try c.decode([String].self, forKey: .actions)
        actions = try names.map { name in
            guard let action = EscalationAction(rawValue: name) else {
                throw DecodingError.dataCorruptedError(forKey: .actions, in: c, debugDescription:
                    "unknown action \"\(name)\"; use \(EscalationAction.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return action
        }
        guard !actions.isEmpty else {
            throw DecodingError.dataCorruptedError(forKey: .actions, in: c, debugDescription: "a rule needs at least one action")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        switch condition {
        case let .consecutive(months):
            try c.encode("consecutive", forKey: .type)
            try c.encode(months, forKey: .months)
        case let .count(times, window):
            try c.encode("count", forKey: .type)
            try c.encode(times, forKey: .times)
            try c.encode(window, forKey: .window)
        }
        switch scope {
        case .region: try c.encode("region", forKey: .scope)
        case let .city(code): try c.encode(code, forKey: .scope)
        }
        try c.encode(actions.map(\.rawValue), forKey: .actions)
    }
}

/// A rule fired for a cell in a month: it holds now and did not the month before.
public struct Escalation: Hashable, Sendable, Codable {
    public let cell: CellID
    public let month: Month
    /// The rule's name.
    public let rule: String
    /// The run of consecutive warned months ending this month.
    public let consecutiveMonths: Int
    /// Warnings in the rule's window (12 months for a consecutive rule).
    public let warningsInWindow: Int
    public let actions: [EscalationAction]

    public init(cell: CellID, month: Month, rule: String, consecutiveMonths: Int, warningsInWindow: Int, actions: [EscalationAction]) {
        self.cell = cell
        self.month = month
        self.rule = rule
        self.consecutiveMonths = consecutiveMonths
        self.warningsInWindow = warningsInWindow
        self.actions = actions
    }
}

/// The escalation rules in force: a rules file's content, or the ministry's defaults.
public struct EscalationRuleSet: Hashable, Sendable, Codable {
    public let rules: [EscalationRule]

    public init(rules: [EscalationRule]) throws(RuleSetError) {
        guard !rules.isEmpty else { throw .empty }
        var seen = Set<String>()
        for rule in rules where !seen.insert(rule.name).inserted { throw .duplicateName(rule.name) }
        self.rules = rules
    }

    public static let defaults = try! EscalationRuleSet(rules: EscalationRule.defaults)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(rules: c.decode([EscalationRule].self, forKey: .rules))
    }

    /// Why a set of rules cannot be used.
    public enum RuleSetError: Error, Equatable, CustomStringConvertible {
        case empty
        case duplicateName(String)

        public var description: String {
            switch self {
            case .empty: "the rules file has no rules; give at least one under \"rules\""
            case let .duplicateName(n): "two rules are named \"\(n)\"; give every rule its own name"
            }
        }
    }
}
