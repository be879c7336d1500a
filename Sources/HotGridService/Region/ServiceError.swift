import HotGridCore

/// A request the service cannot carry out as given, with what to do instead.
public enum ServiceError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownRegion(String, known: [String])
    case unknownCities([String], region: String)
    case noBoundaries(path: String)
    case conflictingUnit(path: String, code: String, detail: String)
    case bundledDataMissing(String)
    case noCells(region: String)
    case nothingStored(variable: String, from: Day, to: Day)
    case overlappingCounties(a: String, b: String, squareKilometres: Double, share: Double)

    public var description: String {
        switch self {
        case let .unknownRegion(name, known):
            "unknown region '\(name)'. Choose one of \(known.joined(separator: ", ")), or load your own with --boundaries FILE."
        case let .unknownCities(codes, region):
            "no city with adcode \(codes.joined(separator: ", ")) in \(region). `hotgrid init --help` says where the codes come from; the bundled list is regions-cities.csv."
        case let .noBoundaries(path):
            "\(path) holds no boundary features. Give a file of county polygons."
        case let .conflictingUnit(path, code, detail):
            "\(path): unit \(code) appears more than once with different \(detail). Give each county one code."
        case let .bundledDataMissing(name):
            "the bundled file \(name) is missing from this installation. Reinstall HotGrid, or pass --boundaries FILE."
        case let .noCells(region):
            "\(region) covers no cell of the national grid. Check that the boundaries lie in China and their CRS is right."
        case let .overlappingCounties(a, b, km2, share):
            "counties \(a) and \(b) overlap by at least \(String(format: "%.1f", km2)) km² (\(String(format: "%.0f", 100 * share)) % of the smaller): "
                + "their land would be counted twice. Give each piece of land to one county (repair the boundaries, e.g. in QGIS), then run init again."
        case let .nothingStored(variable, from, to):
            "no day of \(variable) is stored from \(from) to \(to). `hotgrid inventory` lists what is loaded."
        }
    }
}
