import ArgumentParser
import Foundation
import HotGridCore
import HotGridService
import HotGridStore

extension Month: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension Publishing.Format: ExpressibleByArgument {}

struct WarnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "warn",
        abstract: "Compute and store the monthly warning cells of every city, and the escalations they fire.",
        discussion: """
            For each city and each kind the top max(1, ceil(share × the city's hotspot cells)) hotspot cells are warned: \
            highest_concentration (monthly mean PM2.5), worst_year_on_year (100·(m − m₋₁₂)/m₋₁₂) and worst_month_on_month \
            (100·(m − m₋₁)/m₋₁). Only cells with valid monthly means (27 days, 25 in February) in the months compared take \
            part in a kind; ties go to the larger value, then the smaller cell id. The hotspot list in force in a month is \
            the latest one selected from an earlier year. Months are computed in order and stored in one transaction.

            Escalation rules come from --rules, a JSON file such as
              {"rules": [{"name": "consecutive-3", "type": "consecutive", "months": 3, "scope": "region",
                          "actions": ["public_notice", "working_group", "county_head_interview"]},
                         {"name": "count-6-in-12", "type": "count", "times": 6, "window": 12, "scope": "region",
                          "actions": ["public_notice", "working_group", "county_head_interview"]},
                         {"name": "cangzhou-3", "type": "consecutive", "months": 3, "scope": "130900",
                          "actions": ["grid_leader_interview"]}]}
            (the first two are the defaults). Actions: \(EscalationAction.allCases.map(\.rawValue).joined(separator: ", ")). \
            A rule fires for a cell in a month when it holds then and did not the month before.

            CSV columns: \(WarningExport.columns.joined(separator: ", ")).
            """
    )

    @Option(help: "The HotGrid database.") var db: String
    @Option(help: "The month to warn, YYYY-MM.") var month: Month?
    @Option(help: "First month of a range, YYYY-MM.") var from: Month?
    @Option(help: "Last month of a range, YYYY-MM.") var to: Month?
    @Option(help: "Share of each city's hotspot cells warned per kind.") var share = 0.10
    @Option(help: "A fixed number of cells per city and kind instead of --share.") var count: Int?
    @Option(help: "Escalation rules (JSON); the ministry's defaults when omitted.") var rules: String?
    @Option(help: "Write the warning lists as CSV here (default: standard output).") var out: String?

    func validate() throws {
        guard share > 0, share <= 1 else { throw ValidationError("--share must be in (0, 1] (got \(share)).") }
        if let count, count < 1 { throw ValidationError("--count must be at least 1.") }
        switch (month, from, to) {
        case (_?, nil, nil), (nil, _?, _?): break
        default: throw ValidationError("Give either --month YYYY-MM, or --from YYYY-MM and --to YYYY-MM.")
        }
    }

    func run() throws {
        let started = Date()
        let store = try StoreChoice.open(db)
        let ruleSet = try rules.map(WarningRun.loadRules) ?? .defaults
        let run = WarningRun(quota: count.map(WarningQuota.count) ?? .share(share), rules: ruleSet)
        let months = try run.run(from: month ?? from!, to: month ?? to!, store: store, progress: TerminalProgress())
        let export = WarningExport(store: store)
        try OutputFile.write(try export.csv(months.map(\.list)), to: out)
        let warned = months.reduce(0) { $0 + $1.list.cells.count }, escalated = months.reduce(0) { $0 + $1.escalations.count }
        FileHandle.standardError.write(Data((try export.summary(months)
            + "\(months.count) month(s): \(warned) warnings, \(escalated) escalations (rules: \(ruleSet.rules.map(\.name).joined(separator: ", ")))\n"
            + String(format: "Done in %.2f s, peak memory %d MB\n", Date().timeIntervalSince(started), peakMemoryMegabytes())).utf8))
    }
}

