import Foundation
import HotGridCore
import HotGridStore

/// Where a region's boundaries come from.
public enum BoundarySource: Sendable {
    /// One of ``BundledBoundaries/regions`` from the bundled file.
    case bundled(region: String)
    /// A user's file of county polygons, with its field names.
    case file(path: String, fields: BoundaryFields)
}

/// `hotgrid init`: cut a region into cells and store it in a new database.
public struct RegionSetup {
    public var source: BoundarySource
    /// City adcodes to keep; nil keeps every city of the source.
    public var cities: [String]?
    public var resolution: GridResolution

    public init(source: BoundarySource, cities: [String]? = nil, resolution: GridResolution = .m3000) {
        self.source = source
        self.cities = cities
        self.resolution = resolution
    }

    /// Reads the boundaries, builds the cells and creates the store at `address` (replacing an
    /// existing one only when `replacing`). Nothing is written on failure.
    @discardableResult
    public func run(into address: any StoreAddress, replacing: Bool = false,
                    progress: ProgressReporter = SilentProgress()) throws -> Region {
        if !replacing, try address.exists() {
            throw StoreError.alreadyExists(path: address.description)
        }
        let region = try buildRegion(progress: progress)
        progress.begin("Writing \(address)", total: 1)
        _ = try address.create(region: region, replacing: replacing)
        progress.end("\(region.cells.count) cells stored")
        return region
    }

    /// The region's cells, without storing them.
    public func buildRegion(progress: ProgressReporter = SilentProgress()) throws -> Region {
        let (name, counties) = try loadCounties()
        return try RegionBuilder.build(name: name, counties: counties, resolution: resolution, progress: progress)
    }

    private func loadCounties() throws -> (name: String, counties: [CountyBoundary]) {
        let name: String
        var counties: [CountyBoundary]
        switch source {
        case let .bundled(region):
            guard BundledBoundaries.regions.contains(region) else {
                throw ServiceError.unknownRegion(region, known: BundledBoundaries.regions)
            }
            name = region
            counties = try BoundaryLoader.load(
                path: try BundledBoundaries.countiesPath(), fields: BundledBoundaries.fields,
                extraFields: [BundledBoundaries.regionField],
                keep: { $0[BundledBoundaries.regionField] == region })
        case let .file(path, fields):
            name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            counties = try BoundaryLoader.load(path: path, fields: fields)
            guard !counties.isEmpty else { throw ServiceError.noBoundaries(path: path) }
        }
        guard let cities, !cities.isEmpty else { return (name, counties) }
        let known = Set(counties.map(\.city.code))
        let unknown = cities.filter { !known.contains($0) }
        guard unknown.isEmpty else { throw ServiceError.unknownCities(unknown, region: name) }
        counties = counties.filter { cities.contains($0.city.code) }
        return ("\(name) (\(cities.joined(separator: ",")))", counties)
    }
}
