import GRDB
import HotGridStore
import HotGridCore

/// The one row describing the loaded region (table `region`).
struct RegionRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "region"
    var id = 1
    var name: String
    var cellSizeM: Int
    var crs: String
    var createdAt: String

    enum CodingKeys: String, CodingKey {
        case id, name, crs
        case cellSizeM = "cell_size_m"
        case createdAt = "created_at"
    }
}

/// A city of the region (table `city`).
struct CityRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "city"
    var code: String
    var name: String
}

/// A county of the region with its area inside the region (table `county`).
struct CountyRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "county"
    var code: String
    var name: String
    var cityCode: String
    var areaM2: Double

    enum CodingKeys: String, CodingKey {
        case code, name
        case cityCode = "city_code"
        case areaM2 = "area_m2"
    }
}

