import ArgumentParser
import Foundation
import HotGridCore
import HotGridService
import HotGridStore

struct SourceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "source",
        abstract: "Pollution sources in cells: import from CSV, list a cell's (details only for staff of its area).",
        subcommands: [SourceImportCommand.self, SourceListCommand.self]
    )
}

struct SourceImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import sources from CSV, each placed in its cell; all or none.",
        discussion: """
            Columns: \(Ledger.sourceColumns.joined(separator: ", ")) (the first four required; lon/lat WGS84). kind is one of \
            \(SourceKind.allCases.map(\.rawValue).joined(separator: ", ")). Every source must lie in your area.
            """
    )

    @OptionGroup var staff: ActingStaff
    @Option(help: "The sources CSV.") var file: String

    func run() throws {
        let sources = try staff.ledger().importSources(path: file)
        print("Imported \(sources.count) sources into \(Set(sources.map(\.cell)).count) cells")
    }
}

struct SourceListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "A cell's sources as you may see them.")

    @OptionGroup var staff: ActingStaff
    @Option(help: "The cell id, e.g. 3K-R01234-C05678.") var cell: CellID

    func run() throws {
        var table = CSVTable(header: ["source_id", "kind", "name", "lon", "lat", "census_id", "operator", "notes"])
        for s in try staff.ledger().sources(in: cell) {
            table.append(["\(s.id)", s.kind.rawValue, s.name ?? "(withheld)", s.position.map { String(format: "%.6f", $0.longitude) } ?? "",
                          s.position.map { String(format: "%.6f", $0.latitude) } ?? "", s.censusID ?? "", s.operatorName ?? "", s.notes ?? ""])
        }
        FileHandle.standardOutput.write(table.data)
    }
}

struct PatrolCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "patrol", abstract: "Record a patrol of a cell: what was found (possibly nothing), GPS track, photos.")

    @OptionGroup var staff: ActingStaff
    @Option(help: "The cell id, e.g. 3K-R01234-C05678.") var cell: CellID
    @Option(help: "The day (default today).") var day: Day = WorkClock.system.today
    @Option(help: "What was found, or \"nothing found\".") var findings: String
    @Option(help: "A GPS track or photo to store with it (repeat for several).") var file: [String] = []

    func run() throws {
        let patrol = try staff.ledger().recordPatrol(cell: cell, day: day, findings: findings, files: file.map(EvidenceFile.init(path:)))
        print("Patrol #\(patrol.id) of \(cell) on \(day), \(patrol.attachments.count) file(s)")
    }
}

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Record the inspection of a source for a warning month (problems found are recorded with `hotgrid problem record --source`)."
    )

    @OptionGroup var staff: ActingStaff
    @Option(help: "The source id.") var source: Int
    @Option(help: "The warning month, YYYY-MM.") var month: Month
    @Option(help: "The day (default today).") var day: Day = WorkClock.system.today
    @Option(help: "What was seen.") var note = ""

    func run() throws {
        let inspection = try staff.ledger().recordInspection(source: source, month: month, day: day, note: note)
        print("Inspection #\(inspection.id) of source #\(source) in \(inspection.cell) for \(month)")
    }
}

struct ProblemCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "problem",
        abstract: "Problems found in cells, moved through their lifecycle to verified closure.",
        discussion: """
            reported → assign → assigned → accept → rectifying → submit → submitted → verify → verified (closed, frozen); \
            submitted → return → rectifying; assigned → decline → not_responsible → reassign → assigned; \
            reported/assigned/not_responsible → mark_duplicate → duplicate (closed); assigned/rectifying → extend (a later \
            --deadline, by at most the category's days at a time; city and county officers). Every change needs a comment; \
            verify needs evidence.
            """,
        subcommands: [ProblemRecordCommand.self, ProblemUpdateCommand.self, ProblemListCommand.self, ProblemSheetCommand.self]
    )
}

