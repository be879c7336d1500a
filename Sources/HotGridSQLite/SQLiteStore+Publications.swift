import Foundation
import GRDB
import HotGridStore
import HotGridCore

/// Frozen publications of monthly warning lists (rows can be added, never changed: triggers refuse).
extension SQLiteStore {
    /// Publishes `content` for `month`. When the month's latest publication has the same SHA-256
    /// nothing is added and that one is returned (`isNew` false); otherwise a new publication is
    /// stored, naming the month's latest as the one it corrects.
    public func publish(month: Month, content: String, sha256: String, hotspotCells: [CellID]) throws -> (publication: Publication, isNew: Bool) {
        try pool.write { db in
            let latest = try Row.fetchOne(db, sql: "SELECT * FROM publication WHERE month = ? ORDER BY id DESC LIMIT 1",
                                          arguments: [month.description]).flatMap(Self.publication)
            if let latest, latest.sha256 == sha256 { return (latest, false) }
            let publishedAt = ISO8601DateFormatter().string(from: Date())
            try db.execute(sql: """
                INSERT INTO publication (month, published_at, sha256, replaces, content, hotspot_cells) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [month.description, publishedAt, sha256, latest?.id, content, hotspotCells.map(\.description).joined(separator: "\n")])
            return (Publication(id: Int(db.lastInsertedRowID), month: month, publishedAt: publishedAt, sha256: sha256,
                                replaces: latest?.id, content: content, hotspotCells: hotspotCells), true)
        }
    }

    /// Publications, of one month or all, oldest first.
    public func publications(month: Month?) throws -> [Publication] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM publication WHERE ?1 IS NULL OR month = ?1 ORDER BY id",
                             arguments: [month?.description]).compactMap(Self.publication)
        }
    }

    public func publication(id: Int) throws -> Publication? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM publication WHERE id = ?", arguments: [id]).flatMap(Self.publication)
        }
    }

    private static func publication(_ row: Row) -> Publication? {
        guard let month = Month(row["month"] as String) else { return nil }
        let hotspots = (row["hotspot_cells"] as String?).map { $0.split(separator: "\n").compactMap { CellID(String($0)) } }
        return Publication(id: row["id"], month: month, publishedAt: row["published_at"], sha256: row["sha256"],
                           replaces: row["replaces"], content: row["content"], hotspotCells: hotspots)
    }
}
