import Foundation
import HotGridCore
import HotGridService
import HotGridStore
import Hummingbird

/// The staff workspace: sign in with a form (session cookie: HttpOnly, SameSite=Lax), the work in
/// your area — this month's warned cells, problems (overdue first), statistics — and moving a
/// problem through its lifecycle. Signing in and the CSRF token of every form are the
/// `AuthenticationMiddleware`'s: a handler here sees only signed-in people and checked forms.
struct StaffPages: Sendable {
    let auth: AuthAPI
    let portal: Portal
    let places: CellPlaces
    /// What "today" is for deadlines and overdue problems.
    let clock: WorkClock
    var store: any Store { portal.catalog.store }

    struct LoginForm: Decodable {
        let login: String
        let password: String
        /// The workspace page asked for before signing in.
        let next: String?
        /// Echoes the sign-in cookie (`signInCookie`): a page on another site cannot sign a visitor in.
        let formToken: String?

        enum CodingKeys: String, CodingKey { case login, password, next, formToken = "form_token" }
    }

    /// The sign-in form's own token, before there is a session: set with the form, echoed by it
    /// (double submit). `SameSite=Strict` and path /login: sent only with the form it came with.
    static let signInCookie = "hotgrid_signin"

    struct MoveForm: Decodable {
        let action: String
        let comment: String
        let department: String?
        let deadline: String?
        /// Photos and documents, from the multipart form (`evidence[]`); empty file inputs are skipped.
        let evidence: [UploadedFile]?
        /// How many events the page showed: a move made on an older page is refused.
        let seen: Int?
    }

    /// Where a page sends a browser that is not signed in: the sign-in form, which returns to the page.
    static func toLogin(_ request: Request) -> Response {
        let next = request.uri.path + (request.uri.query.map { "?\($0)" } ?? "")
        return Response(status: .seeOther, headers: [.location: "/login?next=\(next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"])
    }

    /// Only a workspace page of this server is a place to return to after signing in.
    static func returnPath(_ next: String?) -> String {
        guard let next, next.hasPrefix("/staff"), !next.contains("//"), !next.contains("\\") else { return "/staff" }
        return next
    }

    /// The ledger as `person` sees it.
    func ledger(_ person: Person) throws -> Ledger { try Ledger(store: store, actor: person.id, places: places, clock: clock) }

