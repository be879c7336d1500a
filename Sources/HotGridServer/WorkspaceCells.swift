import Foundation
import HotGridCore
import HotGridPages
import HotGridService
import Hummingbird

/// "One hotspot cell, one problem list" in the workspace: a cell's staff, sources and problems,
/// recording a problem, assigning the grid leader and supervisor, the problem sheet to print; and
/// the problem list of one's area, filtered (overdue, by status).
struct WorkspaceCells: Sendable {
    let staff: StaffPages

    struct AssignForm: Decodable {
        let duty: String
        let person: Int
    }

    struct ProblemForm: Decodable {
        let category: String
        let source: String?
        let description: String
        let foundOn: String?
        /// Where it was found, when no source is named (WGS84 degrees).
        let lon: String?
        let lat: String?
        enum CodingKeys: String, CodingKey { case category, source, description, lon, lat, foundOn = "found_on" }

        /// What was typed, to fill the form again when the ledger refuses it.
        var draft: Workspace.ProblemDraft {
            Workspace.ProblemDraft(category: category, source: source ?? "", description: description, foundOn: foundOn ?? "", lon: lon ?? "", lat: lat ?? "")
        }

        /// The position typed, when both coordinates are numbers.
        var position: LonLat? {
            guard let lon = lon.flatMap(Double.init), let lat = lat.flatMap(Double.init), lon.isFinite, lat.isFinite else { return nil }
            return LonLat(longitude: lon, latitude: lat)
        }
    }

    func register(on router: Router<AppRequestContext>) {
        router.get("staff/problems") { request, context in
            JSONBody.html(try problems(request, context.signedIn(), context))
        }
        router.get("staff/cells/:id") { request, context in
            JSONBody.html(try cellPage(cell(context), context.signedIn(), context, request, message: nil))
        }
        router.post("staff/cells/:id/assign") { request, context in
            let person = try context.signedIn(), id = try cell(context)
            let form: AssignForm = try await Forms.decode(request)
            return try acting(id, person, context, request) {
                guard let duty = Role(rawValue: form.duty) else { throw LedgerError.invalid(field: .duty, reason: "grid_leader or grid_supervisor") }
                try staff.ledger(person).assign(cell: id, duty: duty, person: form.person)
            }
        }
        router.post("staff/cells/:id/problems") { request, context in
            let person = try context.signedIn(), id = try cell(context)
            let form: ProblemForm = try await Forms.decode(request)
            return try acting(id, person, context, request, draft: form.draft) {
                guard let category = ProblemCategory(rawValue: form.category) else { throw LedgerError.invalid(field: .category, reason: "choose a category") }
                let source = form.source.flatMap { Int($0) }
                // A problem at a source takes the source's position; any other is placed where it was found.
                _ = try staff.ledger(person).recordProblem(ProblemReport(
                    cell: id, source: source, category: category, description: form.description, position: source == nil ? form.position : nil,
                    foundOn: form.foundOn.flatMap { Day($0) }, warningMonth: try staff.portal.catalog.latestWarningMonth()))
            }
        }
        router.get("staff/cells/:id/sheet") { request, context in
            let person = try context.signedIn(), id = try cell(context)
            let q = request.uri.queryParameters
            guard let month = try q.get("month").flatMap(Month.init) ?? staff.portal.catalog.latestWarningMonth() else {
                throw APIError.badRequest("month must look like 2018-12", fields: ["month": q.get("month") ?? ""])
            }
            let sheet = try ProblemList(ledger: staff.ledger(person), cell: id, month: month)
            return q.get("format") == "csv"
                ? JSONBody.bytes(sheet.csv, contentType: "text/csv; charset=utf-8")
                : JSONBody.html(sheet.page.html)
        }
    }

    func cell(_ context: AppRequestContext) throws -> CellID {
        guard let id = context.parameters.get("id").flatMap(CellID.init) else { throw APIError.notFound("cell ids look like 3K-R01234-C05678") }
        return id
    }

    /// Runs a change for a form on the cell page: back to the page when done, or the page again with
    /// the ledger's reason, and the problem form as it was typed, when refused.
    func acting(_ id: CellID, _ person: Person, _ context: AppRequestContext, _ request: Request, draft: Workspace.ProblemDraft? = nil,
                _ change: () throws -> Void) throws -> Response {
        do { try change() } catch let error as LedgerError {
            return JSONBody.html(try cellPage(id, person, context, request, message: error.message(for: .page), draft: draft), status: .unprocessableContent)
        }
        return Response(status: .seeOther, headers: [.location: "/staff/cells/\(id)"])
    }

    func problems(_ request: Request, _ person: Person, _ context: AppRequestContext) throws -> HTML {
        let q = request.uri.queryParameters, today = staff.clock.today
        let overdue = q.get("overdue") == "true", status = q.get("status").flatMap(ProblemStatus.init)
        let list = try staff.ledger(person).problems().filter { (!overdue || $0.isOverdue(on: today)) && (status == nil || $0.status == status) }
        return try staff.workspace(person, context, request).problems(list, overdueOnly: overdue, today: today)
    }

    func cellPage(_ id: CellID, _ person: Person, _ context: AppRequestContext, _ request: Request, message: String?,
                  draft: Workspace.ProblemDraft? = nil) throws -> HTML {
        let ledger = try staff.ledger(person)
        guard ledger.covers(id), let place = staff.portal.catalog.place(id) else { throw APIError.notFound("cell \(id) is not in your area") }
        let persons = try staff.store.persons()
        let names = Dictionary(uniqueKeysWithValues: persons.map { ($0.id, $0.name) })
        let assigned = Dictionary(try staff.store.cellStaff().filter { $0.cell == id }.map { ($0.duty, names[$0.person] ?? "#\($0.person)") },
                                  uniquingKeysWith: { a, _ in a })
        let work = Workspace.CellWork(place: place, staff: assigned, candidates: persons.filter { [.gridLeader, .gridSupervisor].contains($0.role) },
                                      sources: try ledger.sources(in: id), problems: try ledger.problems(cell: id),
                                      mayAssign: ledger.mayAssignStaff(in: id), mayRecord: ledger.mayRecord(in: id))
        return try staff.workspace(person, context, request).cell(work, today: staff.clock.today, message: message, draft: draft)
    }
}
