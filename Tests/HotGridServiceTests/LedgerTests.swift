import Foundation
import HotGridAnalysis
import GRDB
import Testing
import HotGridCore
import HotGridSQLite
import HotGridStore
@testable import HotGridService

/// The warning world with staff: an admin (#1), a Hebi city officer (#2), a grid supervisor (#3)
/// and a grid leader (#4) of Hebi's first hotspot cell, housing (#5) and environment (#6)
/// department officers of Hebi, and a Puyang city officer (#7); and two sources in that cell.
struct LedgerWorld {
    let world: WarningWorld
    let cell: CellID
    let centre: LonLat
    var store: SQLiteStore { world.store }

    init() throws {
        let world = try WarningWorld(), first = world.hebi[0]
        let c = try world.store.cells().first { $0.id == first }!
        self.world = world
        cell = first
        centre = LonLat(longitude: c.longitude, latitude: c.latitude)
        let admin = try Ledger.addFirstAdmin(store: world.store, name: "Admin")
        let ledger = try Ledger(store: world.store, actor: admin.id)
        _ = try ledger.addPerson(name: "Hebi officer", role: .cityOfficer, scope: .city("410600"), department: nil, phone: nil)
        _ = try ledger.addPerson(name: "Supervisor", role: .gridSupervisor, scope: .assignedCells, department: nil, phone: "13900000000")
        _ = try ledger.addPerson(name: "Leader", role: .gridLeader, scope: .assignedCells, department: nil, phone: nil)
        _ = try ledger.addPerson(name: "Housing", role: .departmentOfficer, scope: .city("410600"), department: "housing", phone: nil)
        _ = try ledger.addPerson(name: "Environment", role: .departmentOfficer, scope: .city("410600"), department: "environment", phone: nil)
        _ = try ledger.addPerson(name: "Puyang officer", role: .cityOfficer, scope: .city("410900"), department: nil, phone: nil)
        let officer = try Ledger(store: world.store, actor: 2)
        try officer.assign(cell: cell, duty: .gridSupervisor, person: 3)
        try officer.assign(cell: cell, duty: .gridLeader, person: 4)
        let (lon, lat) = (centre.longitude, centre.latitude)
        let csv = try world.scratch.write("sources.csv", """
            name,kind,lon,lat,census_id,operator,notes
            Steel works,enterprise,\(lon + 0.002),\(lat + 0.001),410600A001,Group,key emitter
            Site 7,construction_site,\(lon - 0.003),\(lat - 0.002),,Builder,

            """)
        _ = try officer.importSources(path: csv)
    }

    func ledger(_ person: Int, clock: WorkClock = .system) throws -> Ledger { try Ledger(store: store, actor: person, clock: clock) }

    func evidence(_ name: String) throws -> EvidenceFile { try EvidenceFile(path: world.scratch.write(name, "photo \(name)")) }

    /// What `audit verify` says of a copy of the database after `sql` ran on it behind HotGrid's back.
    func tampered(_ sql: String) throws -> [String] {
        try store.purgeRemovedData()
        let copy = world.scratch.path("tampered-\(UUID().uuidString).sqlite")
        try FileManager.default.copyItem(atPath: store.path, toPath: copy)
        let queue = try DatabaseQueue(path: copy)
        try queue.write { try $0.execute(sql: sql) }
        try queue.close()
        return try SQLiteStore(opening: copy).verifyAudit().findings.map(\.description)
    }
}

