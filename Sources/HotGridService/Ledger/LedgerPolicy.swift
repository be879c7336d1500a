import HotGridCore

/// What a person may see and change in the ledger: their role decides the kind of action, their
/// scope (region, city, county, or the cells they are grid leader or supervisor of) the place.
struct LedgerPolicy {
    let person: Person
    /// The cells the person is grid leader or supervisor of.
    let assignedCells: Set<CellID>

    /// Whether `place` lies in the person's area.
    func covers(_ place: CellPlace) -> Bool {
        switch person.scope {
        case .region: true
        case let .city(code): place.cityCode == code
        case let .county(code): place.countyCode == code
        case .assignedCells: assignedCells.contains(place.cell)
        }
    }

    /// Whether the person sees business secrets (source names, census ids, operators) at `place`.
    func seesConfidential(at place: CellPlace) -> Bool { covers(place) }

    /// Throws unless the person may do `operation` at `place` (on `problem`, for problem actions).
    func check(_ operation: LedgerOperation, at place: CellPlace, problem: Problem? = nil) throws {
        let allowed: Set<Role>
        switch operation {
        case .manageStaff: allowed = [.admin, .cityOfficer, .countyOfficer]
        case .importSources: allowed = [.cityOfficer, .countyOfficer]
        case .recordPatrol, .recordInspection, .recordProblem: allowed = [.cityOfficer, .countyOfficer, .gridLeader, .gridSupervisor]
        case let .act(action):
            switch action {
            case .assign, .reassign, .markDuplicate: allowed = [.cityOfficer, .countyOfficer, .gridLeader]
            case .accept, .decline, .submit: allowed = [.departmentOfficer]
            case .verify, .returnForRework: allowed = [.cityOfficer, .countyOfficer, .gridSupervisor]
            case .extend: allowed = [.cityOfficer, .countyOfficer]
            }
        }
        guard allowed.contains(person.role) else {
            throw deny(operation, "that is work for \(allowed.map(\.rawValue).sorted().joined(separator: ", "))")
        }
        guard covers(place) else {
            throw deny(operation, "cell \(place.cell) (city \(place.cityCode), county \(place.countyCode)) is outside their scope \(person.scope.description)")
        }
        if case let .act(action) = operation, [.accept, .decline, .submit].contains(action), let problem,
           problem.department != person.department {
            throw deny(operation, "problem #\(problem.id) is assigned to \(problem.department ?? "no department"), not to \(person.department ?? "-")")
        }
    }

    private func deny(_ operation: LedgerOperation, _ reason: String) -> LedgerError {
        .forbidden(person: person.id, role: person.role, action: operation.description, reason: reason)
    }
}

/// Kinds of ledger changes, for permission checks.
enum LedgerOperation: CustomStringConvertible {
    case manageStaff, importSources, recordPatrol, recordInspection, recordProblem
    case act(ProblemAction)

    var description: String {
        switch self {
        case .manageStaff: "assign staff"
        case .importSources: "import sources"
        case .recordPatrol: "record patrols"
        case .recordInspection: "record inspections"
        case .recordProblem: "record problems"
        case let .act(a): "\(a.rawValue) problems"
        }
    }
}