struct ProblemRecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record a problem; possible duplicates (same category within 100 m in 90 days) are pointed out.",
        discussion: "Categories: \(ProblemCategory.allCases.map(\.rawValue).joined(separator: ", "))."
    )

    @OptionGroup var staff: ActingStaff
    @Option(help: "The source it concerns (its position is used).") var source: Int?
    @Option(help: "The cell (checked against the position).") var cell: CellID?
    @Option(help: "Longitude where found (WGS84).") var lon: Double?
    @Option(help: "Latitude where found (WGS84).") var lat: Double?
    @Option(help: "Category.") var category: ProblemCategory
    @Option(help: "What is wrong.") var description: String
    @Option(help: "When found (default today).") var foundOn: Day = WorkClock.system.today
    @Option(help: "The warning month whose inspection found it.") var month: Month?
    @Option(help: "A photo or document (repeat for several).") var evidence: [String] = []

    func run() throws {
        let position = lon.flatMap { lon in lat.map { LonLat(longitude: lon, latitude: $0) } }
        let (problem, duplicates) = try staff.ledger().recordProblem(ProblemReport(
            cell: cell, source: source, category: category, description: description, position: position, foundOn: foundOn,
            warningMonth: month), evidence: evidence.map(EvidenceFile.init(path:)))
        print("Problem #\(problem.id) recorded in \(problem.cell): \(problem.category.rawValue), reported")
        for d in duplicates {
            print("  possible duplicate of #\(d.id) (\(d.category.rawValue), found \(d.foundOn), \(d.status.rawValue)): \(d.description)")
        }
    }
}

struct ProblemUpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Move a problem: assign, accept, decline, reassign, submit, verify, return, mark_duplicate, extend."
    )

    @OptionGroup var staff: ActingStaff
    @Option(help: "The problem id.") var id: Int
    @Option(help: "The action.") var action: ProblemAction
    @Option(help: "Why (required).") var comment: String
    @Option(help: "The responsible department (assign, reassign).") var department: String?
    @Option(help: "The deadline (assign, reassign; default: found day + the category's days; extend: the new one).") var deadline: Day?
    @Option(help: "The problem this one repeats (mark_duplicate).") var duplicateOf: Int?
    @Option(help: "Evidence file (repeat for several; verify needs one).") var evidence: [String] = []

    func run() throws {
        let p = try staff.ledger().act(problem: id, action, comment: comment, department: department, deadline: deadline,
                                        duplicateOf: duplicateOf, evidence: evidence.map(EvidenceFile.init(path:)))
        print("Problem #\(p.id): \(p.status.rawValue)" + (p.department.map { ", \($0)" } ?? "") + (p.deadline.map { ", due \($0)" } ?? ""))
    }
}

struct ProblemListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Problems in your area (CSV), optionally of a cell, open or overdue only.")

    @OptionGroup var staff: ActingStaff
    @Option(help: "Only this cell.") var cell: CellID?
    @Flag(help: "Only overdue problems.") var overdue = false
    @Option(help: "Overdue as of this day (default today).") var asOf: Day = WorkClock.system.today

    func run() throws {
        let ledger = try staff.ledger()
        var table = CSVTable(header: ["problem_id", "cell_id", "category", "status", "department", "found_on", "deadline", "overdue", "description"])
        for p in try ledger.problems(cell: cell) where !overdue || p.isOverdue(on: asOf) {
            table.append(["\(p.id)", p.cell.description, p.category.rawValue, p.status.rawValue, p.department ?? "", p.foundOn.description,
                          p.deadline?.description ?? "", p.isOverdue(on: asOf) ? "yes" : "no", p.description])
        }
        FileHandle.standardOutput.write(table.data)
    }
}

struct ProblemSheetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheet",
        abstract: "One cell, one problem list (一格一单): every source of a warned cell with its inspection and problems.",
        discussion: "CSV columns: \(ProblemList.columns.joined(separator: ", "))."
    )

    @OptionGroup var staff: ActingStaff
    @Option(help: "The cell id, e.g. 3K-R01234-C05678.") var cell: CellID
    @Option(help: "The warning month, YYYY-MM.") var month: Month
    @Option(help: "csv or html (a page to print).") var format: Publishing.Format = .csv
    @Option(help: "Write here (default: standard output).") var out: String?

    func run() throws {
        guard format != .geojson else { throw ValidationError("--format is csv or html.") }
        let sheet = try ProblemList(ledger: staff.ledger(), cell: cell, month: month)
        try OutputFile.write(format == .csv ? sheet.csv : sheet.page.html.data, to: out)
    }
}
