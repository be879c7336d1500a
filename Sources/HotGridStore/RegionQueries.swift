import Foundation
import GRDB
import HotGridCore

/// Reading the region back: what was loaded, its units, its cells and the per-city summary.
extension SQLiteStore {
    public func regionInfo() throws -> RegionInfo {
        try pool.read { db in
            guard let record = try RegionRecord.fetchOne(db),
                  let resolution = GridResolution(rawValue: record.cellSizeM) else {
                throw StoreError.notAHotGridDatabase(path: path, reason: "no region loaded")
            }
            let created = ISO8601DateFormatter().date(from: record.createdAt) ?? Date(timeIntervalSince1970: 0)
            return RegionInfo(name: record.name, resolution: resolution, createdAt: created)
        }
    }

    public func cities() throws -> [AdminUnit] {
        try pool.read { db in
            try CityRecord.order(Column("code")).fetchAll(db).map {
                AdminUnit(code: $0.code, name: $0.name, level: .city)
            }
        }
    }

    public func counties() throws -> [AdminUnit] {
        try pool.read { db in
            try CountyRecord.order(Column("code")).fetchAll(db).map {
                AdminUnit(code: $0.code, name: $0.name, level: .county, parentCode: $0.cityCode)
            }
        }
    }

    /// Every cell in dense-index order, with its county shares.
    public func cells() throws -> [Cell] {
        try pool.read { db in
            var shares: [String: [CountyShare]] = [:]
            for share in try CellShareRecord.order(Column("area_m2").desc).fetchAll(db) {
                shares[share.cellId, default: []].append(CountyShare(countyCode: share.countyCode, area: share.areaM2))
            }
            return try CellRecord.order(Column("idx")).fetchAll(db).map { record in
                guard let id = CellID(record.id) else {
                    throw StoreError.notAHotGridDatabase(path: path, reason: "malformed cell id '\(record.id)'")
                }
                return Cell(id: id, cityCode: record.cityCode, countyCode: record.countyCode,
                            longitude: record.lon, latitude: record.lat, areaInside: record.areaM2,
                            countyShares: shares[record.id] ?? [])
            }
        }
    }

    /// One line per city: cells assigned, area inside the region, counties.
    public func citySummaries() throws -> [CitySummary] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT city.code, city.name,
                       (SELECT COUNT(*) FROM cell WHERE cell.city_code = city.code) AS cells,
                       (SELECT COALESCE(SUM(area_m2), 0) FROM county WHERE county.city_code = city.code) AS area,
                       (SELECT COUNT(*) FROM county WHERE county.city_code = city.code) AS counties,
                       (SELECT COUNT(*) FROM county WHERE county.city_code = city.code
                          AND NOT EXISTS (SELECT 1 FROM cell WHERE cell.county_code = county.code)) AS empty
                FROM city ORDER BY city.code
                """).map { row in
                CitySummary(code: row["code"], name: row["name"], cells: row["cells"], area: row["area"],
                            counties: row["counties"], countiesWithoutCells: row["empty"])
            }
        }
    }
}
