import Foundation
import GRDB
import HotGridStore
import HotGridCore

/// Reading the ledger back.
extension SQLiteStore {
    public func departments() throws -> [Department] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT code, name FROM department ORDER BY code").map { Department(code: $0["code"], name: $0["name"]) }
        }
    }

    public func persons() throws -> [Person] {
        try pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM person ORDER BY id").compactMap(Self.person) }
    }

    public func person(id: Int) throws -> Person? {
        try pool.read { db in try Row.fetchOne(db, sql: "SELECT * FROM person WHERE id = ?", arguments: [id]).flatMap(Self.person) }
    }

    /// Every cell's grid leader and grid supervisor.
    public func cellStaff() throws -> [(cell: CellID, duty: Role, person: Int)] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT cell_id, duty, person_id FROM cell_staff ORDER BY cell_id, duty").compactMap { row in
                guard let cell = CellID(row["cell_id"] as String), let duty = Role(rawValue: row["duty"]) else { return nil }
                return (cell, duty, row["person_id"])
            }
        }
    }

    /// The cells a person is grid leader or supervisor of.
    public func assignedCells(person: Int) throws -> Set<CellID> {
        try pool.read { db in
            Set(try String.fetchAll(db, sql: "SELECT cell_id FROM cell_staff WHERE person_id = ?", arguments: [person]).compactMap(CellID.init))
        }
    }

    /// Sources, of one cell or all.
    public func sources(cell: CellID?) throws -> [PollutionSource] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM source WHERE ?1 IS NULL OR cell_id = ?1 ORDER BY id", arguments: [cell?.description])
                .compactMap(Self.source)
        }
    }

    public func source(id: Int) throws -> PollutionSource? {
        try pool.read { db in try Row.fetchOne(db, sql: "SELECT * FROM source WHERE id = ?", arguments: [id]).flatMap(Self.source) }
    }

    public func attachment(sha256: String) throws -> Attachment? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM attachment WHERE sha256 = ?", arguments: [sha256]).map {
                Attachment(sha256: $0["sha256"], fileName: $0["file_name"], byteCount: $0["byte_count"])
            }
        }
    }

    public func attachments() throws -> [Attachment] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM attachment ORDER BY sha256").map {
                Attachment(sha256: $0["sha256"], fileName: $0["file_name"], byteCount: $0["byte_count"])
            }
        }
    }

    public func patrols(cell: CellID?) throws -> [Patrol] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM patrol WHERE ?1 IS NULL OR cell_id = ?1 ORDER BY day, id", arguments: [cell?.description])
                .compactMap { row in
                    guard let cell = CellID(row["cell_id"] as String), let day = Day(row["day"] as String) else { return nil }
                    return Patrol(id: row["id"], cell: cell, person: row["person_id"], day: day, findings: row["findings"],
                                  attachments: Self.list(row["attachments"]))
                }
        }
    }

    /// The inspections of a cell for a warning month.
    public func inspections(cell: CellID, month: Month) throws -> [Inspection] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM inspection WHERE cell_id = ? AND month = ? ORDER BY id",
                             arguments: [cell.description, month.description]).compactMap { row in
                guard let day = Day(row["day"] as String) else { return nil }
                return Inspection(id: row["id"], cell: cell, month: month, sourceID: row["source_id"], inspector: row["inspector"],
                                  day: day, note: row["note"])
            }
        }
    }

    /// Problems, of one cell or all, by id.
    public func problems(cell: CellID?) throws -> [Problem] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM problem WHERE ?1 IS NULL OR cell_id = ?1 ORDER BY id", arguments: [cell?.description])
                .compactMap(Self.problem)
        }
    }

    public func problem(id: Int) throws -> Problem? {
        try pool.read { db in try Row.fetchOne(db, sql: "SELECT * FROM problem WHERE id = ?", arguments: [id]).flatMap(Self.problem) }
    }

    /// Each problem's number of events (its history's length), by problem id: of one problem or all.
    public func problemEventCounts(problem: Int?) throws -> [Int: Int] {
        try pool.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: """
                SELECT problem_id, COUNT(*) FROM problem_event WHERE ?1 IS NULL OR problem_id = ?1 GROUP BY problem_id
                """, arguments: [problem]).map { ($0[0], $0[1]) })
        }
    }

    /// The events of one problem or all, in order.
    public func problemEvents(problem: Int?) throws -> [ProblemEvent] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM problem_event WHERE ?1 IS NULL OR problem_id = ?1 ORDER BY id", arguments: [problem])
                .compactMap { row in
                    guard let to = ProblemStatus(rawValue: row["to_status"]) else { return nil }
                    return ProblemEvent(problemID: row["problem_id"], action: (row["action"] as String?).flatMap(ProblemAction.init),
                                        from: (row["from_status"] as String?).flatMap(ProblemStatus.init), to: to, actor: row["actor"],
                                        at: row["at"], comment: row["comment"], evidence: Self.list(row["evidence"]))
                }
        }
    }

    private static func list(_ json: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
    }

    private static func person(_ row: Row) -> Person? {
        guard let role = Role(rawValue: row["role"]), let scope = StaffScope(row["scope"] as String) else { return nil }
        return Person(id: row["id"], name: row["name"], role: role, scope: scope, department: row["department"], phone: row["phone"])
    }

    static func source(_ row: Row) -> PollutionSource? {
        guard let cell = CellID(row["cell_id"] as String), let kind = SourceKind(rawValue: row["kind"]) else { return nil }
        return PollutionSource(id: row["id"], cell: cell, kind: kind, position: LonLat(longitude: row["lon"], latitude: row["lat"]),
                               name: row["name"], censusID: row["census_id"], operatorName: row["operator"], notes: row["notes"])
    }

    static func problem(_ row: Row) -> Problem? {
        guard let cell = CellID(row["cell_id"] as String), let category = ProblemCategory(rawValue: row["category"]),
              let status = ProblemStatus(rawValue: row["status"]), let found = Day(row["found_on"] as String) else { return nil }
        return Problem(id: row["id"], cell: cell, sourceID: row["source_id"], category: category, description: row["description"],
                       position: LonLat(longitude: row["lon"], latitude: row["lat"]), foundBy: row["found_by"], foundOn: found,
                       warningMonth: (row["warning_month"] as String?).flatMap(Month.init), department: row["department"],
                       deadline: (row["deadline"] as String?).flatMap(Day.init), status: status, duplicateOf: row["duplicate_of"])
    }
}