    func register(on router: Router<AppRequestContext>) {
        router.get("login") { request, context in
            signInPage(Portal.Language(request), next: request.uri.queryParameters.get("next"), message: nil, context: context)
        }
        router.post("login") { request, context in
            let form: LoginForm = try await Forms.decode(request)
            let language = Portal.Language(request)
            guard let expected = request.cookies[Self.signInCookie]?.value, form.formToken == expected else {
                return signInPage(language, next: form.next, message: language.t("登录页面已过期，请重新登录。", "The sign-in form expired; sign in again."),
                                  status: .forbidden, context: context)
            }
            let person: Person
            do {
                person = try await auth.signIn(.init(login: form.login, password: form.password), from: context.remoteAddress)
            } catch let error as APIError where [.unauthorized, .tooManyRequests, .serviceUnavailable].contains(error.status) {
                var page = signInPage(language, next: form.next, message: error.message, status: error.status, context: context)
                if let wait = error.retryAfter { page.headers[.retryAfter] = String(wait) }
                return page
            }
            let (token, _) = try auth.accounts.issue(.session, for: person.id, lifetime: AuthAPI.lifetime)
            var response = Response(status: .seeOther, headers: [.location: Self.returnPath(form.next)])
            response.setCookie(Cookie(name: AuthenticationMiddleware.sessionCookie, value: token, maxAge: Int(AuthAPI.lifetime), path: "/",
                                      secure: context.https, httpOnly: true, sameSite: .lax))
            response.setCookie(Cookie(name: Self.signInCookie, value: "", maxAge: 0, path: "/login", secure: context.https, httpOnly: true,
                                      sameSite: .strict))
            return response
        }
        router.post("logout") { request, context in
            // The middleware let it through with the session's CSRF token only: another site cannot sign a user out.
            if let token = request.cookies[AuthenticationMiddleware.sessionCookie]?.value { try auth.accounts.revoke(token) }
            var response = Response(status: .seeOther, headers: [.location: "/"])
            response.setCookie(Cookie(name: AuthenticationMiddleware.sessionCookie, value: "", maxAge: 0, path: "/", secure: context.https,
                                      httpOnly: true, sameSite: .lax))
            return response
        }
        router.get("staff") { request, context in
            JSONBody.html(try workspace(context.signedIn(), context, Portal.Language(request)))
        }
        router.get("staff/statistics.csv") { _, context in
            let ledger = try ledger(context.signedIn())
            return JSONBody.bytes(try LedgerReport(ledger: ledger).render(by: .county, asOf: clock.today).csv, contentType: "text/csv; charset=utf-8")
        }
        router.get("staff/problems/:id") { request, context in
            let person = try context.signedIn()
            guard let id = context.parameters.get("id", as: Int.self) else { throw APIError.notFound("no such problem") }
            return JSONBody.html(try problemPage(id, person, context, Portal.Language(request), message: nil))
        }
        router.post("staff/problems/:id") { request, context in
            let person = try context.signedIn()
            guard let id = context.parameters.get("id", as: Int.self) else { throw APIError.notFound("no such problem") }
            let form: MoveForm = try await Forms.decode(request, limit: context.maxUploadSize)
            guard let action = ProblemAction(rawValue: form.action) else { throw APIError.badRequest("unknown action", fields: ["action": form.action]) }
            let files = (form.evidence ?? []).filter { !$0.data.isEmpty }.map { EvidenceFile(fileName: $0.fileName, data: $0.data) }
            do {
                _ = try ledger(person).act(
                    problem: id, action, comment: form.comment, department: form.department.flatMap { $0.isEmpty ? nil : $0 },
                    deadline: form.deadline.flatMap { Day($0) }, evidence: files, seenEvents: form.seen)
            } catch let error as LedgerError {
                // Shown again as it stands now, with what went wrong (409 when someone moved it meanwhile).
                let status = APIError.from(error)?.status == .conflict ? HTTPResponse.Status.conflict : .unprocessableContent
                return JSONBody.html(try problemPage(id, person, context, Portal.Language(request), message: error.description), status: status)
            }
            return Response(status: .seeOther, headers: [.location: "/staff/problems/\(id)"])
        }
    }

    /// The sign-in form with a fresh form token, in its cookie and in the form.
    func signInPage(_ language: Portal.Language, next: String?, message: String?, status: HTTPResponse.Status = .ok,
                    context: AppRequestContext) -> Response {
        let formToken = Accounts.randomToken()
        var response = JSONBody.html(loginPage(language, next: next, message: message, formToken: formToken), status: status)
        response.setCookie(Cookie(name: Self.signInCookie, value: formToken, maxAge: 3600, path: "/login", secure: context.https, httpOnly: true,
                                  sameSite: .strict))
        return response
    }

    func loginPage(_ language: Portal.Language, next: String?, message: String?, formToken: String) -> String {
        portal.page("Sign in · HotGrid", language, """
            <h1>\(language.t("工作人员登录", "Staff sign-in"))</h1>
            \(message.map { "<p class=\"correction\">\(HTML.escape($0))</p>" } ?? "")
            <form method="post" action="/login" class="login"><input type="hidden" name="next" value="\(HTML.escape(Self.returnPath(next)))">
            <input type="hidden" name="form_token" value="\(formToken)">
            <p><label>\(language.t("账号", "Login"))<br><input name="login" autocomplete="username" required></label></p>
            <p><label>\(language.t("密码", "Password"))<br><input name="password" type="password" autocomplete="current-password" required></label></p>
            <p><button type="submit">\(language.t("登录", "Sign in"))</button></p></form>
            """)
    }

