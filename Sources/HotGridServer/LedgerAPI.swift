import Foundation
import HotGridCore
import HotGridService
import HotGridStore
import HTTPTypes
import Hummingbird

/// `/api/v1` for signed-in staff: problems and their moves, a cell's sources, statistics. What
/// each person may see and change is decided by the ledger service from their role and scope.
struct LedgerAPI: Sendable {
    let store: any Store
    let region: RegionDirectory
    /// What "today" is for deadlines and overdue problems.
    let clock: WorkClock

    /// A problem as the API shows it.
    struct ProblemBody: Encodable {
        let id: Int
        let cellID: String
        let sourceID: Int?
        let category: String
        let description: String
        let lon: Double
        let lat: Double
        let foundBy: Int
        let foundOn: String
        let warningMonth: String?
        let department: String?
        let deadline: String?
        let status: String
        let duplicateOf: Int?
        let overdue: Bool
        /// Events in its history: what a client sends back as `seen_events` with a move.
        let events: Int

        enum CodingKeys: String, CodingKey {
            case id, category, description, lon, lat, department, deadline, status, overdue, events
            case cellID = "cell_id", sourceID = "source_id", foundBy = "found_by", foundOn = "found_on", warningMonth = "warning_month"
            case duplicateOf = "duplicate_of"
        }

        init(_ p: Problem, events: Int, today: Day) {
            self.events = events
            id = p.id
            cellID = p.cell.description
            sourceID = p.sourceID
            category = p.category.rawValue
            description = p.description
            lon = p.position.longitude
            lat = p.position.latitude
            foundBy = p.foundBy
            foundOn = p.foundOn.description
            warningMonth = p.warningMonth?.description
            department = p.department
            deadline = p.deadline?.description
            status = p.status.rawValue
            duplicateOf = p.duplicateOf
            overdue = p.isOverdue(on: today)
        }
    }

    struct NewProblem: Decodable {
        let cellID: String?
        let sourceID: Int?
        let category: String
        let description: String
        let lon: Double?
        let lat: Double?
        let foundOn: String?
        let warningMonth: String?

        enum CodingKeys: String, CodingKey {
            case category, description, lon, lat
            case cellID = "cell_id", sourceID = "source_id", foundOn = "found_on", warningMonth = "warning_month"
        }
    }

    /// A file sent with a move, base64-encoded.
    struct Evidence: Decodable {
        let fileName: String
        let contentBase64: String
        enum CodingKeys: String, CodingKey { case fileName = "file_name", contentBase64 = "content_base64" }
    }

    struct Move: Decodable {
        let action: String
        let comment: String
        let department: String?
        let deadline: String?
        let duplicateOf: Int?
        let evidence: [Evidence]?
        /// The number of events the client read (`events` of the problem): a move made on an older reading is refused (409).
        let seenEvents: Int?
        enum CodingKeys: String, CodingKey { case action, comment, department, deadline, evidence, duplicateOf = "duplicate_of", seenEvents = "seen_events" }
    }

    func ledger(_ context: AppRequestContext) throws -> Ledger { try Ledger(store: store, actor: context.signedIn().id, region: region, clock: clock) }

