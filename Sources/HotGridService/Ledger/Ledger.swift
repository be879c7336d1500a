import Foundation
import HotGridCore
import HotGridGeo
import HotGridStore

/// The supervision ledger (台账) as one member of staff uses it: every change is checked against
/// their role and scope, stored with its audit entry, and refused whole if any part is wrong.
public struct Ledger {
    public let store: any Store
    public let actor: Person
    let policy: LedgerPolicy
    /// Where every cell lies: scope checks place a cell by it.
    let region: RegionDirectory
    let files: EvidenceFiles
    let grid = NationalGrid()
    /// What "today" is: deadlines, overdue problems and the default day of field work.
    public let clock: WorkClock

    /// The ledger as person `actorID` sees it. The `region` is read from the store unless given: a
    /// server reads it once and shares it with every request.
    public init(store: any Store, actor actorID: Int, region: RegionDirectory? = nil, clock: WorkClock = .system) throws {
        guard let person = try store.person(id: actorID) else { throw LedgerError.unknownPerson(actorID) }
        self.store = store
        actor = person
        policy = LedgerPolicy(person: person, assignedCells: try store.assignedCells(person: actorID))
        self.region = try region ?? RegionDirectory(store: store)
        files = EvidenceFiles(store: store)
        self.clock = clock
    }

    /// Creates the first administrator of a database that has no staff yet.
    public static func addFirstAdmin(store: any Store, name: String) throws -> Person {
        guard try store.persons().isEmpty else {
            throw LedgerError.invalid(field: .staff, reason: "this database already has staff; an admin adds people with `hotgrid staff add --as ID`")
        }
        return try store.ledger(actor: nil) { try $0.addPerson(Person(id: 0, name: name, role: .admin, scope: .region)) }
    }

    /// Today in Beijing time by this ledger's clock, the day field work is dated by default.
    public var today: Day { clock.today }

    /// Whether `cell` lies in this person's area (false for a cell outside the region).
    public func covers(_ cell: CellID) -> Bool { region.place(cell).map(policy.covers) ?? false }

    /// The moves this person may make on `problem` now: those its status allows that their role
    /// and area allow too, so a page offers nothing that would be refused.
    public func actions(on problem: Problem) -> [ProblemAction] {
        guard let place = region.place(problem.cell) else { return [] }
        return ProblemAction.available(from: problem.status).filter { (try? policy.check(.act($0), at: place, problem: problem)) != nil }
    }

    /// Whether this person may record problems, patrols and inspections in `cell`.
    public func mayRecord(in cell: CellID) -> Bool {
        guard let place = region.place(cell) else { return false }
        return (try? policy.check(.recordProblem, at: place)) != nil
    }

    /// Whether this person may assign the grid leader and supervisor of `cell`.
    public func mayAssignStaff(in cell: CellID) -> Bool {
        guard let place = region.place(cell) else { return false }
        return (try? policy.check(.manageStaff, at: place)) != nil
    }

    func place(_ cell: CellID) throws -> CellPlace {
        guard let place = region.place(cell) else { throw LedgerError.unknownCell(cell.description) }
        return place
    }

    /// The cell holding `position`, which must lie in the region.
    func cell(at position: LonLat, field: InputField) throws -> CellID {
        guard let id = try? grid.cell(at: position, resolution: region.resolution), region.cell(id) != nil else {
            throw LedgerError.invalid(field: field, reason: "\(position.longitude), \(position.latitude) lies outside the region's cells")
        }
        return id
    }

    // MARK: Staff

    /// Adds a member of staff (administrators only).
    public func addPerson(name: String, role: Role, scope: StaffScope, department: String?, phone: String?) throws -> Person {
        guard actor.role == .admin else {
            throw LedgerError.forbidden(person: actor.id, role: actor.role, action: "add staff", reason: "only an admin adds staff")
        }
        let name = try FreeText.checked(name, field: .name, limit: FreeText.short, required: "must not be empty")
        let phone = try phone.map { try FreeText.checked($0, field: .phone, limit: FreeText.short) }
        if role == .departmentOfficer {
            guard let department, try store.departments().contains(where: { $0.code == department }) else {
                throw LedgerError.invalid(field: .department, reason: "a department officer needs a known department ("
                    + (try store.departments().map(\.code).joined(separator: ", ")) + ")")
            }
        } else if department != nil {
            throw LedgerError.invalid(field: .department, reason: "only department officers have a department")
        }
        try checkScope(scope, role: role)
        return try store.ledger(actor: actor.id) {
            try $0.addPerson(Person(id: 0, name: name, role: role, scope: scope, department: role == .departmentOfficer ? department : nil, phone: phone))
        }
    }

