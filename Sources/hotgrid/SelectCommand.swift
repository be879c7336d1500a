import ArgumentParser
import Foundation
import HotGridAnalysis
import HotGridCore
import HotGridService
import HotGridStore

extension EmissionIndexMethod: ExpressibleByArgument {}
extension SelectionPolicy: ExpressibleByArgument {}

struct SelectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "select",
        abstract: "Pick the year's hotspot cells: the most-emitting ~10 % once weather is removed.",
        discussion: """
            Needs the year's daily PM2.5 estimate (hotgrid estimate) and u10, v10, blh (and precip) fields. \
            The emission index (t/yr per cell) is a mass balance of each cell each day, \
            E = h·((C − B)/τ + u·∇C − K∇²C), averaged over the year with weights 1/h: transport from \
            neighbours (u·∇C, K∇²C), trapping under a low boundary layer (h), washout (τ) and the regional \
            background (B) are taken away. --method regression uses a fixed-effects regression of log PM2.5 \
            on meteorology instead. The list is stored (replacing the year's list) and written as CSV: \
            \(HotspotExport.columns.joined(separator: ", ")).
            """
    )

    @Option(help: "The HotGrid database.") var db: String
    @Option(help: "The year whose daily estimates are used.") var year: Int
    @Option(help: "Share of cells to select.") var share = 0.10
    @Option(help: "A fixed number of cells instead of --share.") var count: Int?
    @Option(help: "regional (one ranking over the region) or per-city (the same share of every city).") var policy: SelectionPolicy = .regional
    @Option(help: "divergence (mass balance) or regression (fixed effects).") var method: EmissionIndexMethod = .divergence
    @Option(help: "Write the list as CSV here (default: standard output).") var out: String?
    @OptionGroup var certainty: ProbabilityOptions

    func validate() throws {
        try certainty.validate(method: method)
        guard share > 0, share <= 1 else { throw ValidationError("--share must be in (0, 1] (got \(share)).") }
        if let count, count < 1 { throw ValidationError("--count must be at least 1.") }
        if count != nil, policy == .perCity { throw ValidationError("--count goes with the regional policy; use --share per city.") }
    }

    func run() throws {
        let started = Date()
        let store = try StoreChoice.open(db)
        let result = try HotspotSelection(year: year, share: share, count: count, policy: policy, method: method,
                                          probabilityReplicates: certainty.probabilities)
            .run(store: store, progress: TerminalProgress())
        let export = HotspotExport(store: store)
        try OutputFile.write(try export.csv(result.list), to: out)
        FileHandle.standardError.write(Data(("Hotspot list \(year) (\(method.rawValue), \(policy.rawValue)): \(result.list.entries.count) cells\n"
            + "Settings used:\n" + result.list.settings.map { "  \($0)\n" }.joined()
            + (result.probability == nil ? "" : HotspotExport.certaintySummary(result.list))
            + (try export.citySummary(result.list))
            + String(format: "Done in %.1f s, peak memory %d MB\n", Date().timeIntervalSince(started), peakMemoryMegabytes())).utf8))
    }
}

/// `--probabilities N`, shared by select and review.
struct ProbabilityOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Also estimate each cell's probability of belonging in the list, from this many bootstrap replicates of the year's days (100 gives each probability within ±0.05).",
                               valueName: "replicates")) var probabilities: Int?

    func validate(method: EmissionIndexMethod) throws {
        if let probabilities, !(10...10_000).contains(probabilities) { throw ValidationError("--probabilities takes 10 to 10000 replicates (got \(probabilities)).") }
        if probabilities != nil, method != .divergence { throw ValidationError("--probabilities resamples the days of the divergence index; drop --method regression.") }
    }
}

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review the hotspot list against last year's: who leaves, enters, stays, and why.",
        discussion: """
            A listed cell stays while its rank is within 1.25 × the target count; beyond that it leaves only \
            on marked improvement (emission index down ≥ 20 %). An unlisted cell enters within 0.8 × the \
            target; the best remaining cells fill the list to the target. The new list is stored with its changes.
            """
    )

    @Option(help: "The HotGrid database.") var db: String
    @Option(help: "The year to review (its previous year's list must exist).") var year: Int
    @Option(help: "Target share of cells.") var share = 0.10
    @Option(help: "divergence or regression.") var method: EmissionIndexMethod = .divergence
    @Option(help: "Write the changes as CSV (cell_id, change, reason) here.") var out: String?
    @OptionGroup var certainty: ProbabilityOptions

    func validate() throws { try certainty.validate(method: method) }

    func run() throws {
        let store = try StoreChoice.open(db)
        let (result, changes) = try HotspotSelection(year: year, share: share, method: method, probabilityReplicates: certainty.probabilities).review(store: store, progress: TerminalProgress())
        let counts = Dictionary(grouping: changes, by: \.kind).mapValues(\.count)
        print("Review \(year) against \(year - 1): \(result.list.entries.count) hotspot cells; "
              + "\(counts[.entering] ?? 0) entering, \(counts[.leaving] ?? 0) leaving, \(counts[.staying] ?? 0) staying")
        var table = CSVTable(header: ["cell_id", "change", "reason"])
        for c in changes { table.append([c.cell.description, c.kind.rawValue, c.reason]) }
        if let out { try OutputFile.write(table.data, to: out) } else {
            for c in changes where c.kind != .staying { print("  \(c.kind.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(c.cell)  \(c.reason)") }
        }
    }
}

struct HotspotsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hotspots",
        abstract: "Export a stored hotspot list as CSV or GeoJSON.",
        discussion: "Columns/properties: \(HotspotExport.columns.joined(separator: ", ")); GeoJSON features carry the cell's square."
    )

    @Option(help: "The HotGrid database.") var db: String
    @Option(help: "The list's year.") var year: Int
    @Option(help: "csv or geojson.") var format: CellExport.Format = .csv
    @Option(help: "Write to this file instead of standard output.") var out: String?

    func run() throws {
        try OutputFile.write(try HotspotExport(store: StoreChoice.open(db)).render(year: year, format: format), to: out)
    }
}
