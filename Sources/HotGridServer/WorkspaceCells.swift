import Foundation
import HotGridCore
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
        enum CodingKeys: String, CodingKey { case category, source, description, foundOn = "found_on" }
    }

    func register(on router: Router<AppRequestContext>) {
        router.get("staff/problems") { request, context in
            JSONBody.html(try problems(request, context.signedIn(), context))
        }
        router.get("staff/cells/:id") { request, context in
            JSONBody.html(try cellPage(cell(context), context.signedIn(), context, Portal.Language(request), message: nil))
        }
        router.post("staff/cells/:id/assign") { request, context in
            let person = try context.signedIn(), id = try cell(context)
            let form: AssignForm = try await Forms.decode(request)
            return try acting(id, person, context, request) {
                guard let duty = Role(rawValue: form.duty) else { throw LedgerError.invalid(field: "duty", reason: "grid_leader or grid_supervisor") }
                try staff.ledger(person).assign(cell: id, duty: duty, person: form.person)
            }
        }
        router.post("staff/cells/:id/problems") { request, context in
            let person = try context.signedIn(), id = try cell(context)
            let form: ProblemForm = try await Forms.decode(request)
            return try acting(id, person, context, request) {
                guard let category = ProblemCategory(rawValue: form.category) else { throw LedgerError.invalid(field: "category", reason: "choose a category") }
                let source = form.source.flatMap { Int($0) }
                _ = try staff.ledger(person).recordProblem(ProblemReport(
                    cell: source == nil ? id : nil, source: source, category: category, description: form.description,
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
                : JSONBody.html(sheet.html)
        }
    }

    func cell(_ context: AppRequestContext) throws -> CellID {
        guard let id = context.parameters.get("id").flatMap(CellID.init) else { throw APIError.notFound("cell ids look like 3K-R01234-C05678") }
        return id
    }

    /// Runs a change for a form on the cell page: back to the page when done, or the page again with
    /// the ledger's reason when refused.
    func acting(_ id: CellID, _ person: Person, _ context: AppRequestContext, _ request: Request, _ change: () throws -> Void) throws -> Response {
        do { try change() } catch let error as LedgerError {
            return JSONBody.html(try cellPage(id, person, context, Portal.Language(request), message: error.description), status: .unprocessableContent)
        }
        return Response(status: .seeOther, headers: [.location: "/staff/cells/\(id)"])
    }

    func problems(_ request: Request, _ person: Person, _ context: AppRequestContext) throws -> String {
        let language = Portal.Language(request), q = request.uri.queryParameters
        let overdue = q.get("overdue") == "true", status = q.get("status").flatMap(ProblemStatus.init)
        let list = try staff.ledger(person).problems().filter { (!overdue || $0.isOverdue(on: staff.clock.today)) && (status == nil || $0.status == status) }
        let filters = ([("", language.t("全部", "All"))] + ProblemStatus.allCases.map { ($0.rawValue, $0.rawValue) })
            .map { "<a href=\"/staff/problems\($0.0.isEmpty ? "" : "?status=\($0.0)")\">\($0.1)</a>" }.joined(separator: " · ")
        let title = overdue ? language.t("超期问题", "Overdue problems") : language.t("问题台账", "Problems")
        return staff.staffPage("Problems · HotGrid", person, context, language, """
            <h1>\(title) (\(list.count))</h1><p>\(filters)</p>
            \(staff.problemTable(list, language))
            """)
    }

    func cellPage(_ id: CellID, _ person: Person, _ context: AppRequestContext, _ language: Portal.Language, message: String?) throws -> String {
        let ledger = try staff.ledger(person)
        guard ledger.covers(id), let place = staff.portal.catalog.place(id) else { throw APIError.notFound("cell \(id) is not in your area") }
        let persons = try staff.store.persons()
        let names = Dictionary(uniqueKeysWithValues: persons.map { ($0.id, $0.name) })
        let assigned = try staff.store.cellStaff().filter { $0.cell == id }
        let staffRows = [Role.gridLeader, .gridSupervisor].map { duty in
            "<tr><td>\(duty.chineseName)</td><td>\(assigned.first { $0.duty == duty }.map { HTML.escape(names[$0.person] ?? "#\($0.person)") } ?? "—")</td></tr>"
        }.joined()
        let sources = try ledger.sources(in: id)
        let sourceRows = sources.map { s in
            "<tr><td>#\(s.id)</td><td>\(s.kind.chineseName)</td><td>\(HTML.escape(s.name ?? language.t("（保密）", "(withheld)")))</td>"
                + "<td>\(HTML.escape(s.censusID ?? ""))</td><td>\(HTML.escape(s.operatorName ?? ""))</td></tr>"
        }.joined()
        let csrf = "<input type=\"hidden\" name=\"csrf\" value=\"\(context.csrf ?? "")\">"
        let candidates = persons.filter { [.gridLeader, .gridSupervisor].contains($0.role) }
            .map { "<option value=\"\($0.id)\">\(HTML.escape($0.name)) (\($0.role.rawValue))</option>" }.joined()
        let categories = ProblemCategory.allCases.map { "<option value=\"\($0.rawValue)\">\($0.chineseName)</option>" }.joined()
        let sourceOptions = sources.map { "<option value=\"\($0.id)\">#\($0.id) \(HTML.escape($0.name ?? $0.kind.rawValue))</option>" }.joined()
        return staff.staffPage("\(id) · HotGrid", person, context, language, """
            <h1>\(language.t("网格", "Cell")) \(id)</h1>
            \(message.map { "<p class=\"correction\">\(HTML.escape($0))</p>" } ?? "")
            <p>\(HTML.escape(place.cityName)) \(HTML.escape(place.countyName)) · <a href="/cells/\(id)">\(language.t("公开页面", "public page"))</a> ·
            \(language.t("一网格一清单", "Problem sheet")): <a href="/staff/cells/\(id)/sheet">HTML</a> <a href="/staff/cells/\(id)/sheet?format=csv">CSV</a></p>
            <h2>\(language.t("网格人员", "Grid staff"))</h2><table>\(staffRows)</table>
            <form method="post" action="/staff/cells/\(id)/assign">\(csrf)
            <select name="duty"><option value="grid_leader">\(Role.gridLeader.chineseName)</option><option value="grid_supervisor">\(Role.gridSupervisor.chineseName)</option></select>
            <select name="person">\(candidates)</select> <button>\(language.t("指定", "Assign"))</button></form>
            <h2>\(language.t("污染源", "Sources")) (\(sources.count))</h2>
            <table><thead><tr><th>#</th><th>\(language.t("类型", "Kind"))</th><th>\(language.t("名称", "Name"))</th>
            <th>\(language.t("普查编号", "Census id"))</th><th>\(language.t("运营单位", "Operator"))</th></tr></thead><tbody>\(sourceRows)</tbody></table>
            <h2>\(language.t("问题清单", "Problems"))</h2>
            \(staff.problemTable(try ledger.problems(cell: id), language))
            <h2>\(language.t("登记问题", "Record a problem"))</h2>
            <form method="post" action="/staff/cells/\(id)/problems">\(csrf)
            <p><select name="category">\(categories)</select> <select name="source"><option value="">\(language.t("（无对应污染源）", "(no source)"))</option>\(sourceOptions)</select>
            <input name="found_on" placeholder="YYYY-MM-DD"></p>
            <p><textarea name="description" required rows="3" cols="60" placeholder="\(language.plain("问题描述", "What was found"))"></textarea></p>
            <p><button>\(language.t("登记", "Record"))</button></p></form>
            """)
    }
}