    func workspace(_ person: Person, _ context: AppRequestContext, _ language: Portal.Language) throws -> String {
        let ledger = try ledger(person)
        let month = try portal.catalog.latestWarningMonth()
        func inScope(_ cellID: String) -> Bool { CellID(cellID).map(ledger.covers) ?? false }
        let warned = try month.map { try portal.catalog.warnings(month: $0).filter { inScope($0.place.cellID) } } ?? []
        let problems = try ledger.problems()
        let openByCell = Dictionary(grouping: problems.filter { !$0.status.isClosed }, by: \.cell).mapValues(\.count)
        let warnRows = warned.map { w in
            "<tr><td>\(HTML.escape(w.place.countyName))</td><td><a href=\"/staff/cells/\(w.place.cellID)\">\(w.place.cellID)</a></td>"
                + "<td>\(w.reasons.compactMap { WarningReason(rawValue: $0) }.map(\.chineseName).joined(separator: "、"))</td>"
                + "<td class=\"n\">\(String(format: "%.1f", w.pm25))</td><td class=\"n\">\(CellID(w.place.cellID).flatMap { openByCell[$0] } ?? 0)</td></tr>"
        }.joined(separator: "\n")
        let today = clock.today
        let open = problems.filter { !$0.status.isClosed }.count, overdue = problems.filter { $0.isOverdue(on: today) }.count
        let reports = try ledger.dataReports().filter { $0.status == .open }.count
        let (text, _) = try LedgerReport(ledger: ledger).render(by: .county, asOf: today)
        return staffPage("Workspace · HotGrid", person, context, language, """
            <h1>\(language.t("工作台", "Workspace"))</h1>
            <p class="provenance">\(language.t("本月预警网格", "Warned cells this month")) <b>\(warned.count)</b> ·
            <a href="/staff/problems">\(language.t("未办结问题", "Open problems"))</a> <b>\(open)</b> ·
            <a href="/staff/problems?overdue=true">\(language.t("超期", "Overdue"))</a> <b>\(overdue)</b> ·
            <a href="/staff/reports">\(language.t("待答复数据纠错", "Data reports to answer"))</a> <b>\(reports)</b></p>
            <h2>\(language.t("本月预警网格", "Warned cells this month")) \(month?.description ?? "")</h2>
            <table class="warnings"><thead><tr><th>\(language.t("区县", "County"))</th><th>\(language.t("网格", "Cell"))</th>
            <th>\(language.t("预警类型", "Reasons"))</th><th>PM2.5</th><th>\(language.t("未办结问题", "Open problems"))</th></tr></thead><tbody>\(warnRows)</tbody></table>
            <h2>\(language.t("问题台账", "Problems")) (\(problems.count))</h2>
            \(problemTable(problems.prefix(200), language))
            <h2>\(language.t("统计", "Statistics"))</h2><pre>\(HTML.escape(text))</pre><p><a href="/staff/statistics.csv">CSV</a></p>
            """)
    }

    /// A page of the workspace: who is signed in, the workspace's sections, sign-out.
    func staffPage(_ title: String, _ person: Person, _ context: AppRequestContext, _ language: Portal.Language, _ body: String) -> String {
        let links = [("/staff", language.t("工作台", "Workspace")), ("/staff/problems", language.t("问题台账", "Problems")),
                     ("/staff/problems?overdue=true", language.t("超期", "Overdue")), ("/staff/reports", language.t("数据纠错", "Data reports"))]
            + (person.role == .admin ? [("/staff/users", language.t("用户", "Users"))] : [])
        return portal.page(title, language, """
            <p class="who">\(links.map { "<a href=\"\($0.0)\">\($0.1)</a>" }.joined(separator: " · ")) ·
            \(HTML.escape(person.name)) · \(person.role.chineseName) (\(person.role.rawValue)) · \(HTML.escape(person.scope.description))
            <form method="post" action="/logout" style="display:inline"><input type="hidden" name="csrf" value="\(context.csrf ?? "")">
            <button>\(language.t("退出", "Sign out"))</button></form></p>
            \(body)
            """)
    }