    func register(on api: RouterGroup<AppRequestContext>) {
        api.get("problems") { request, context in
            let ledger = try ledger(context)
            let q = request.uri.queryParameters
            let cell = try q.get("cell").map { text -> CellID in
                guard let id = CellID(text) else { throw APIError.badRequest("cell ids look like 3K-R01234-C05678", fields: ["cell": text]) }
                return id
            }
            let status = try q.get("status").map { text -> ProblemStatus in
                guard let s = ProblemStatus(rawValue: text) else {
                    throw APIError.badRequest("status is one of \(ProblemStatus.allCases.map(\.rawValue).joined(separator: ", "))", fields: ["status": text])
                }
                return s
            }
            let overdue = q.get("overdue") == "true"
            let problems = try ledger.problems(cell: cell).filter { (status == nil || $0.status == status) && (!overdue || $0.isOverdue(on: clock.today)) }
            let counts = try store.problemEventCounts()
            return Envelope(problems.map { ProblemBody($0, events: counts[$0.id] ?? 0, today: clock.today) }, paging: try Paging(request))
        }
        api.post("problems") { request, context in
            let body = try await request.decode(as: NewProblem.self, context: context)
            guard let category = ProblemCategory(rawValue: body.category) else {
                throw APIError(status: .unprocessableContent, code: "invalid", message: "unknown category",
                               fields: ["category": ProblemCategory.allCases.map(\.rawValue).joined(separator: ", ")])
            }
            let position = body.lon.flatMap { lon in body.lat.map { LonLat(longitude: lon, latitude: $0) } }
            let report = ProblemReport(cell: try body.cellID.map(cellID), source: body.sourceID, category: category, description: body.description,
                                       position: position, foundOn: try body.foundOn.map(day),
                                       warningMonth: try body.warningMonth.map(month))
            let (problem, duplicates) = try ledger(context).recordProblem(report)
            let counts = try store.problemEventCounts()
            return try JSONBody.response(["problem": [ProblemBody(problem, events: counts[problem.id] ?? 0, today: clock.today)],
                                          "possible_duplicates": duplicates.map { ProblemBody($0, events: counts[$0.id] ?? 0, today: clock.today) }], status: .created)
        }
        api.post("problems/:id/actions") { request, context in
            guard let id = context.parameters.get("id", as: Int.self) else { throw APIError.notFound("no such problem") }
            let move = try await request.decode(as: Move.self, context: context)
            guard let action = ProblemAction(rawValue: move.action) else {
                throw APIError(status: .unprocessableContent, code: "invalid", message: "unknown action",
                               fields: ["action": ProblemAction.allCases.map(\.rawValue).joined(separator: ", ")])
            }
            let files = try (move.evidence ?? []).enumerated().map { i, e -> EvidenceFile in
                guard let data = Data(base64Encoded: e.contentBase64) else {
                    throw APIError(status: .unprocessableContent, code: "invalid", message: "evidence is not base64", fields: ["evidence[\(i)]": e.fileName])
                }
                return EvidenceFile(fileName: e.fileName, data: data)
            }
            let problem = try ledger(context).act(problem: id, action, comment: move.comment, department: move.department,
                                                  deadline: try move.deadline.map(day), duplicateOf: move.duplicateOf, evidence: files,
                                                  seenEvents: move.seenEvents)
            return try JSONBody.response(ProblemBody(problem, events: try store.problemEventCounts(problem: problem.id)[problem.id] ?? 0, today: clock.today))
        }
        api.get("cells/:id/sources") { request, context in
            guard let id = context.parameters.get("id").flatMap(CellID.init) else { throw APIError.notFound("cell ids look like 3K-R01234-C05678") }
            let sources = try ledger(context).sources(in: id).map { s in
                ["id": "\(s.id)", "kind": s.kind.rawValue, "name": s.name ?? "", "census_id": s.censusID ?? "", "withheld": s.isRedacted ? "true" : "false"]
            }
            return Envelope(sources, paging: try Paging(request))
        }
        api.get("ledger/statistics") { request, context in
            let level = try request.uri.queryParameters.get("by").map { text -> LedgerReport.Level in
                guard let l = LedgerReport.Level(rawValue: text) else { throw APIError.badRequest("by is province, city or county", fields: ["by": text]) }
                return l
            } ?? .city
            let (lines, total) = try LedgerReport(ledger: ledger(context)).statistics(by: level, asOf: clock.today)
            let rows = (lines + [total]).map { line -> [String: Int] in
                var row = ["problems": line.total, "open": line.open, "overdue": line.overdue, "closed": line.closed, "duplicates": line.duplicates,
                           "closed_on_time": line.closedOnTime]
                for c in ProblemCategory.allCases { row[c.rawValue] = line.byCategory[c] ?? 0 }
                return row
            }
            return Envelope(zip(lines.map(\.unit) + ["total"], rows).map { StatisticsRow(unit: $0, counts: $1) }, paging: try Paging(request))
        }
    }

    struct StatisticsRow: Encodable, Sendable {
        let unit: String
        let counts: [String: Int]
    }


    func cellID(_ text: String) throws -> CellID {
        guard let id = CellID(text) else { throw APIError(status: .unprocessableContent, code: "invalid", message: "bad cell id", fields: ["cell_id": text]) }
        return id
    }

    func day(_ text: String) throws -> Day {
        guard let d = Day(text) else { throw APIError(status: .unprocessableContent, code: "invalid", message: "bad date", fields: ["date": text]) }
        return d
    }

    func month(_ text: String) throws -> Month {
        guard let m = Month(text) else { throw APIError(status: .unprocessableContent, code: "invalid", message: "bad month", fields: ["month": text]) }
        return m
    }
}
