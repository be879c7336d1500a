import Foundation
import GRDB
import Testing
import HotGridCore
@testable import HotGridSQLite
import HotGridStore

/// Rows valid at each migration, put in right after it: an upgrade must carry them all forward.
/// Audited rows are recorded in the audit log as the ledger records them.
private let seeds: [String: @Sendable (Database) throws -> Void] = [
    "v1-region": { db in
        try db.execute(sql: """
            INSERT INTO region (id, name, cell_size_m, crs, created_at) VALUES (1, 'old', 3000, 'EPSG:4326', '2019-01-01T00:00:00Z');
            INSERT INTO city (code, name) VALUES ('110100', '北京市');
            INSERT INTO county (code, name, city_code, area_m2) VALUES ('110101', '东城区', '110100', 4.2e7);
            INSERT INTO cell (idx, id, row, col, city_code, county_code, lon, lat, area_m2)
                VALUES (0, '\(cell)', 700, 1500, '110100', '110101', 116.4, 39.9, 9e6);
            INSERT INTO cell_share (cell_id, county_code, area_m2) VALUES ('\(cell)', '110101', 9e6);
            """)
    },
    "v2-ingest": { db in
        try db.execute(sql: """
            INSERT INTO station (id, name, lon, lat, cell_id) VALUES ('1003A', '东四', 116.4, 39.9, '\(cell)');
            INSERT INTO station_day (station_id, day, pm25, valid_hours) VALUES ('1003A', '2019-01-05', 30.5, 24);
            INSERT INTO import_log (kind, source, imported_at, summary) VALUES ('stations', 'old', '2019-01-06T00:00:00Z', '1 station-day');
            """)
    },
    "v3-hotspots": { db in
        try db.execute(sql: """
            INSERT INTO hotspot_list (year, method, policy, created_at) VALUES (2019, 'divergence', 'regional', '2020-01-02T00:00:00Z');
            INSERT INTO hotspot (year, cell_id, rank, emission_index, pm25_annual) VALUES (2019, '\(cell)', 1, 12.5, 48.0);
            """)
    },
    "v4-warnings": { db in
        try db.execute(sql: """
            INSERT INTO warning_list (month, hotspot_year, quota_share, rules, created_at) VALUES ('2020-01', 2019, 0.1, '[]', '2020-02-01T00:00:00Z');
            INSERT INTO warning (month, cell_id, reasons, pm25) VALUES ('2020-01', '\(cell)', 'highest', 80.0);
            INSERT INTO publication (month, published_at, sha256, content)
                VALUES ('2020-01', '2020-02-02T00:00:00Z', '\(String(repeating: "a", count: 64))', '{}');
            """)
    },
    "v5-ledger": { db in
        try db.execute(sql: "INSERT INTO person (name, role, scope) VALUES ('王芳', 'city_officer', 'city:110100')")
        try AuditLog.record(db, actor: nil, action: "add_person", entity: .person, id: "1", before: nil)
        try db.execute(sql: "INSERT INTO source (cell_id, kind, lon, lat, name) VALUES ('\(cell)', 'boiler', 116.4, 39.9, '锅炉房')")
        try AuditLog.record(db, actor: 1, action: "add_source", entity: .source, id: "1", before: nil)
        try db.execute(sql: """
            INSERT INTO problem (cell_id, source_id, category, description, lon, lat, found_by, found_on, status)
                VALUES ('\(cell)', 1, 'boiler', '黑烟', 116.4, 39.9, 1, '2020-02-03', 'reported')
            """)
        try AuditLog.record(db, actor: 1, action: "record_problem", entity: .problem, id: "1", before: nil)
    },
    "v6-accounts": { db in
        try db.execute(sql: "INSERT INTO credential (person_id, login, password_hash, updated_at) VALUES (1, 'wangfang', '$2b$12$x', '2020-02-03T00:00:00Z')")
    },
    "v7-data-reports": { db in
        try db.execute(sql: "INSERT INTO data_report (cell_id, city_code, message, submitted_at, officer_id) VALUES ('\(cell)', '110100', '数据有误', '2020-02-04T00:00:00Z', 1)")
        try AuditLog.record(db, actor: nil, action: "submit_data_report", entity: .dataReport, id: "1", before: nil)
    },
    "v8-hotspot-probability": { db in try db.execute(sql: "UPDATE hotspot SET probability = 0.9") },
    // From v9 on the ledger records every credential it writes.
    "v9-audited-credentials": { db in try AuditLog.record(db, actor: 1, action: "set_password", entity: .credential, id: "1", before: nil) },
    "v10-station-pollutants": { db in try db.execute(sql: "UPDATE station_day SET pm10 = 61.0") },
]

