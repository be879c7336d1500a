/// What a person does in hotspot-grid supervision; with their scope it decides what they see and may change.
public enum Role: String, Sendable, Codable, CaseIterable {
    /// Manages staff accounts; sees everything, changes no problem.
    case admin
    /// Reads everything in scope (the ministry's analysts).
    case ministryAnalyst = "ministry_analyst"
    /// A city's environment bureau: records, assigns, verifies problems of the city.
    case cityOfficer = "city_officer"
    /// A county's officer: the same for the county.
    case countyOfficer = "county_officer"
    /// 网格长: answers for the cells assigned to them; records and assigns in them.
    case gridLeader = "grid_leader"
    /// 网格监督员: patrols the cells assigned to them daily; records problems and verifies rectification.
    case gridSupervisor = "grid_supervisor"
    /// A responsible department's officer: accepts, rectifies and submits the department's problems.
    case departmentOfficer = "department_officer"
    /// Reads everything in scope and verifies the audit log; changes nothing.
    case auditor

    public var chineseName: String {
        switch self {
        case .admin: "系统管理员"
        case .ministryAnalyst: "部级分析人员"
        case .cityOfficer: "市级管理人员"
        case .countyOfficer: "区县管理人员"
        case .gridLeader: "网格长"
        case .gridSupervisor: "网格监督员"
        case .departmentOfficer: "职能部门人员"
        case .auditor: "审计人员"
        }
    }
}

/// The area a person works in.
public enum StaffScope: Hashable, Sendable {
    case region
    case city(String)
    case county(String)
    /// Only the cells the person is assigned to (grid leaders and supervisors).
    case assignedCells

    /// Parses `region`, `city:130100`, `county:130102`, `cells`.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        switch (parts.first, parts.count) {
        case ("region", 1): self = .region
        case ("cells", 1): self = .assignedCells
        case ("city", 2) where !parts[1].isEmpty: self = .city(parts[1])
        case ("county", 2) where !parts[1].isEmpty: self = .county(parts[1])
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .region: "region"
        case .assignedCells: "cells"
        case let .city(c): "city:\(c)"
        case let .county(c): "county:\(c)"
        }
    }
}

/// A member of staff. Name and phone are personal data: redaction removes them.
public struct Person: Hashable, Sendable, Codable {
    public let id: Int
    public let name: String
    public let role: Role
    public let scope: StaffScope
    /// The department a department officer works for (a code from the department list).
    public let department: String?
    public let phone: String?

    public init(id: Int, name: String, role: Role, scope: StaffScope, department: String? = nil, phone: String? = nil) {
        self.id = id
        self.name = name
        self.role = role
        self.scope = scope
        self.department = department
        self.phone = phone
    }
}

extension StaffScope: Codable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        guard let scope = StaffScope(text) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "'\(text)' is not a scope (region, city:CODE, county:CODE, cells)")
        }
        self = scope
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// A department problems are assigned to (生态环境、住建、自然资源、交通、农业农村、城管 …).
public struct Department: Hashable, Sendable, Codable {
    public let code: String
    public let name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}

/// Where a cell sits, for scope checks.
public struct CellPlace: Hashable, Sendable {
    public let cell: CellID
    public let cityCode: String
    public let countyCode: String

    public init(cell: CellID, cityCode: String, countyCode: String) {
        self.cell = cell
        self.cityCode = cityCode
        self.countyCode = countyCode
    }
}
