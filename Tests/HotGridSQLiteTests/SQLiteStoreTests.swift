import Foundation
import Testing
import HotGridCore
@testable import HotGridSQLite
import HotGridStore

private func temporaryPath(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString).sqlite").path
}

private func leftovers(of path: String) throws -> [String] {
    let url = URL(fileURLWithPath: path)
    return try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
        .filter { $0.contains(url.lastPathComponent) }
}

/// Two counties of one city, three cells; the middle cell is shared.
private func sampleRegion(countyArea: Double = 12e6) -> Region {
    let ids = (0..<3).map { CellID(resolution: .m3000, row: 700, column: 1500 + $0)! }
    let cells = [
        Cell(id: ids[0], cityCode: "110100", countyCode: "110101", longitude: 116.1, latitude: 40.1,
             areaInside: 9e6, countyShares: [CountyShare(countyCode: "110101", area: 9e6)]),
        Cell(id: ids[1], cityCode: "110100", countyCode: "110101", longitude: 116.2, latitude: 40.1, areaInside: 6e6,
             countyShares: [CountyShare(countyCode: "110101", area: 3e6 + 1), CountyShare(countyCode: "110102", area: 3e6 - 1)]),
        Cell(id: ids[2], cityCode: "110100", countyCode: "110102", longitude: 116.3, latitude: 40.1,
             areaInside: 1e6, countyShares: [CountyShare(countyCode: "110102", area: 1e6)]),
    ]
    return Region(name: "sample", resolution: .m3000,
                  cities: [AdminUnit(code: "110100", name: "北京市", level: .city)],
                  counties: [AdminUnit(code: "110101", name: "东城区", level: .county, parentCode: "110100"),
                             AdminUnit(code: "110102", name: "西城区", level: .county, parentCode: "110100")],
                  countyAreas: ["110101": countyArea, "110102": 4e6], cells: cells)
}

