import ArgumentParser
import Foundation
import HotGridCore
import HotGridService
import HotGridStore

extension Role: ExpressibleByArgument {}
extension ProblemCategory: ExpressibleByArgument {}
extension ProblemAction: ExpressibleByArgument {}
extension CellID: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension Day: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

/// `--db` and `--as`: the database and the member of staff acting.
struct ActingStaff: ParsableArguments {
    @Option(help: "The HotGrid database.") var db: String
    @Option(name: .customLong("as"), help: "Your person id (see `hotgrid staff list`); what you may do follows your role and scope.")
    var actor: Int

    func ledger() throws -> Ledger { try Ledger(store: StoreChoice.open(db), actor: actor) }
}

struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "People, roles and scopes; every hotspot cell's grid leader (网格长) and grid supervisor (网格监督员).",
        subcommands: [StaffAddCommand.self, StaffAssignCommand.self, StaffListCommand.self, DepartmentCommand.self]
    )
}

struct StaffAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a member of staff (an admin does; --first-admin makes the first admin of a new database).",
        discussion: """
            Roles: \(Role.allCases.map(\.rawValue).joined(separator: ", ")). Scopes: region, city:CODE, county:CODE, or cells \
            (grid leaders and supervisors: the cells assigned to them with `hotgrid staff assign`).
            """
    )

    @Option(help: "The HotGrid database.") var db: String
    @Option(name: .customLong("as"), help: "Your person id (an admin).") var actor: Int?
    @Flag(help: "Create the first admin of a database without staff.") var firstAdmin = false
    @Option(help: "Full name.") var name: String
    @Option(help: "Role.") var role: Role = .gridSupervisor
    @Option(help: "region, city:CODE, county:CODE or cells.") var scope = "region"
    @Option(help: "A department officer's department code (see `hotgrid staff department list`).") var department: String?
    @Option(help: "Phone (personal data; removed on redaction).") var phone: String?

    func validate() throws {
        if !firstAdmin, actor == nil { throw ValidationError("Give --as ID (an admin), or --first-admin on a new database.") }
        guard StaffScope(scope) != nil else { throw ValidationError("--scope \(scope) is not region, city:CODE, county:CODE or cells.") }
    }

    func run() throws {
        let store = try StoreChoice.open(db)
        let person = firstAdmin ? try Ledger.addFirstAdmin(store: store, name: name)
            : try Ledger(store: store, actor: actor!).addPerson(name: name, role: role, scope: StaffScope(scope)!, department: department, phone: phone)
        print("Person #\(person.id): \(person.name), \(person.role.rawValue), \(person.scope.description)")
    }
}

struct StaffAssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "assign", abstract: "Make a person a cell's grid leader or grid supervisor.")

    @OptionGroup var staff: ActingStaff
    @Option(help: "The cell id, e.g. 3K-R01234-C05678.") var cell: CellID
    @Option(help: "grid_leader or grid_supervisor.") var duty: Role
    @Option(help: "The person's id.") var person: Int

    func run() throws {
        try staff.ledger().assign(cell: cell, duty: duty, person: person)
        print("\(cell): \(duty.rawValue) is #\(person)")
    }
}

struct StaffListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List staff; with --cells, every hotspot cell of the latest list with its grid leader and supervisor, missing ones reported."
    )

    @Option(help: "The HotGrid database.") var db: String
    @Flag(help: "List the hotspot cells' grid leaders and supervisors.") var cells = false

    func run() throws {
        let store = try StoreChoice.open(db)
        guard cells else {
            var table = CSVTable(header: ["id", "name", "role", "scope", "department"])
            for p in try store.persons() { table.append(["\(p.id)", p.name, p.role.rawValue, p.scope.description, p.department ?? ""]) }
            FileHandle.standardOutput.write(table.data)
            return
        }
        guard let admin = try store.persons().first(where: { $0.role == .admin }) else { throw ValidationError("This database has no staff yet.") }
        let rows = try Ledger(store: store, actor: admin.id).staffing()
        var table = CSVTable(header: ["cell_id", "grid_leader", "grid_supervisor"])
        for r in rows { table.append([r.cell.description, r.leader.map { "#\($0.id) \($0.name)" } ?? "", r.supervisor.map { "#\($0.id) \($0.name)" } ?? ""]) }
        FileHandle.standardOutput.write(table.data)
        let missing = rows.filter { $0.leader == nil || $0.supervisor == nil }.count
        FileHandle.standardError.write(Data("\(rows.count) hotspot cells, \(missing) without a grid leader or a grid supervisor\n".utf8))
    }
}

struct DepartmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "department",
        abstract: "List the departments problems go to, or add one (--as an admin, --code, --name)."
    )

    @Option(help: "The HotGrid database.") var db: String
    @Option(name: .customLong("as"), help: "Your person id (an admin), to add a department.") var actor: Int?
    @Option(help: "New department's code.") var code: String?
    @Option(help: "New department's name.") var name: String?

    func run() throws {
        let store = try StoreChoice.open(db)
        if let code, let name {
            guard let actor else { throw ValidationError("Adding a department needs --as ID (an admin).") }
            try Ledger(store: store, actor: actor).addDepartment(code: code, name: name)
        }
        for d in try store.departments() { print("\(d.code)\t\(d.name)") }
    }
}
