import Foundation
import GRDB
import HotGridStore
import HotGridCore

/// Inserts a whole region (units, cells, shares) inside the caller's transaction.
enum RegionWriter {
    static func insert(_ region: Region, into db: Database) throws {
        try RegionRecord(name: region.name, cellSizeM: region.resolution.meters, crs: GridSpec.albersProj4,
                         createdAt: ISO8601DateFormatter().string(from: Date())).insert(db)
        for city in region.cities { try CityRecord(code: city.code, name: city.name).insert(db) }
        for county in region.counties {
            try CountyRecord(code: county.code, name: county.name, cityCode: county.parentCode ?? "",
                             areaM2: region.countyAreas[county.code] ?? 0).insert(db)
        }
        // Cells and shares number up to millions at 500 m: one prepared statement each, not a record encode per row.
        let insertCell = try db.makeStatement(sql: """
            INSERT INTO cell (idx, id, row, col, city_code, county_code, lon, lat, area_m2)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertShare = try db.makeStatement(sql: "INSERT INTO cell_share (cell_id, county_code, area_m2) VALUES (?, ?, ?)")
        for (index, cell) in region.cells.enumerated() {
            let id = cell.id.description
            try insertCell.execute(arguments: [index, id, cell.id.row, cell.id.column, cell.cityCode, cell.countyCode,
                                               cell.longitude, cell.latitude, cell.areaInside])
            for share in cell.countyShares {
                try insertShare.execute(arguments: [id, share.countyCode, share.area])
            }
        }
    }
}