@Suite("The SQLite store")
struct SQLiteStoreTests {
    @Test("A stored region reads back cell for cell, with shares and the city summary")
    func roundTrip() throws {
        let path = temporaryPath("store")
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        let region = sampleRegion()
        let store = try SQLiteStore.create(at: path, region: region)
        #expect(try store.cells() == region.cells)
        #expect(try store.counties() == region.counties)
        #expect(try store.cities() == region.cities)
        let info = try store.regionInfo()
        #expect(info.name == "sample" && info.resolution == .m3000)
        #expect(try store.citySummaries() == [
            CitySummary(code: "110100", name: "北京市", cells: 3, area: 16e6, counties: 2, countiesWithoutCells: 0),
        ])
        let reopened = try SQLiteStore(opening: path)
        #expect(try reopened.cells().map(\.id) == region.cells.map(\.id))
        #expect(try leftovers(of: path).sorted().allSatisfy { !$0.contains("partial") })
    }

    @Test("An existing database is never overwritten unless asked")
    func refusesOverwrite() throws {
        let path = temporaryPath("exists")
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        try SQLiteStore.create(at: path, region: sampleRegion())
        #expect(throws: StoreError.alreadyExists(path: path)) { try SQLiteStore.create(at: path, region: sampleRegion()) }
        let replaced = try SQLiteStore.create(at: path, region: sampleRegion(countyArea: 20e6), replacing: true)
        #expect(try replaced.citySummaries().first?.area == 24e6)
    }

    @Test("A region the schema rejects leaves no file behind")
    func failureLeavesNothing() throws {
        let path = temporaryPath("broken")
        #expect(throws: StoreError.self) { try SQLiteStore.create(at: path, region: sampleRegion(countyArea: 0)) }
        #expect(try leftovers(of: path).isEmpty)
    }

    @Test("Opening a missing file or a file that is not a HotGrid database says so")
    func notADatabase() throws {
        let missing = temporaryPath("missing")
        #expect(throws: StoreError.notFound(path: missing)) { try SQLiteStore(opening: missing) }
        let junk = temporaryPath("junk")
        try Data("not sqlite at all, just text".utf8).write(to: URL(fileURLWithPath: junk))
        defer { try? FileManager.default.removeItem(atPath: junk) }
        #expect {
            try SQLiteStore(opening: junk)
        } throws: { error in
            guard case StoreError.notAHotGridDatabase(let p, _) = error else { return false }
            return p == junk
        }
    }

    @Test("The audit log hashes a row as any backend would read it: flags as booleans, lists as JSON arrays however they were spelt")
    func backendNeutralAudit() throws {
        let path = temporaryPath("audit")
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        let store = try SQLiteStore.create(at: path, region: sampleRegion())
        let cell = sampleRegion().cells[0].id
        let person = try store.ledger(actor: nil) { try $0.addPerson(Person(id: 0, name: "王", role: .admin, scope: .region)) }
        let problem = try store.ledger(actor: person.id) { w in
            try w.addProblem(Problem(id: 0, cell: cell, sourceID: nil, category: .openBurning, description: "秸秆焚烧", position: LonLat(longitude: 116.1, latitude: 40.1),
                                     foundBy: person.id, foundOn: Day("2019-06-01")!, warningMonth: nil), comment: "巡查发现", evidence: [String(repeating: "a", count: 64)])
        }
        // What the log recorded as the person and the event after the change.
        func after(_ entity: String) throws -> String {
            let payload = try #require(try store.pool.read {
                try String.fetchOne($0, sql: "SELECT payload FROM audit_entry WHERE entity = ? ORDER BY seq DESC LIMIT 1", arguments: [entity])
            })
            let object = try #require(try JSONSerialization.jsonObject(with: Data(payload.utf8)) as? [String: Any])
            #expect(object["encoding"] as? Int == 2)
            return String(data: try JSONSerialization.data(withJSONObject: object["after"] as Any, options: [.sortedKeys, .withoutEscapingSlashes]), encoding: .utf8)!
        }
        // The same rows as PostgreSQL would hand them over: a boolean, and jsonb's own spelling of the list.
        let postgresPerson: [String: AuditRecord.Value] = ["id": .integer(Int64(person.id)), "name": .text("王"), "role": .text("admin"),
                                                           "scope": .text("region"), "department": .null, "phone": .null, "redacted": .flag(false)]
        let list = try JSONDecoder().decode([String].self, from: Data("[ \"\(String(repeating: "a", count: 64))\" ]".utf8))
        let event = try #require(try store.problemEvents(problem: problem.id).first)
        let postgresEvent: [String: AuditRecord.Value] = ["id": .integer(1), "problem_id": .integer(Int64(problem.id)), "action": .null, "from_status": .null,
                                                          "to_status": .text("reported"), "actor": .integer(Int64(person.id)), "at": .text(event.at),
                                                          "comment": .text("巡查发现"), "evidence": .strings(list)]
        for (table, values) in [("person", postgresPerson), ("problem_event", postgresEvent)] {
            let neutral = AuditRecord.canonical(table: table) { name, _ in values[name] ?? .null }
            let reparsed = try JSONSerialization.jsonObject(with: Data(neutral.utf8))
            let normalised = String(data: try JSONSerialization.data(withJSONObject: reparsed, options: [.sortedKeys, .withoutEscapingSlashes]), encoding: .utf8)!
            #expect(try after(table) == normalised, "\(table)")
            // And byte for byte, as the hash sees it.
            let stored = try #require(try store.pool.read {
                try String.fetchOne($0, sql: "SELECT after_sha256 FROM audit_entry WHERE entity = ? ORDER BY seq DESC LIMIT 1", arguments: [table])
            })
            #expect(AuditLog.sha256(neutral) == stored, "\(table)")
        }
        #expect(try store.verifyAudit().isIntact)
    }
}
