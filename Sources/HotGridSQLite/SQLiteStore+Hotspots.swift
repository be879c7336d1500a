import Foundation
import GRDB
import HotGridStore
import HotGridCore

/// Storing and reading hotspot lists and their reviews.
extension SQLiteStore {
    /// Stores `list` (replacing that year's list) with the changes of its review, in one transaction.
    public func saveHotspotList(_ list: HotspotList, changes: [HotspotChange], reviewedAgainst: Int?) throws {
        try pool.write { db in
            // A list that later work stands on is kept as it was: say what stands on it.
            if let reviewed = try Int.fetchOne(db, sql: "SELECT min(year) FROM hotspot_list WHERE reviewed_against = ?", arguments: [list.year]) {
                throw StoreError.conflict("the \(list.year) hotspot list is the base of the \(reviewed) review; it cannot be replaced")
            }
            if let month = try String.fetchOne(db, sql: "SELECT min(month) FROM warning_list WHERE hotspot_year = ?", arguments: [list.year]) {
                throw StoreError.conflict("warnings from \(month) on were issued from the \(list.year) hotspot list; it cannot be replaced")
            }
            try db.execute(sql: "DELETE FROM hotspot_list WHERE year = ?", arguments: [list.year])
            let settings = String(decoding: try JSONEncoder().encode(list.settings), as: UTF8.self)
            try db.execute(sql: "INSERT INTO hotspot_list (year, method, policy, created_at, reviewed_against, settings) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [list.year, list.method, list.policy.rawValue, AuditLog.time.format(Date()), reviewedAgainst, settings])
            let insert = try db.makeStatement(sql: """
                INSERT INTO hotspot (year, cell_id, rank, emission_index, pm25_annual, probability) VALUES (?, ?, ?, ?, ?, ?)
                """)
            for e in list.entries {
                try insert.execute(arguments: [list.year, e.cell.description, e.rank, e.emissionIndex, e.pm25Annual, e.probability])
            }
            let change = try db.makeStatement(sql: "INSERT INTO hotspot_change (year, cell_id, change, reason) VALUES (?, ?, ?, ?)")
            for c in changes { try change.execute(arguments: [list.year, c.cell.description, c.kind.rawValue, c.reason]) }
        }
    }

    /// What changes when any hotspot list is selected or replaced.
    public func hotspotListStamp() throws -> String {
        try pool.read { try String.fetchOne($0, sql: "SELECT group_concat(year || '@' || created_at) FROM hotspot_list") ?? "" }
    }

    /// The years that have a stored list, in order.
    public func hotspotListYears() throws -> [Int] {
        try pool.read { try Int.fetchAll($0, sql: "SELECT year FROM hotspot_list ORDER BY year") }
    }

    /// (year, rank, probability) of every stored list holding `cell`, by year: one key lookup per list.
    public func hotspotRanks(cell: CellID) throws -> [(year: Int, rank: Int, probability: Double?)] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT l.year, h.rank, h.probability FROM hotspot_list l JOIN hotspot h ON h.year = l.year AND h.cell_id = ? ORDER BY l.year
                """, arguments: [cell.description]).map { ($0["year"], $0["rank"], $0["probability"]) }
        }
    }

    /// The stored list of `year`; nil when none.
    public func hotspotList(year: Int) throws -> HotspotList? {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT method, policy, settings FROM hotspot_list WHERE year = ?", arguments: [year]) else {
                return nil
            }
            let entries = try Row.fetchAll(db, sql: """
                SELECT cell_id, rank, emission_index, pm25_annual, probability FROM hotspot WHERE year = ? ORDER BY rank
                """, arguments: [year]).compactMap { r -> HotspotEntry? in
                guard let cell = CellID(r["cell_id"] as String) else { return nil }
                return HotspotEntry(cell: cell, rank: r["rank"], emissionIndex: r["emission_index"], pm25Annual: r["pm25_annual"],
                                    probability: r["probability"])
            }
            let settings = (try? JSONDecoder().decode([String].self, from: Data((row["settings"] as String).utf8))) ?? []
            return HotspotList(year: year, method: row["method"], policy: SelectionPolicy(rawValue: row["policy"]) ?? .regional,
                               entries: entries, settings: settings)
        }
    }

    /// The changes stored with `year`'s review, entering first, then leaving, then staying.
    public func hotspotChanges(year: Int) throws -> [HotspotChange] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT cell_id, change, reason FROM hotspot_change WHERE year = ? ORDER BY change, cell_id",
                             arguments: [year]).compactMap { r in
                guard let cell = CellID(r["cell_id"] as String), let kind = HotspotChange.Kind(rawValue: r["change"]) else { return nil }
                return HotspotChange(cell: cell, kind: kind, reason: r["reason"])
            }
        }
    }
}