@Suite("The supervision ledger")
struct LedgerTests {
    @Test("Today is the ledger's clock: the default day of a finding, the future it refuses, how late a deadline may be, what is overdue")
    func injectedClock() throws {
        let w = try LedgerWorld()
        defer { w.world.scratch.cleanUp() }
        let day = Day("2019-06-10")!
        let (officer, supervisor) = (try w.ledger(2, clock: .fixed(day)), try w.ledger(3, clock: .fixed(day)))
        #expect(officer.today == day)
        let p = try supervisor.recordProblem(ProblemReport(source: 1, category: .industrialDust, description: "yard not covered")).problem
        #expect(p.foundOn == day)
        // The next day is in the future by this clock, though long past by the wall clock.
        #expect(throws: LedgerError.self) {
            try supervisor.recordProblem(ProblemReport(source: 2, category: .constructionDust, description: "later", foundOn: day.advanced(by: 1)))
        }
        // A deadline past the category's rule is refused today, and allowed once today has passed the rule.
        let late = day.advanced(by: ProblemCategory.industrialDust.defaultDeadlineDays + 10)
        #expect(throws: LedgerError.self) { try officer.act(problem: p.id, .assign, comment: "to environment", department: "environment", deadline: late) }
        let assigned = try officer.act(problem: p.id, .assign, comment: "to environment", department: "environment")
        let due = try #require(assigned.deadline)
        let afterwards = try w.ledger(2, clock: .fixed(due.advanced(by: 1)))
        #expect(afterwards.today == due.advanced(by: 1))
        #expect(try officer.problems().first { $0.id == p.id }?.isOverdue(on: officer.today) == false)
        #expect(try afterwards.problems().first { $0.id == p.id }?.isOverdue(on: afterwards.today) == true)
        let q = try supervisor.recordProblem(ProblemReport(source: 2, category: .industrialDust, description: "gate not washed")).problem
        let later = try w.ledger(2, clock: .fixed(late)).act(problem: q.id, .assign, comment: "to housing", department: "housing", deadline: late)
        #expect(later.deadline == late)
    }

    @Test("A problem goes through every transition to verified closure and is then frozen")
    func lifecycle() throws {
        let w = try LedgerWorld()
        defer { w.world.scratch.cleanUp() }
        let (officer, supervisor, housing, environment) = (try w.ledger(2), try w.ledger(3), try w.ledger(5), try w.ledger(6))
        let p = try supervisor.recordProblem(ProblemReport(source: 1, category: .industrialDust, description: "yard not covered",
                                                           foundOn: Day("2018-03-02")!, warningMonth: Month("2018-02"))).problem
        #expect(p.status == .reported && p.cell == w.cell && p.position.longitude == w.centre.longitude + 0.002)
        var q = try officer.act(problem: p.id, .assign, comment: "to environment", department: "environment")
        #expect(q.status == .assigned && q.deadline == Day("2018-03-17"))
        q = try environment.act(problem: p.id, .decline, comment: "yard belongs to a builder")
        #expect(q.status == .notResponsible)
        q = try officer.act(problem: p.id, .reassign, comment: "to housing", department: "housing", deadline: Day("2018-03-20"))
        #expect(q.status == .assigned && q.department == "housing" && q.deadline == Day("2018-03-20"))
        q = try housing.act(problem: p.id, .accept, comment: "on it")
        q = try housing.act(problem: p.id, .submit, comment: "covered", evidence: [w.evidence("covered.jpg")])
        q = try supervisor.act(problem: p.id, .returnForRework, comment: "half covered")
        #expect(q.status == .rectifying)
        q = try housing.act(problem: p.id, .submit, comment: "fully covered now")
        // Verification needs evidence.
        #expect(throws: LedgerError.evidenceRequired(.verify)) { try supervisor.act(problem: p.id, .verify, comment: "checked") }
        q = try supervisor.act(problem: p.id, .verify, comment: "checked on site", evidence: [w.evidence("site.jpg")])
        #expect(q.status == .verified)
        #expect(throws: LedgerError.closed(problem: p.id, status: .verified)) { try officer.act(problem: p.id, .assign, comment: "again", department: "housing") }
        let events = try w.store.problemEvents(problem: p.id)
        #expect(events.map { $0.action?.rawValue ?? "record" } == ["record", "assign", "decline", "reassign", "accept", "submit", "return", "submit", "verify"])
        #expect(events.last?.evidence.count == 1 && events.allSatisfy { !$0.comment.isEmpty })
        // The database itself refuses to change a closed problem.
        let queue = try DatabaseQueue(path: w.store.path)
        #expect(throws: (any Error).self) { try queue.write { try $0.execute(sql: "UPDATE problem SET status = 'rectifying' WHERE id = ?", arguments: [p.id]) } }
        try queue.close()
    }

    @Test("Forbidden moves are refused: wrong role, wrong department, another city, no comment, wrong state")
    func refusals() throws {
        let w = try LedgerWorld()
        defer { w.world.scratch.cleanUp() }
        let (officer, supervisor, housing, environment, puyang) = (try w.ledger(2), try w.ledger(3), try w.ledger(5), try w.ledger(6), try w.ledger(7))
        let p = try supervisor.recordProblem(ProblemReport(source: 2, category: .constructionDust, description: "bare soil")).problem
        func denied(_ body: () throws -> Any) {
            #expect { _ = try body() } throws: { error in
                guard case .forbidden = error as? LedgerError else { return false }
                return true
            }
        }
        denied { try supervisor.act(problem: p.id, .assign, comment: "me?", department: "housing") }   // supervisors do not assign
        denied { try puyang.act(problem: p.id, .assign, comment: "not my city", department: "housing") }
        denied { try puyang.recordProblem(ProblemReport(cell: w.cell, category: .openBurning, description: "smoke", position: w.centre)) }
        // Another city's source is answered as if it did not exist, its cell unnamed.
        let puyangCell = try #require(try w.store.cells().first { $0.cityCode == "410900" })
        #expect(throws: LedgerError.notFound(what: "source", id: "#1")) {
            try puyang.recordProblem(ProblemReport(cell: puyangCell.id, source: 1, category: .industrialDust, description: "dust"))
        }
        // A Hebi supervisor of one cell cannot record in another Hebi cell.
        let other = try w.store.cells().first { $0.cityCode == "410600" && $0.id != w.cell }!
        denied { try supervisor.recordProblem(ProblemReport(category: .openBurning, description: "smoke",
                                                            position: LonLat(longitude: other.longitude, latitude: other.latitude))) }
        #expect(throws: LedgerError.commentRequired) { try officer.act(problem: p.id, .assign, comment: "  ", department: "housing") }
        #expect(throws: LedgerError.transitionNotAllowed(problem: p.id, status: .reported, action: .verify)) {
            try officer.act(problem: p.id, .verify, comment: "done", evidence: [w.evidence("v.jpg")])
        }
        _ = try officer.act(problem: p.id, .assign, comment: "to housing", department: "housing")
        denied { try environment.act(problem: p.id, .accept, comment: "not ours") }   // another department's problem
        denied { try housing.act(problem: p.id, .verify, comment: "self-check") }
        #expect(try w.store.problem(id: p.id)?.status == .assigned)
    }

    @Test("Possible duplicates: same category within 100 m in the last 90 days")
    func duplicates() throws {
        let w = try LedgerWorld()
        defer { w.world.scratch.cleanUp() }
        let supervisor = try w.ledger(3)
        let at = { (dx: Double) in LonLat(longitude: w.centre.longitude + dx, latitude: w.centre.latitude) }
        let first = try supervisor.recordProblem(ProblemReport(category: .openBurning, description: "straw burning", position: at(0),
                                                               foundOn: Day("2018-06-10")!)).problem
        // 60 m east, 30 days later: pointed out.
        let near = try supervisor.recordProblem(ProblemReport(category: .openBurning, description: "again", position: at(0.0007), foundOn: Day("2018-07-10")!))
        #expect(near.possibleDuplicates.map(\.id) == [first.id])
        // 200 m east, another category, or 100 days later: not.
        #expect(try supervisor.recordProblem(ProblemReport(category: .openBurning, description: "x", position: at(0.0023), foundOn: Day("2018-06-11")!)).possibleDuplicates.isEmpty)
        #expect(try supervisor.recordProblem(ProblemReport(category: .boiler, description: "x", position: at(0), foundOn: Day("2018-06-11")!)).possibleDuplicates.isEmpty)
        #expect(try supervisor.recordProblem(ProblemReport(category: .openBurning, description: "x", position: at(0), foundOn: Day("2018-09-18")!))
            .possibleDuplicates.map(\.id) == [near.problem.id])
        // An original in another city is refused as if it did not exist.
        let puyang = try #require(try w.store.cells().first { $0.cityCode == "410900" })
        let foreign = try w.ledger(7).recordProblem(ProblemReport(category: .openBurning, description: "elsewhere",
                                                                  position: LonLat(longitude: puyang.longitude, latitude: puyang.latitude))).problem
        #expect(throws: LedgerError.invalid(field: .duplicateOf, reason: "#\(foreign.id) is not another recorded problem that is not itself a duplicate")) {
            try w.ledger(4).act(problem: near.problem.id, .markDuplicate, comment: "same fire", duplicateOf: foreign.id)
        }
        let marked = try w.ledger(4).act(problem: near.problem.id, .markDuplicate, comment: "same fire", duplicateOf: first.id)
        #expect(marked.status == .duplicate && marked.duplicateOf == first.id)
    }

    @Test("Overdue problems and the statistics add up")
    func statistics() throws {
        let w = try LedgerWorld()
        defer { w.world.scratch.cleanUp() }
        let (officer, supervisor, housing) = (try w.ledger(2), try w.ledger(3), try w.ledger(5))
        func record(_ category: ProblemCategory, _ found: String) throws -> Int {
            try supervisor.recordProblem(ProblemReport(cell: w.cell, category: category, description: "p", position: w.centre, foundOn: Day(found)!)).problem.id
        }
        let a = try record(.constructionDust, "2018-03-01"), b = try record(.constructionDust, "2018-03-01"), c = try record(.boiler, "2018-03-01")
        _ = try record(.other, "2018-03-01")
        for id in [a, b, c] { _ = try officer.act(problem: id, .assign, comment: "go", department: "housing") }
        _ = try housing.act(problem: a, .accept, comment: "ok")
        _ = try housing.act(problem: a, .submit, comment: "done")
        _ = try supervisor.act(problem: a, .verify, comment: "seen", evidence: [w.evidence("a.jpg")])
        _ = try housing.act(problem: b, .accept, comment: "ok")
        let report = LedgerReport(ledger: try w.ledger(2))
        // On 2018-03-05 nothing is late; on 2018-03-20 b (7 days) is, c (30 days) is not; a was submitted after its deadline.
        let early = try report.statistics(by: .county, asOf: Day("2018-03-05")!).total
        #expect(early.total == 4 && early.open == 3 && early.overdue == 0 && early.closed == 1)
        let late = try report.statistics(by: .city, asOf: Day("2018-03-20")!)
        #expect(late.total.overdue == 1 && late.total.byCategory[.constructionDust] == 2 && late.total.closedOnTime == 0)
        #expect(late.lines.map(\.unit) == ["410600"] && late.lines[0].total == 4 && late.lines[0].overdue == 1)
        // Puyang's officer sees none of Hebi's problems.
        #expect(try LedgerReport(ledger: w.ledger(7)).statistics(by: .city, asOf: Day("2018-03-20")!).total.total == 0)
    }

    @Test("Source details are secrets of their area; a bad sources file imports nothing")
    func sources() throws {
        let w = try LedgerWorld()
        defer { w.world.scratch.cleanUp() }
        #expect(try w.ledger(2).sources(in: w.cell).map(\.name) == ["Steel works", "Site 7"])
        #expect(try w.ledger(7).sources(in: w.cell).allSatisfy { $0.isRedacted && $0.censusID == nil })
        let before = try fingerprint(of: w.store.path)
        let bad = try w.world.scratch.write("bad.csv", "name,kind,lon,lat\nA,boiler,\(w.centre.longitude),\(w.centre.latitude)\nB,volcano,1,2\n")
        #expect { _ = try w.ledger(2).importSources(path: bad) } throws: { "\($0)".contains("bad.csv:3") && "\($0)".contains("volcano") }
        #expect(try fingerprint(of: w.store.path) == before)
    }

    @Test("audit verify passes an untouched file, names an edited, deleted or reordered entry, and survives redaction")
    func audit() throws {
        let w = try LedgerWorld()
        defer { w.world.scratch.cleanUp() }
        let p = try w.ledger(3).recordProblem(ProblemReport(source: 1, category: .vocs, description: "no VOCs treatment")).problem
        _ = try w.ledger(2).act(problem: p.id, .assign, comment: "go", department: "environment")
        #expect(try AuditCheck.run(store: w.store).isIntact)
        let tampered = w.tampered
        let lastProblemEntry = try DatabaseQueue(path: w.store.path).read {
            try Int.fetchOne($0, sql: "SELECT MAX(seq) FROM audit_entry WHERE entity = 'problem'")!
        }
        #expect(try tampered("UPDATE problem SET status = 'verified'") ==
                ["entry \(lastProblemEntry): problem \(p.id) differs from what this entry recorded (the row was changed behind HotGrid's back)"])
        #expect(try tampered("UPDATE audit_entry SET actor = 99 WHERE seq = 12").contains("entry 12: its content does not match its hash (the entry was edited)"))
        #expect(try tampered("UPDATE audit_entry SET payload = replace(payload, 'Steel', 'Paper') WHERE seq = 18")
            .contains("entry 18: its payload does not match its hash (the before/after record was edited)"))
        #expect(try tampered("DELETE FROM audit_entry WHERE seq = 10").contains("entry 11: entry 10 is missing (deleted)"))
        #expect(try tampered("UPDATE audit_entry SET seq = -1 WHERE seq = 5; UPDATE audit_entry SET seq = 5 WHERE seq = 6; UPDATE audit_entry SET seq = 6 WHERE seq = -1")
            .contains("entry 5: does not follow the entry before it (an entry was deleted, inserted or reordered)"))

        // Redaction removes the supervisor's name and phone from the file; the chain still verifies.
        try w.ledger(1).redact(person: 3)
        let report = try AuditCheck.run(store: w.store)
        #expect(report.isIntact && report.redacted == 1)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: w.store.path))
        #expect(bytes.range(of: Data("13900000000".utf8)) == nil && bytes.range(of: Data("Supervisor".utf8)) == nil)
        #expect(try w.store.person(id: 3)?.name == "[redacted]")
        // A blanked payload that no redaction explains is named.
        #expect(try tampered("UPDATE audit_entry SET payload = NULL, redacted = 1 WHERE seq = 18")
            == ["entry 18: its payload was removed, but only entries about a person are ever redacted"])
        let personEntries = try w.store.auditEntries(person: 2, limit: 100).filter { $0.entity == "person" && $0.entityID == "2" }
        #expect(try tampered("UPDATE audit_entry SET payload = NULL, redacted = 1 WHERE entity = 'person' AND entity_id = '2'")
            == personEntries.map { "entry \($0.seq): its payload was removed, but no later entry records redacting person 2" })
    }

    @Test("Logins are audited: who set a password, every sign-in and sign-out, never the hash; an older database's logins are adopted")
    func credentials() throws {
        let w = try LedgerWorld()
        defer { w.world.scratch.cleanUp() }
        // A database from before logins were audited: a credential with no entry.
        let path = w.store.path
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: """
                INSERT INTO credential (person_id, login, password_hash, updated_at) VALUES (2, 'hebi', 'old-hash', '2026-01-01T00:00:00.000Z');
                DELETE FROM grdb_migrations WHERE identifier = 'v9-audited-credentials';
                """)
        }
        #expect(try w.store.verifyAudit().findings.map(\.description) == ["credential 2 has no audit entry (written behind HotGrid's back)"])
        let store = try SQLiteStore(opening: path)
        #expect(try store.verifyAudit().isIntact)
        var accounts = Accounts(store: store)
        accounts.cost = 4
        // The admin resets the officer's password while the officer is signed in, then signs in as them.
        let (session, _) = try accounts.issue(.session, for: 2, lifetime: 60)
        try accounts.setPassword(person: 2, login: "hebi", password: "password-123", actor: 1)
        #expect(try accounts.resolve(session, kind: .session) == nil)
        let (token, _) = try accounts.issue(.bearer, for: 2, lifetime: 60)
        try accounts.revoke(token)
        let trail = try store.auditEntries(person: 2, limit: 10).filter { $0.entity == "credential" }.map { "\($0.actor.map(String.init) ?? "-") \($0.action)" }
        #expect(trail == ["- adopt_credential", "2 sign_in_session", "1 set_password", "1 end_sessions", "2 sign_in_token", "2 sign_out"])
        #expect(try store.verifyAudit().isIntact)
        let hash = try #require(try store.credential(login: "hebi")?.passwordHash)
        let payloads = try DatabaseQueue(path: path).read { try String.fetchAll($0, sql: "SELECT payload FROM audit_entry WHERE entity = 'credential'") }
        #expect(payloads.count == 6 && payloads.allSatisfy { !$0.contains(hash) && !$0.contains("old-hash") && $0.contains("password_hash_sha256") })
        // A password hash swapped in SQL is caught.
        #expect(try w.tampered("UPDATE credential SET password_hash = 'known' WHERE person_id = 2").contains { $0.contains("credential 2 differs from what this entry recorded") })
        // Redacting the person blanks their login entries too, and the chain still verifies.
        try w.ledger(1).redact(person: 2)
        let report = try store.verifyAudit()
        let about = try store.auditEntries(person: 2, limit: 100).filter { ["person", "credential"].contains($0.entity) && $0.entityID == "2" }
        #expect(report.isIntact && report.redacted == about.count - 1 && about.dropLast().allSatisfy(\.redacted) && about.last?.action == "redact_person")
    }
}

