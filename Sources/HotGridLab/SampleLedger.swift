import Foundation
import HotGridService
import HotGridAnalysis
import HotGridCore
import HotGridStore

/// A month of supervision work on the ledger (台账), so that a demonstration database shows the
/// whole job and not only the numbers: for three warned cells of one city, staff with logins, grid
/// duties, sources, a patrol, inspections and seven problems moved the way field work moves them —
/// assignment to departments, rectification, a return, a refusal and reassignment, a duplicate,
/// verification with evidence, and three problems found 40 days ago of which two are now overdue;
/// and a reader's data error report waiting for the city officer's answer.
///
/// It tells the story of `scripts/ledger-scenario.sh` through the service instead of the command
/// line; `hotgrid demo` runs it. It needs a database without staff and a warning list for `month`.
public struct SampleLedger {
    /// Where the logins go; a test may lower its bcrypt cost.
    public var accounts: Accounts
    public let month: Month
    /// Every login's password. It is meant to be printed: the data are a simulation.
    public let password: String
    /// The day the story's work is done on (its deadlines and overdue problems follow from it).
    public let clock: WorkClock

    public init(store: any Store, month: Month, password: String, clock: WorkClock = .system) {
        accounts = Accounts(store: store)
        self.month = month
        self.password = password
        self.clock = clock
    }

    /// The logins made, in the order of the story, with the role each signs in as.
    public static let logins: [(login: String, role: Role)] = [
        ("admin", .admin), ("officer", .cityOfficer), ("supervisor", .gridSupervisor), ("leader", .gridLeader),
        ("housing", .departmentOfficer), ("environment", .departmentOfficer),
    ]

    /// What the month of work left in the ledger.
    public struct Summary: Sendable {
        public let cityCode: String
        public let cityName: String
        /// The warned cells the work was done in.
        public let cells: [CellID]
        public let logins: [String]
        /// The city's problem statistics as of today (expected: 7 problems; 2 closed, 1 on time;
        /// 1 duplicate; 4 open, 2 overdue).
        public let statistics: LedgerStatistics.Line
        public let auditEntries: Int
    }