private let cell = CellID(resolution: .m3000, row: 700, column: 1500)!.description

@Suite("Schema migrations")
struct MigrationTests {
    /// The SHA-256 of every shipped migration's SQL. A failure here means a shipped migration was
    /// edited: put it back and append a new migration instead, because databases already built
    /// with the old text keep it.
    static let shipped: [String: String] = [
        "v1-region": "06205baa6509cee1dbb3c1a2cf2ce1687a84e4259889f33097e03de9f7a7f8c0",
        "v2-ingest": "6cb66ac7ec5e6f29498991e3a8d59703754011b9041af05aecd584013c114dd5",
        "v3-hotspots": "7dde06dc575175e5891ccdc6f5cee7171be77254be5ee698a966e79fad25ed49",
        "v4-warnings": "760ced7889fbd6e5bee0c3e389794f530f3641055560d62e4a495e49b495144e",
        "v5-ledger": "529178fdfa976ca38189c71846665734509d9716e1e3073be315a0cd91e01d62",
        "v6-accounts": "b826495cb3edbc6ba2e9939f03e27fab8a06ef47041e28cb160a3a9c39295ee5",
        "v7-data-reports": "6e8d412df508bb9a2cd27ea40b731d3490dfedd7c3bacce624af58473e12ac39",
        "v8-hotspot-probability": "3cf3b5d670c71540508efad17b1f1c49c2d0659602931a5c156f828c0d942c51",
        "v9-audited-credentials": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "v10-station-pollutants": "f76d49468e8e14a7338f2111a27c56d34d0341a7ae0b5a2e17c0b8d252efbab2",
        "v11-station-background": "41f5853d786812070b2e4187686e0303b058c44e878304ac66540f8db1dc8060",
        "v12-publication-hotspots": "0cfe32adb99479f5e689c92d0eeeacbf0c632c4d9c4cf2ddd73429e425a9e31d",
        "v13-audit-encoding": "c9bd3210d83653ec7571a8df7b9468aac398582a4996604c381dd4e610bfef4d",
    ]

