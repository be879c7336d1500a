import HotGridCore

/// Why an import was refused. Every case names the file, and the line or variable, at fault.
public enum IngestError: Error, Equatable, Sendable, CustomStringConvertible {
    case cannotRead(path: String, reason: String)
    case emptyFile(path: String)
    case missingColumn(path: String, column: String, present: [String])
    /// A row that cannot be taken: file, line (0 when the problem is the file's, not one line's), what is wrong.
    case badRow(path: String, line: Int, problem: String)
    case unknownVariable(String)
    case noDate(path: String)
    case ambiguousBands(path: String, bands: Int)
    case noCRS(path: String)
    case noOverlap(path: String, extent: String)
    case noRegion(path: String)
    case noStationsInRegion(path: String)
    case implausibleValue(path: String, variable: String, day: Day, band: String, column: Int, row: Int, value: Double,
                          range: ClosedRange<Double>, unit: String)

    public var description: String {
        switch self {
        case let .cannotRead(path, reason):
            "cannot read \(path): \(reason)."
        case let .emptyFile(path):
            "\(path) is empty: it needs a header row and data rows."
        case let .missingColumn(path, column, present):
            "\(path): the header has no column '\(column)' (columns: \(present.joined(separator: ", "))). Rename the column or fix the header."
        case let .badRow(path, line, problem):
            "\(path)\(line > 0 ? ":\(line)" : ""): \(problem). Fix the row, or pass --skip-bad-rows to skip such rows and count them."
        case let .unknownVariable(name):
            "unknown variable '\(name)'. Use one of \(FieldVariable.allCases.map(\.rawValue).joined(separator: ", ")); name the file's own variable with --source-variable."
        case let .noDate(path):
            "\(path) has no time axis. Give its date with --date YYYY-MM-DD."
        case let .ambiguousBands(path, bands):
            "\(path) has \(bands) bands and no time axis. Give one file per day, or a NetCDF with a CF time axis."
        case let .noCRS(path):
            "\(path) has no coordinate reference system. Assign one first (gdal_edit.py -a_srs EPSG:4326 \(path))."
        case let .noOverlap(path, extent):
            "\(path) does not overlap the region (its extent: \(extent)). Check the file and its CRS."
        case let .noRegion(path):
            "\(path) holds no region. Run `hotgrid init` first."
        case let .noStationsInRegion(path):
            "no station of \(path) lies in the region. Check the lon/lat columns (WGS84 degrees, lon first)."
        case let .implausibleValue(path, variable, day, band, column, row, value, range, unit):
            "\(path): \(variable) on \(day) (\(band)) is \(value) at pixel column \(column), row \(row), outside the plausible "
                + "\(range.lowerBound)…\(range.upperBound) \(unit). If it marks missing data, give --fill-value; if the unit is off, "
                + "--scale/--offset; or --skip-bad-values to leave such pixels out."
        }
    }
}