    /// Runs the month of work on the store; refuses a database with staff or without the month's warnings.
    public func run() throws -> Summary {
        let store = accounts.store
        guard try store.persons().isEmpty else {
            throw LedgerError.invalid(field: .staff, reason: "this database already has staff; the sample ledger starts from none, so run it on a new database")
        }
        guard let list = try store.warningList(month: month) else { throw WarningError.noWarningList(month) }
        let (city, cells) = try Self.cityWithThreeWarnedCells(list, store: store)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("hotgrid-sample-ledger-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let staff = try addStaff(city: city.code)
        try fieldWork(staff, cells: cells, city: city.code, scratch: scratch)
        let audit = try AuditCheck.run(store: store)
        guard audit.isIntact else { throw LedgerError.invalid(field: .audit, reason: audit.findings.map(\.description).joined(separator: "; ")) }
        let statistics = try LedgerReport(ledger: Ledger(store: store, actor: staff.officer.id, clock: clock)).statistics(by: .city, asOf: clock.today)
        return Summary(cityCode: city.code, cityName: city.name, cells: cells.map(\.id), logins: Self.logins.map(\.login),
                       statistics: statistics.total, auditEntries: audit.entries)
    }

    /// The first city of the list, in the published order (city, county, cell), with at least
    /// three warned cells, and its first three.
    static func cityWithThreeWarnedCells(_ list: WarningList, store: any Store) throws -> (city: AdminUnit, cells: [Cell]) {
        let cells = Dictionary(uniqueKeysWithValues: try store.cells().map { ($0.id, $0) })
        let warned = list.cells.compactMap { cells[$0.cell] }.sorted { ($0.cityCode, $0.countyCode, $0.id) < ($1.cityCode, $1.countyCode, $1.id) }
        let byCity = Dictionary(grouping: warned, by: \.cityCode)
        guard let code = warned.first(where: { byCity[$0.cityCode]!.count >= 3 })?.cityCode,
              let city = try store.cities().first(where: { $0.code == code }) else {
            throw LedgerError.invalid(field: .month, reason: "no city has three warned cells in \(list.month); warn more cells per city (hotgrid warn --count 3)")
        }
        return (city, Array(byCity[code]!.prefix(3)))
    }

    /// The people of the story.
    struct Staff {
        let officer, supervisor, leader, housing, environment: Person
    }

    private func addStaff(city: String) throws -> Staff {
        let admin = try accounts.addUser(login: "admin", password: password, name: "系统管理员", role: .admin, scope: .region, actor: nil)
        func user(_ login: String, _ name: String, _ role: Role, _ scope: StaffScope, department: String? = nil) throws -> Person {
            try accounts.addUser(login: login, password: password, name: name, role: role, scope: scope, department: department, actor: admin.id)
        }
        return Staff(officer: try user("officer", "市生态环境局 李明", .cityOfficer, .city(city)),
                     supervisor: try user("supervisor", "网格监督员 张伟", .gridSupervisor, .assignedCells),
                     leader: try user("leader", "网格长 王强", .gridLeader, .assignedCells),
                     housing: try user("housing", "住建局 刘洋", .departmentOfficer, .city(city), department: "housing"),
                     environment: try user("environment", "环境执法 陈静", .departmentOfficer, .city(city), department: "environment"))
    }

    private func fieldWork(_ staff: Staff, cells: [Cell], city: String, scratch: URL) throws {
        // A ledger knows its person's cells from when it is opened: grid staff open theirs after the assignment.
        let region = try RegionDirectory(store: accounts.store)
        let ledger = { (person: Person) in try Ledger(store: self.accounts.store, actor: person.id, region: region, clock: self.clock) }
        let officer = try ledger(staff.officer)
        for cell in cells {
            try officer.assign(cell: cell.id, duty: .gridSupervisor, person: staff.supervisor.id)
            try officer.assign(cell: cell.id, duty: .gridLeader, person: staff.leader.id)
        }
        let (supervisor, leader, housing, environment) = (try ledger(staff.supervisor), try ledger(staff.leader),
                                                          try ledger(staff.housing), try ledger(staff.environment))
        // An enterprise and a construction site a few hundred metres from each cell's centre.
        var csv = Ledger.sourceColumns.joined(separator: ",") + "\n"
        for (n, cell) in cells.enumerated() {
            csv += String(format: "某工业企业%d,enterprise,%.6f,%.6f,%@A%04d,某集团,重点排污单位\n", n + 1, cell.longitude + 0.003, cell.latitude + 0.002, city, n + 1)
            csv += String(format: "某建筑工地%d,construction_site,%.6f,%.6f,,某建设公司,\n", n + 1, cell.longitude - 0.004, cell.latitude - 0.003)
        }
        func file(_ name: String, _ text: String) throws -> String {
            let url = scratch.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            return url.path
        }
        let sources = try officer.importSources(path: file("sources.csv", csv)).map(\.id)
        let track = EvidenceFile(fileName: "track.gpx", data: Data("<gpx version=\"1.1\"><trk><trkseg><trkpt lat=\"0\" lon=\"0\"/></trkseg></trk></gpx>\n".utf8))
        let (today, photo) = (clock.today, EvidenceFile(fileName: "photo.jpg", data: Data("site photo".utf8)))
        _ = try supervisor.recordPatrol(cell: cells[0].id, day: today, findings: "巡查未发现新问题 nothing new found", files: [track])
        for source in sources { _ = try supervisor.recordInspection(source: source, month: month, day: today, note: "逐源检查") }

        let longAgo = today.advanced(by: -40)
        func record(_ source: Int, _ category: ProblemCategory, _ description: String, foundOn: Day = today) throws -> Int {
            try supervisor.recordProblem(ProblemReport(source: sources[source], category: category, description: description,
                                                       foundOn: foundOn, warningMonth: month)).problem.id
        }
        let p1 = try record(0, .industrialDust, "原料堆场未封闭", foundOn: longAgo)
        let p2 = try record(1, .constructionDust, "裸土未苫盖", foundOn: longAgo)
        let p3 = try record(2, .vocs, "VOCs 治理设施未运行", foundOn: longAgo)
        let p4 = try record(3, .constructionDust, "车辆未冲洗")
        let p5 = try record(4, .boiler, "燃煤锅炉未淘汰")
        let p6 = try record(5, .constructionDust, "渣土车未密闭")
        let p7 = try record(5, .constructionDust, "渣土车未密闭（重复上报）")

        _ = try officer.act(problem: p1, .assign, comment: "交环境执法整改", department: "environment")
        _ = try environment.act(problem: p1, .accept, comment: "已接收")
        _ = try environment.act(problem: p1, .submit, comment: "已封闭", evidence: [photo])
        _ = try supervisor.act(problem: p1, .verify, comment: "现场核实已封闭", evidence: [photo])
        _ = try officer.act(problem: p2, .assign, comment: "交住建局", department: "housing")
        _ = try housing.act(problem: p2, .accept, comment: "整改中")
        _ = try officer.act(problem: p3, .assign, comment: "交住建局", department: "housing")
        _ = try housing.act(problem: p3, .decline, comment: "企业 VOCs 不属住建管理")
        _ = try officer.act(problem: p3, .reassign, comment: "改交环境执法", department: "environment")
        _ = try officer.act(problem: p4, .assign, comment: "交住建局", department: "housing")
        _ = try housing.act(problem: p4, .accept, comment: "已接收")
        _ = try housing.act(problem: p4, .submit, comment: "已安装冲洗设备")
        _ = try supervisor.act(problem: p4, .returnForRework, comment: "冲洗设备未使用")
        _ = try housing.act(problem: p4, .submit, comment: "已使用冲洗设备", evidence: [photo])
        _ = try supervisor.act(problem: p4, .verify, comment: "复查合格", evidence: [photo])
        _ = try officer.act(problem: p5, .assign, comment: "交环境执法", department: "environment")
        _ = try leader.act(problem: p7, .markDuplicate, comment: "与前一问题重复", duplicateOf: p6)
        // A reader's "report a data error", routed to the city officer, still to be answered.
        _ = try DataReportDesk(store: accounts.store, region: region).submit(
            cell: cells[1].id, city: nil, message: "该网格旁的监测站上月检修，月均值可能偏高。The station beside this cell was serviced last month; the mean may be high.",
            contact: nil)
    }
}
