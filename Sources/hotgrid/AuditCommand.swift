import ArgumentParser
import Foundation
import HotGridCore
import HotGridService
import HotGridStore

extension LedgerReport.Level: ExpressibleByArgument {}

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Problems by category per province, city or county: open, overdue, closed, on-time rate; and repeatedly warned cells.",
        discussion: "Counts only problems in your area. On time: verified, with the rectification submitted by its deadline."
    )

    @OptionGroup var staff: ActingStaff
    @Option(help: "province, city or county.") var by: LedgerReport.Level = .city
    @Option(help: "Overdue as of this day (default today).") var asOf: Day = WorkClock.system.today
    @Option(help: "Also write the table as CSV here.") var out: String?

    func run() throws {
        let report = LedgerReport(ledger: try staff.ledger())
        let (text, csv) = try report.render(by: by, asOf: asOf)
        print(text, terminator: "")
        if let out { try OutputFile.write(csv, to: out) }
        let repeated = try report.repeatedlyWarned(upTo: Month(asOf))
        guard !repeated.isEmpty else { return }
        print("\nCells warned at least twice in the 12 months to \(Month(asOf)): \(repeated.count); with open problems: "
              + "\(repeated.filter { $0.openProblems > 0 }.count)")
        for r in repeated.prefix(10) {
            print("  \(r.cell)  warnings \(r.warnings)  escalations \(r.escalations)  open problems \(r.openProblems)")
        }
    }
}

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "The hash-chained audit log: verify it, read it, or redact a person's personal data.",
        subcommands: [AuditVerifyCommand.self, AuditLogCommand.self, AuditRedactCommand.self]
    )
}

struct AuditVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the chain, every ledger row against its latest entry, and every stored file; name what is wrong.",
        discussion: "Exit status 1 when anything is wrong. Keep the printed head hash: a later log must contain it."
    )

    @Option(help: "The HotGrid database.") var db: String
    @Option(help: "A head hash printed earlier, which must still be in the log.") var expectHead: String?

    func run() throws {
        let store = try StoreChoice.open(db)
        let report = try AuditCheck.run(store: store)
        var findings = report.findings.map(\.description)
        if let expectHead, !(try store.auditContains(hash: expectHead)) {
            findings.append("the head \(expectHead) recorded earlier is not in the log (entries were removed from its end)")
        }
        for f in findings { print("✗ \(f)") }
        print("\(report.entries) entries (\(report.redacted) redacted), head \(report.head): " + (findings.isEmpty ? "intact" : "\(findings.count) problem(s)"))
        if !findings.isEmpty { throw ExitCode(1) }
    }
}

struct AuditLogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "The latest entries: who did what to which row, and when (Beijing time).",
        discussion: """
            With --person, what that person did and what was done to them: their record, password \
            changes (set_password, and by whom), sign-ins (sign_in_session, sign_in_token), sign-outs \
            and ended sessions. An actor of "-" is the operator at the command line.
            """
    )

    @Option(help: "The HotGrid database.") var db: String
    @Option(help: "Only entries by or about this person.") var person: Int?
    @Option(help: "How many of the latest entries.") var last = 50

    func validate() throws {
        guard last > 0 else { throw ValidationError("--last must be positive.") }
    }

    func run() throws {
        let store = try StoreChoice.open(db)
        let names = Dictionary(uniqueKeysWithValues: try store.persons().map { ($0.id, $0.name) })
        let input = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        var output = Date.ISO8601FormatStyle(timeZone: TimeZone(secondsFromGMT: 8 * 3600)!)
        output = output.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false).timeSeparator(.colon)
        for e in try store.auditEntries(person: person, limit: last) {
            let at = (try? input.parse(e.at)).map { output.format($0).replacingOccurrences(of: "T", with: " ") } ?? e.at
            let actor = e.actor.map { "#\($0) \(names[$0] ?? "")" } ?? "-"
            print("\(e.seq)\t\(at)\t\(actor)\t\(e.action)\t\(e.entity) \(e.entityID)\(e.redacted ? "\t(redacted)" : "")")
        }
    }
}

struct AuditRedactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redact",
        abstract: "Remove a person's personal data for good (name, phone, audit payloads), leaving a chained tombstone."
    )

    @OptionGroup var staff: ActingStaff
    @Option(help: "The person whose data is removed.") var person: Int

    func run() throws {
        try staff.ledger().redact(person: person)
        print("Person #\(person) redacted")
    }
}
