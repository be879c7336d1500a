import GRDB
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

/// A cell of the region (table `cell`); `idx` is its dense index for per-cell arrays.
struct CellRecord: Codable, FetchableRecord, TableRecord {
    static let databaseTableName = "cell"
    var idx: Int
    var id: String
    var row: Int
    var col: Int
    var cityCode: String
    var countyCode: String
    var lon: Double
    var lat: Double
    var areaM2: Double

    enum CodingKeys: String, CodingKey {
        case idx, id, row, col, lon, lat
        case cityCode = "city_code"
        case countyCode = "county_code"
        case areaM2 = "area_m2"
    }
}

/// The part of a cell in one county (table `cell_share`).
struct CellShareRecord: Codable, FetchableRecord, TableRecord {
    static let databaseTableName = "cell_share"
    var cellId: String
    var countyCode: String
    var areaM2: Double

    enum CodingKeys: String, CodingKey {
        case cellId = "cell_id"
        case countyCode = "county_code"
        case areaM2 = "area_m2"
    }
}
