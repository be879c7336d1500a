import ArgumentParser
import Foundation
import HotGridCore
import HotGridService

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Cut a region into national-grid cells and store it in a new database.",
        discussion: """
            Either a bundled region (the county boundaries of the "2+26" cities, the Fenwei Plain and the \
            Yangtze River Delta ship with HotGrid) or your own file of county polygons (GeoJSON, Shapefile, \
            GeoPackage; any CRS GDAL knows). Every cell that overlaps the region is kept with the area that \
            lies inside; it belongs to the city, then the county of that city, holding the largest share. \
            City adcodes for --cities: run `hotgrid init --region 2+26 …` once and `hotgrid region`, or see \
            regions-cities.csv in the bundled data.
            """
    )

    @Option(help: "The database file to create.")
    var db: String

    @Option(help: "A bundled region: \(BundledBoundaries.regions.joined(separator: ", ")).")
    var region: String?

    @Option(help: "Keep only these cities (comma-separated city adcodes).")
    var cities: String?

    @Option(help: "A file of county polygons instead of a bundled region.")
    var boundaries: String?

    @Option(help: "Field holding the county code (with --boundaries).")
    var codeField: String?
    @Option(help: "Field holding the county name (with --boundaries).")
    var nameField: String?
    @Option(help: "Field holding the city code (with --boundaries).")
    var cityCodeField: String?
    @Option(help: "Field holding the city name (with --boundaries).")
    var cityNameField: String?

    @Option(help: "Cell size in metres: 3000, 1000 or 500.")
    var cellSize: Int = 3000

    @Flag(help: "Replace the database if it exists.")
    var force = false

    func validate() throws {
        switch (region, boundaries) {
        case (nil, nil): throw ValidationError("Give --region NAME (\(BundledBoundaries.regions.joined(separator: ", "))) or --boundaries FILE.")
        case (.some, .some): throw ValidationError("Give either --region or --boundaries, not both.")
        default: break
        }
        if region != nil, [codeField, nameField, cityCodeField, cityNameField].contains(where: { $0 != nil }) {
            throw ValidationError("The --…-field flags name fields of your --boundaries file; the bundled regions need none.")
        }
        guard GridResolution(rawValue: cellSize) != nil else {
            throw ValidationError("--cell-size must be 3000, 1000 or 500 (got \(cellSize)).")
        }
    }

    func run() throws {
        let started = Date()
        let defaults = BoundaryFields()
        let source: BoundarySource = if let region {
            .bundled(region: region)
        } else {
            .file(path: boundaries ?? "", fields: BoundaryFields(
                code: codeField ?? defaults.code, name: nameField ?? defaults.name,
                cityCode: cityCodeField ?? defaults.cityCode, cityName: cityNameField ?? defaults.cityName))
        }
        let setup = RegionSetup(source: source, cities: cityCodes(cities), resolution: GridResolution(rawValue: cellSize) ?? .m3000)
        let region = try setup.run(into: StoreChoice.address(db), replacing: force, progress: TerminalProgress())
        let area = region.cells.reduce(0) { $0 + $1.areaInside } / 1e6
        print(String(format: "%@: %d cells of %d m (%.0f km² inside), %d counties, %d cities → %@ in %.1f s, peak memory %d MB",
                     region.name, region.cells.count, cellSize, area, region.counties.count, region.cities.count,
                     db, Date().timeIntervalSince(started), peakMemoryMegabytes()))
    }
}
