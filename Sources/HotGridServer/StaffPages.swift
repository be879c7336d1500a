import Foundation
import HotGridCore
import HotGridPages
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
    let region: RegionDirectory
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
    func ledger(_ person: Person) throws -> Ledger { try Ledger(store: store, actor: person.id, region: region, clock: clock) }

    func register(on router: Router<AppRequestContext>) {
        router.get("login") { request, context in
            signInPage(Language(request), next: request.uri.queryParameters.get("next"), message: nil, context: context)
        }
        router.post("login") { request, context in
            let form: LoginForm = try await Forms.decode(request)
            let language = Language(request)
            guard let expected = request.cookies[Self.signInCookie]?.value, form.formToken == expected else {
                return signInPage(language, next: form.next, message: language.plain("登录页面已过期，请重新登录。", "The sign-in form expired; sign in again."),
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
            JSONBody.html(try home(context.signedIn(), context, request))
        }
        router.get("staff/statistics.csv") { request, context in
            let ledger = try ledger(context.signedIn())
            // For people, who open it in Excel: Chinese headings and a byte-order mark.
            var response = JSONBody.bytes(try LedgerReport(ledger: ledger).spreadsheet(by: Self.level(request), asOf: clock.today),
                                          contentType: "text/csv; charset=utf-8")
            response.headers[.contentDisposition] = "attachment; filename=\"statistics.csv\""
            return response
        }
        router.get("staff/problems/:id") { request, context in
            let person = try context.signedIn()
            guard let id = context.parameters.get("id", as: Int.self) else { throw APIError.notFound("no such problem") }
            return JSONBody.html(try problemPage(id, person, context, request, message: nil))
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
                return JSONBody.html(try problemPage(id, person, context, request, message: error.message(for: .page)), status: status)
            }
            return Response(status: .seeOther, headers: [.location: "/staff/problems/\(id)"])
        }
    }

    /// The sign-in form with a fresh form token, in its cookie and in the form.
    func signInPage(_ language: Language, next: String?, message: String?, status: HTTPResponse.Status = .ok,
                    context: AppRequestContext) -> Response {
        let formToken = Accounts.randomToken()
        var response = JSONBody.html(SignInPage.render(next: Self.returnPath(next), message: message, formToken: formToken, language), status: status)
        response.setCookie(Cookie(name: Self.signInCookie, value: formToken, maxAge: 3600, path: "/login", secure: context.https, httpOnly: true,
                                  sameSite: .strict))
        return response
    }

    /// The workspace as `person` sees it, in the request's language, its forms carrying the
    /// session's CSRF token, naming people, departments and areas rather than their codes.
    func workspace(_ person: Person, _ context: AppRequestContext, _ request: Request) throws -> Workspace {
        let names = Workspace.Names(persons: Dictionary(try store.persons().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }),
                                    departments: Dictionary(try store.departments().map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a }),
                                    cities: region.cityNames, counties: region.countyNames)
        return Workspace(person: person, csrf: context.csrf ?? "", language: Language(request), names: names)
    }

    /// The statistics' level from `?by=` (province, city or county; county when not given).
    static func level(_ request: Request) -> LedgerReport.Level {
        request.uri.queryParameters.get("by").flatMap(LedgerReport.Level.init) ?? .county
    }

    /// The front page: the month's warned cells of the person's area with their open problems, the problems, the counts and statistics.
    func home(_ person: Person, _ context: AppRequestContext, _ request: Request) throws -> HTML {
        let ledger = try ledger(person)
        let month = try portal.catalog.latestWarningMonth()
        let problems = try ledger.problems()
        let openByCell = Dictionary(grouping: problems.filter { !$0.status.isClosed }, by: \.cell).mapValues(\.count)
        let warned = try month.map { try portal.catalog.warnings(month: $0).filter { ledger.covers($0.place.cell) } } ?? []
        let today = clock.today
        return try workspace(person, context, request).home(
            month: month, warned: warned.map { Workspace.WarnedCell($0, openProblems: openByCell[$0.place.cell] ?? 0) }, problems: problems,
            openReports: try ledger.dataReports().filter { $0.status == .open }.count,
            statistics: (LedgerReport.chineseHeadings, try LedgerReport(ledger: ledger).rows(by: Self.level(request), asOf: today)), today: today)
    }

    func problemPage(_ id: Int, _ person: Person, _ context: AppRequestContext, _ request: Request, message: String?) throws -> HTML {
        let ledger = try ledger(person)
        guard let p = try ledger.problem(id: id) else { throw APIError.notFound("no problem #\(id) in your area") }
        let history = try store.problemEvents(problem: id)
        let files = try Set(history.flatMap(\.evidence)).compactMap { try store.attachment(sha256: $0) }
            .map { Workspace.EvidenceLink(attachment: $0, isImage: WorkspaceEvidence.isImage($0.fileName)) }
        return try workspace(person, context, request).problem(p, history: history, evidence: files, actions: ledger.actions(on: p),
                                                               departments: try store.departments(), message: message)
    }
}
