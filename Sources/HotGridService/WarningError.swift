import HotGridCore

/// Why monthly warnings, escalations or publications cannot be made.
public enum WarningError: Error, Equatable, CustomStringConvertible {
    case noMeans(Month)
    case noHotspotList(Month)
    case previousMonthMissing(month: Month, previous: Month)
    case laterListsExist(from: Month, later: [Month])
    case badRange(from: Month, to: Month)
    case noWarningList(Month)
    case invalidRules(path: String, reason: String)
    case noPublication(id: Int)
    case unknownCell(String)

    public var description: String {
        switch self {
        case let .noMeans(m):
            "no daily PM2.5 estimate in \(m). Run `hotgrid estimate --from \(m.firstDay) --to \(m.lastDay)` first."
        case let .noHotspotList(m):
            "no hotspot list is in force in \(m): warnings in \(m.year) use a list selected from \(m.year - 1) or earlier. "
                + "Run `hotgrid select --year \(m.year - 1)` first."
        case let .previousMonthMissing(m, previous):
            "\(previous) has estimates and a hotspot list but no warning list, and escalations in \(m) count on it. "
                + "Run `hotgrid warn --from \(previous) --to \(m)`."
        case let .laterListsExist(from, later):
            "warning lists exist for later months (\(later.first!) to \(later.last!)); months are computed in order. "
                + "Run `hotgrid warn --from \(from) --to \(later.last!)` to recompute them all."
        case let .badRange(from, to):
            "--from \(from) is after --to \(to)."
        case let .noWarningList(m):
            "no warning list for \(m). Run `hotgrid warn --month \(m)` first."
        case let .invalidRules(path, reason):
            "\(path): \(reason). See `hotgrid warn --help` for the rules file format."
        case let .noPublication(id):
            "no publication #\(id). List them with `hotgrid publications`."
        case let .unknownCell(id):
            "no cell \(id) in this region. Cell ids look like 3K-R01234-C05678 (see `hotgrid cells`)."
        }
    }
}