    @Test("No shipped migration has changed: each one's SQL still has the SHA-256 it shipped with")
    func frozen() {
        for migration in Migration.shipped {
            let recorded = Self.shipped[migration.id]
            #expect(recorded != nil, "\(migration.id) is new: add its SHA-256 \(AuditLog.sha256(migration.sql)) to MigrationTests.shipped")
            if let recorded { #expect(AuditLog.sha256(migration.sql) == recorded, "\(migration.id) was edited after shipping") }
        }
        #expect(Set(Migration.shipped.map(\.id)) == Set(Self.shipped.keys), "a shipped migration was removed")
    }

    @Test("Every value the domain's enums can take fits the schema's CHECK lists (a new one needs a migration)")
    func enumsFitTheSchema() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue)
        try queue.write { db in
            try seeds["v1-region"]!(db)
            for role in Role.allCases {
                let department = role == .departmentOfficer ? "'environment'" : "NULL"
                #expect(throws: Never.self, "role \(role.rawValue)") {
                    try db.execute(sql: "INSERT INTO person (name, role, scope, department) VALUES ('x', '\(role.rawValue)', 'region', \(department))")
                }
            }
            for kind in SourceKind.allCases {
                #expect(throws: Never.self, "source kind \(kind.rawValue)") {
                    try db.execute(sql: "INSERT INTO source (cell_id, kind, lon, lat, name) VALUES ('\(cell)', '\(kind.rawValue)', 116.4, 39.9, 'x')")
                }
            }
            for category in ProblemCategory.allCases {
                #expect(throws: Never.self, "problem category \(category.rawValue)") {
                    try db.execute(sql: """
                        INSERT INTO problem (cell_id, category, description, lon, lat, found_by, found_on, status)
                        VALUES ('\(cell)', '\(category.rawValue)', 'x', 116.4, 39.9, 1, '2020-01-01', 'reported')
                        """)
                }
            }
            for status in ProblemStatus.allCases {
                #expect(throws: Never.self, "problem status \(status.rawValue)") {
                    try db.execute(sql: "INSERT INTO problem_event (problem_id, to_status, actor, at, comment) VALUES (1, '\(status.rawValue)', 1, 'now', 'x')")
                }
            }
            #expect(throws: DatabaseError.self, "the CHECK lists do refuse other values") {
                try db.execute(sql: "INSERT INTO person (name, role, scope) VALUES ('x', 'emperor', 'region')")
            }
        }
    }

    @Test("A database built at every earlier version, with data in it, upgrades: rows kept, audit log intact", arguments: Migration.shipped.dropLast().map(\.id))
    func upgrade(from version: String) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("upgrade-\(version)-\(UUID().uuidString).sqlite").path
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        let ids = Migration.shipped.map(\.id), upTo = ids.firstIndex(of: version)!
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: version)
            try queue.write { db in
                for id in ids[...upTo] { try seeds[id]?(db) }
            }
            #expect(try queue.read { try Schema.migrator.appliedMigrations($0) }.last == version)
        }

        let store = try SQLiteStore(opening: path)
        #expect(try store.pool.read { try Schema.migrator.appliedMigrations($0) } == ids)
        #expect(try store.cells().map(\.id.description) == [cell])
        let reached = { (id: String) in upTo >= ids.firstIndex(of: id)! }
        if reached("v2-ingest") {
            let station = try #require(try store.stations().first)
            #expect(station.id == "1003A" && station.background == nil)
            let day = try #require(try store.stationDays(others: true).first)
            #expect(day.pm25 == 30.5 && day.validHours == 24 && day.others[.pm10] == (reached("v10-station-pollutants") ? 61 : nil))
        }
        if reached("v3-hotspots") {
            let list = try #require(try store.hotspotList(year: 2019))
            #expect(list.entries.map(\.cell.description) == [cell])
        }
        if reached("v4-warnings") { #expect(try store.publications().count == 1) }
        if reached("v5-ledger") { #expect(try store.problems().map(\.description) == ["黑烟"]) }
        let audit = try store.verifyAudit()
        #expect(audit.isIntact, "\(audit.findings)")
        // The 8 default departments; the seeded person, source and problem; the data report; and
        // the login: recorded when written from v9 on, adopted into the log by v9 when older.
        let expected = !reached("v5-ledger") ? 8 : 8 + 3 + (reached("v6-accounts") ? 1 : 0) + (reached("v7-data-reports") ? 1 : 0)
        #expect(audit.entries == expected)
        // The old entries stay in the encoding they were written in; what is written now takes the
        // declared one, and the chain over both verifies, and still catches a row changed behind its back.
        try store.ledger(actor: nil) { try $0.addDepartment(Department(code: "ecology", name: "生态")) }
        #expect(try store.pool.read { try Int.fetchAll($0, sql: "SELECT encoding FROM audit_entry ORDER BY seq") } == Array(repeating: 1, count: expected) + [2])
        #expect(try store.verifyAudit().isIntact)
        try store.pool.write { try $0.execute(sql: "UPDATE department SET name = '改' WHERE code IN ('ecology', 'housing')") }
        #expect(try store.verifyAudit().findings.map(\.message).filter { $0.contains("behind HotGrid's back") }.count == 2)
    }
}
