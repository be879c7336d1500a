import Foundation
import GRDB
import HotGridStore
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
        // Rows read by position, not decoded by name: a region has tens of thousands of cells.
        try pool.read { db in
            var shares: [String: [CountyShare]] = [:]
            let shareRows = try Row.fetchCursor(db, sql: "SELECT cell_id, county_code, area_m2 FROM cell_share ORDER BY area_m2 DESC")
            while let row = try shareRows.next() {
                shares[row[0], default: []].append(CountyShare(countyCode: row[1], area: row[2]))
            }
            var cells: [Cell] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT id, city_code, county_code, lon, lat, area_m2 FROM cell ORDER BY idx")
            while let row = try rows.next() {
                let text: String = row[0]
                guard let id = CellID(text) else {
                    throw StoreError.notAHotGridDatabase(path: path, reason: "malformed cell id '\(text)'")
                }
                cells.append(Cell(id: id, cityCode: row[1], countyCode: row[2], longitude: row[3], latitude: row[4], areaInside: row[5],
                                  countyShares: shares[text] ?? []))
            }
            return cells
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