struct EscalationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "escalations",
        abstract: "List the escalations fired by stored warnings.",
        discussion: "CSV columns: \(WarningExport.escalationColumns.joined(separator: ", "))."
    )

    @Option(help: "The HotGrid database.") var db: String
    @Option(help: "Only this month, YYYY-MM.") var month: Month?
    @Option(help: "Write CSV here (default: standard output).") var out: String?

    func run() throws {
        let store = try StoreChoice.open(db)
        try OutputFile.write(try WarningExport(store: store).escalationsCSV(store.escalations(month: month, cell: nil)), to: out)
    }
}

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "A cell at a glance: its hotspot lists, and month by month its PM2.5, warnings and escalations."
    )

    @Option(help: "The HotGrid database.") var db: String
    @Option(help: "The cell id, e.g. 3K-R01234-C05678.") var cell: CellID

    func run() throws {
        print(try CellHistory(cell: cell, store: StoreChoice.open(db)).text, terminator: "")
    }
}

struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Publish a month's warning list: frozen, with its time and SHA-256; republishing a changed list makes a correction.",
        discussion: """
            The public list is the month's warning CSV (\(WarningExport.columns.joined(separator: ", "))); its SHA-256 is that \
            file's, so `sha256sum` on the CSV download checks it. GeoJSON and HTML (a page with a map, Chinese first) are \
            drawn from the frozen CSV. Old publications stay retrievable: `hotgrid publications`.
            """
    )

    @Option(help: "The HotGrid database.") var db: String
    @Option(help: "The month, YYYY-MM.") var month: Month
    @Option(help: "csv, geojson or html.") var format: Publishing.Format = .csv
    @Option(help: "Write the publication here.") var out: String

    func run() throws {
        let publishing = Publishing(store: try StoreChoice.open(db))
        let (publication, isNew) = try publishing.publish(month: month)
        try OutputFile.write(try publishing.render(publication, format: format), to: out)
        let what = isNew ? (publication.replaces.map { "correction of #\($0)" } ?? "first publication") : "unchanged, already published"
        print("Publication #\(publication.id) of \(month) (\(what)), \(publication.publishedAt), SHA-256 \(publication.sha256) → \(out)")
    }
}

struct PublicationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publications",
        abstract: "List publications, or write a stored one (--id) in any format."
    )

    @Option(help: "The HotGrid database.") var db: String
    @Option(help: "Only this month, YYYY-MM.") var month: Month?
    @Option(help: "Write this publication (with --out).") var id: Int?
    @Option(help: "csv, geojson or html.") var format: Publishing.Format = .csv
    @Option(help: "Where to write the publication given by --id.") var out: String?

    func validate() throws {
        if id != nil, out == nil { throw ValidationError("--id needs --out FILE.") }
    }

    func run() throws {
        let store = try StoreChoice.open(db)
        let publishing = Publishing(store: store)
        if let id, let out {
            try OutputFile.write(try publishing.render(publishing.publication(id: id), format: format), to: out)
            return
        }
        var table = CSVTable(header: ["id", "month", "published_at", "sha256", "replaces", "cells"])
        for p in try store.publications(month: month) {
            table.append(["\(p.id)", p.month.description, p.publishedAt, p.sha256, p.replaces.map(String.init) ?? "",
                          "\(try publishing.records(p).count)"])
        }
        FileHandle.standardOutput.write(table.data)
    }
}

struct WarningsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "warnings",
        abstract: "Export a stored month's warning list (as `hotgrid warn` wrote it) without recomputing it.",
        discussion: "CSV columns: \(WarningExport.columns.joined(separator: ", "))."
    )

    @Option(help: "The HotGrid database.") var db: String
    @Option(help: "The month, YYYY-MM.") var month: Month
    @Option(help: "Write CSV here (default: standard output).") var out: String?

    func run() throws {
        let store = try StoreChoice.open(db)
        guard let list = try store.warningList(month: month) else { throw WarningError.noWarningList(month) }
        try OutputFile.write(try WarningExport(store: store).csv([list]), to: out)
    }
}