@Suite("The ledger on the command line")
struct LedgerScenarioTests {
    @Test("scripts/ledger-scenario.sh runs a month of field work through hotgrid and the statistics add up")
    func scenario() throws {
        let w = try WarningWorld()
        defer { w.scratch.cleanUp() }
        try WarningRun().run(from: Month("2017-01")!, to: Month("2017-03")!, store: w.store)
        // Three warned cells of one city: warn three per kind.
        try WarningRun(quota: .count(3)).run(from: Month("2017-03")!, to: Month("2017-03")!, store: w.store)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [root.appendingPathComponent("scripts/ledger-scenario.sh").path, w.store.path, "2017-03", w.scratch.path("out")]
        process.environment = ProcessInfo.processInfo.environment.merging(["HOTGRID": hotgridBinary().path]) { _, new in new }
        let err = Pipe(), out = Pipe()
        process.standardError = err
        process.standardOutput = out
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(stderr)")
        #expect(stdout.contains(": intact"))
        let stats = try String(contentsOfFile: w.scratch.path("out/stats.csv"), encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let header = stats[0].map(String.init), total = stats.last!.map(String.init)
        let value = { (column: String) in total[header.firstIndex(of: column)!] }
        #expect(value("problems") == "7" && value("open") == "4" && value("overdue") == "2" && value("closed") == "2"
                && value("duplicates") == "1" && value("on_time_%") == "50.0" && value("construction_site_dust") == "4")
        #expect(try String(contentsOfFile: w.scratch.path("out/sheet-\(w.hebi[0]).html"), encoding: .utf8).contains("一格一单"))
    }
}
