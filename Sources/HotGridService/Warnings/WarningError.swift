import HotGridCore

/// Why monthly warnings, escalations or publications cannot be made.
public enum WarningError: ExplainedError, Equatable {
    case noMeans(Month)
    case noHotspotList(Month)
    case previousMonthMissing(month: Month, previous: Month)
    case laterListsExist(from: Month, later: [Month])
    case badRange(from: Month, to: Month)
    case noWarningList(Month)
    case invalidRules(path: String, reason: String)
    case noPublication(id: Int)
    case unknownCell(String)

    public func message(for audience: Audience) -> String {
        switch self {
        case let .noMeans(m):
            audience.text("no daily PM2.5 estimate in \(m).", commandLineHint: "Run `hotgrid estimate --from \(m.firstDay) --to \(m.lastDay)` first.")
        case let .noHotspotList(m):
            audience.text("no hotspot list is in force in \(m): warnings in \(m.year) use a list selected from \(m.year - 1) or earlier.",
                          commandLineHint: "Run `hotgrid select --year \(m.year - 1)` first.")
        case let .previousMonthMissing(m, previous):
            audience.text("\(previous) has estimates and a hotspot list but no warning list, and escalations in \(m) count on it.",
                          commandLineHint: "Run `hotgrid warn --from \(previous) --to \(m)`.")
        case let .laterListsExist(from, later):
            audience.text("warning lists exist for later months (\(later.first!) to \(later.last!)); months are computed in order.",
                          commandLineHint: "Run `hotgrid warn --from \(from) --to \(later.last!)` to recompute them all.")
        case let .badRange(from, to):
            audience == .commandLine ? "--from \(from) is after --to \(to)." : "\(from) is after \(to)."
        case let .noWarningList(m):
            audience.text("no warning list for \(m).", commandLineHint: "Run `hotgrid warn --month \(m)` first.")
        case let .invalidRules(path, reason):
            audience.text("\(path): \(reason).", commandLineHint: "See `hotgrid warn --help` for the rules file format.")
        case let .noPublication(id):
            audience.text("no publication #\(id).", commandLineHint: "List them with `hotgrid publications`.")
        case let .unknownCell(id):
            audience.text("no cell \(id) in this region. Cell ids look like 3K-R01234-C05678.", commandLineHint: "See `hotgrid cells`.")
        }
    }
}