    /// Problems, overdue first, then open, then closed.
    func problemTable(_ problems: some Sequence<Problem>, _ language: Portal.Language) -> String {
        let today = clock.today
        let rows = problems.sorted { ($0.isOverdue(on: today) ? 0 : 1, $0.status.isClosed ? 1 : 0, $0.id) < ($1.isOverdue(on: today) ? 0 : 1, $1.status.isClosed ? 1 : 0, $1.id) }
            .map { p in
                "<tr\(p.isOverdue(on: today) ? " class=\"overdue\"" : "")><td><a href=\"/staff/problems/\(p.id)\">#\(p.id)</a></td>"
                    + "<td><a href=\"/staff/cells/\(p.cell)\">\(p.cell)</a></td>"
                    + "<td>\(p.category.chineseName)</td><td>\(p.status.rawValue)</td><td>\(HTML.escape(p.department ?? ""))</td>"
                    + "<td>\(p.deadline?.description ?? "")</td><td>\(p.isOverdue(on: today) ? language.t("超期", "overdue") : "")</td></tr>"
            }.joined(separator: "\n")
        return """
            <table class="problems"><thead><tr><th>#</th><th>\(language.t("网格", "Cell"))</th><th>\(language.t("类别", "Category"))</th>
            <th>\(language.t("状态", "Status"))</th><th>\(language.t("责任部门", "Department"))</th><th>\(language.t("时限", "Deadline"))</th><th></th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
    }

    func problemPage(_ id: Int, _ person: Person, _ context: AppRequestContext, _ language: Portal.Language, message: String?) throws -> String {
        let ledger = try ledger(person)
        guard let p = try ledger.problems().first(where: { $0.id == id }) else { throw APIError.notFound("no problem #\(id) in your area") }
        let history = try store.problemEvents(problem: id)
        let events = history.map { e in
            "<tr><td>\(HTML.escape(e.at))</td><td>#\(e.actor)</td><td>\(e.action?.rawValue ?? "record")</td><td>\(e.to.rawValue)</td>"
                + "<td>\(HTML.escape(e.comment))</td><td>\(e.evidence.count)</td></tr>"
        }.joined(separator: "\n")
        let options = ProblemAction.available(from: p.status).map { "<option value=\"\($0.rawValue)\">\($0.rawValue)</option>" }.joined()
        let departments = try store.departments().map { "<option value=\"\($0.code)\">\(HTML.escape($0.name))</option>" }.joined()
        return staffPage("Problem #\(id) · HotGrid", person, context, language, """
            <h1>\(language.t("问题", "Problem")) #\(id)</h1>
            \(message.map { "<p class=\"correction\">\(HTML.escape($0))</p>" } ?? "")
            <p><a href="/staff/cells/\(p.cell)">\(p.cell)</a> · \(p.category.chineseName) · <b>\(p.status.rawValue)</b> · \(HTML.escape(p.department ?? "")) · \(p.deadline?.description ?? "")</p>
            <p>\(HTML.escape(p.description))</p>
            <table><thead><tr><th>\(language.t("时间", "Time"))</th><th>\(language.t("人员", "By"))</th><th>\(language.t("操作", "Action"))</th>
            <th>\(language.t("状态", "Status"))</th><th>\(language.t("说明", "Comment"))</th><th>\(language.t("证据", "Evidence"))</th></tr></thead>
            <tbody>\(events)</tbody></table>
            \(options.isEmpty ? "" : """
            <h2>\(language.t("办理", "Act"))</h2>
            <form method="post" action="/staff/problems/\(id)" enctype="multipart/form-data"><input type="hidden" name="csrf" value="\(context.csrf ?? "")">
            <input type="hidden" name="seen" value="\(history.count)">
            <p><select name="action">\(options)</select> <select name="department"><option value=""></option>\(departments)</select>
            <input name="deadline" placeholder="YYYY-MM-DD"></p>
            <p><textarea name="comment" required rows="3" cols="60" placeholder="\(language.plain("说明（必填）", "Comment (required)"))"></textarea></p>
            <p><label>\(language.t("证据（照片、文件；核实销号必传）", "Evidence (photos, documents; needed to verify)"))
            <input type="file" name="evidence[]" multiple></label></p>
            <p><button type="submit">\(language.t("提交", "Submit"))</button></p></form>
            """)
            """)
    }
}