    private func checkScope(_ scope: StaffScope, role: Role) throws {
        switch scope {
        case let .city(code) where !region.hasCity(code):
            throw LedgerError.invalid(field: .scope, reason: "no city \(code) in this region")
        case let .county(code) where !region.hasCounty(code):
            throw LedgerError.invalid(field: .scope, reason: "no county \(code) in this region")
        case .assignedCells where ![.gridLeader, .gridSupervisor].contains(role):
            throw LedgerError.invalid(field: .scope, reason: "only grid leaders and supervisors work on their assigned cells")
        default: break
        }
    }

    /// Makes `personID` the grid leader or grid supervisor of `cell`.
    public func assign(cell: CellID, duty: Role, person personID: Int) throws {
        guard duty == .gridLeader || duty == .gridSupervisor else {
            throw LedgerError.invalid(field: .duty, reason: "a cell has a grid_leader and a grid_supervisor")
        }
        try policy.check(.manageStaff, at: place(cell))
        guard let person = try store.person(id: personID) else { throw LedgerError.unknownPerson(personID) }
        guard person.role == duty else {
            throw LedgerError.invalid(field: .person, reason: "#\(personID) is a \(person.role.rawValue), not a \(duty.rawValue)")
        }
        try store.ledger(actor: actor.id) { try $0.assign(cell: cell, duty: duty, person: personID) }
    }

    /// Adds a department problems can be assigned to (administrators only).
    public func addDepartment(code: String, name: String) throws {
        guard actor.role == .admin else {
            throw LedgerError.forbidden(person: actor.id, role: actor.role, action: "add departments", reason: "only an admin adds departments")
        }
        let code = try FreeText.checked(code, field: .code, limit: FreeText.short, required: "must not be empty")
        let name = try FreeText.checked(name, field: .name, limit: FreeText.short, required: "must not be empty")
        try store.ledger(actor: actor.id) { try $0.addDepartment(Department(code: code, name: name)) }
    }

    // MARK: Field work

    /// Records a patrol of `cell` with its findings (possibly "nothing found") and files (GPS track, photos).
    public func recordPatrol(cell: CellID, day: Day, findings: String, files: [EvidenceFile]) throws -> Patrol {
        try policy.check(.recordPatrol, at: place(cell))
        let findings = try FreeText.checked(findings, field: .findings, limit: FreeText.long, required: "say what was found, or \"nothing found\"")
        let attachments = try storeEvidence(files)
        return try store.ledger(actor: actor.id) { w in
            for a in attachments { try w.addAttachment(a) }
            return try w.addPatrol(Patrol(id: 0, cell: cell, person: actor.id, day: day, findings: findings, attachments: attachments.map(\.sha256)))
        }
    }

    /// Records the inspection of source `sourceID` for warning month `month`.
    public func recordInspection(source sourceID: Int, month: Month, day: Day, note: String) throws -> Inspection {
        guard let source = try store.source(id: sourceID) else { throw LedgerError.notFound(what: "source", id: "#\(sourceID)") }
        try policy.check(.recordInspection, at: place(source.cell))
        let note = try FreeText.checked(note, field: .note, limit: FreeText.long)
        return try store.ledger(actor: actor.id) {
            try $0.addInspection(Inspection(id: 0, cell: source.cell, month: month, sourceID: sourceID, inspector: actor.id, day: day,
                                            note: note.isEmpty ? "inspected" : note))
        }
    }
}

/// Bounds on what people type, so a record stays a record: a 9 MB "description" is refused with
/// the field named, not stored and shown on every page.
public enum FreeText {
    /// Names, codes and contacts.
    public static let short = 200
    /// Descriptions, comments, findings, answers.
    public static let long = 4000
    /// The earliest day a finding may be dated: China's national PM2.5 monitoring began in 2013,
    /// so an earlier date is a typing error (worlds and demos may lie years back, so not "last year").
    public static let earliestFinding = Day("2013-01-01")!

    /// `text` without surrounding white space; refused, naming `field`, when longer than `limit`
    /// characters or, with `required` (what to say instead), when empty.
    public static func checked(_ text: String, field: InputField, limit: Int, required: String? = nil) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let required, trimmed.isEmpty { throw LedgerError.invalid(field: field, reason: required) }
        guard trimmed.count <= limit else {
            throw LedgerError.invalid(field: field, reason: "\(trimmed.count) characters; at most \(limit) are kept")
        }
        return trimmed
    }
}
