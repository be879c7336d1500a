import Foundation
import HotGridCore
import HotGridService
import HTTPTypes
import Hummingbird
import NIOConcurrencyHelpers

/// Who is asking, and whether they may: every route passes here, so no handler can forget a check.
/// A bearer token (`Authorization: Bearer …`, for the API) or a session cookie (for pages) names
/// the person.
/// - API: every unsafe request but signing in and the public's data reports needs someone signed
///   in (401 before any complaint about the body) and, when it came by session cookie, the
///   session's CSRF token in `X-CSRF-Token`; bearer requests are not exposed to CSRF.
/// - Workspace pages (`/staff…`): a browser that is not signed in is sent to the sign-in form,
///   which returns it to the page.
/// - Every other unsafe browser request but the open forms (signing in, which carries its own
///   token, and the public's data report) needs a session and its CSRF token in the form's `csrf`
///   field, checked on the body before the handler reads it.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let accounts: Accounts
    static let sessionCookie = "hotgrid_session"
    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!
    /// API writes anyone may make (they check what they need themselves).
    static let openWrites: Set<String> = ["/api/v1/auth/token", "/api/v1/data-reports"]
    /// Browser forms anyone may post.
    static let openForms: Set<String> = ["/login", "/report"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let header = request.headers[.authorization] {
            guard header.hasPrefix("Bearer "), let found = try accounts.resolve(String(header.dropFirst(7)), kind: .bearer) else {
                throw APIError.unauthorized
            }
            context.person = found.person
        } else if let token = request.cookies[Self.sessionCookie]?.value, let found = try accounts.resolve(token, kind: .session) {
            context.person = found.person
            context.csrf = found.csrf
        }
        let path = request.uri.path, unsafe = ![.get, .head, .options].contains(request.method)
        if path.hasPrefix("/api/") {
            if unsafe, !Self.openWrites.contains(path) {
                guard context.person != nil else { throw APIError.unauthorized }
                if let expected = context.csrf, request.headers[Self.csrfHeader] != expected {
                    throw APIError.forbidden("missing or wrong CSRF token (send the X-CSRF-Token header)")
                }
            }
            return try await next(request, context)
        }
        if context.person == nil, !unsafe, path == "/staff" || path.hasPrefix("/staff/") { return StaffPages.toLogin(request) }
        guard unsafe, !Self.openForms.contains(path) else { return try await next(request, context) }
        guard context.person != nil else { throw APIError.unauthorized }
        guard let expected = context.csrf else { throw APIError.forbidden("forms are sent from a signed-in page; sign in at /login") }
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        guard Forms.csrf(in: body, contentType: request.headers[.contentType] ?? "") == expected else {
            throw APIError.forbidden("missing or wrong CSRF token; reload the page")
        }
        return try await next(request, context)
    }
}

/// Attempts per key within a sliding window, then 429 until the window passes: public data
/// reports per client (ten an hour), and the three counts of `SignInThrottle`.
final class Throttle: Sendable {
    private let attempts = NIOLockedValueBox<[String: [Date]]>([:])
    let limit: Int
    let window: TimeInterval

    init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    static func dataReports() -> Throttle { Throttle(limit: 10, window: 3600) }

    /// Seconds to wait before trying again; nil when the client may try now.
    func retryAfter(_ key: String) -> Int? {
        attempts.withLockedValue { all in
            let now = Date()
            let recent = (all[key] ?? []).filter { now.timeIntervalSince($0) < window }
            all[key] = recent.isEmpty ? nil : recent
            guard recent.count >= limit, let first = recent.first else { return nil }
            return max(1, Int((window - now.timeIntervalSince(first)).rounded(.up)))
        }
    }

    /// Throws 429 (`code`, saying there were too many `what`, with `Retry-After`) while `key` must wait.
    func check(_ key: String, code: String, what: String) throws {
        if let wait = retryAfter(key) {
            throw APIError(status: .tooManyRequests, code: code, message: "too many \(what); try again in \(wait) s", retryAfter: wait)
        }
    }

    /// Counts an attempt (a failed sign-in, a report sent).
    func record(_ key: String) { attempts.withLockedValue { $0[key, default: []].append(Date()) } }
    /// Forgets the key's attempts (a sign-in succeeded).
    func clear(_ key: String) { attempts.withLockedValue { $0[key] = nil } }
}

/// Failed sign-ins counted three ways within fifteen minutes: five per client and login (someone
/// mistyping), twenty per client (one machine trying many logins) and twenty per login (many
/// machines trying one). Any count at its limit answers 429 before a password is hashed.
struct SignInThrottle: Sendable {
    let perClientAndLogin = Throttle(limit: 5, window: 15 * 60)
    let perClient = Throttle(limit: 20, window: 15 * 60)
    let perLogin = Throttle(limit: 20, window: 15 * 60)

    private func keyed(client: String, login: String) -> [(Throttle, String)] {
        let login = login.lowercased()
        return [(perClientAndLogin, "\(client)|\(login)"), (perClient, client), (perLogin, login)]
    }

    func check(client: String, login: String) throws {
        for (throttle, key) in keyed(client: client, login: login) {
            try throttle.check(key, code: "too_many_attempts", what: "failed sign-ins")
        }
    }

    func failed(client: String, login: String) {
        for (throttle, key) in keyed(client: client, login: login) { throttle.record(key) }
    }

    /// A success forgets this client's mistakes with this login; the wider counts stand.
    func succeeded(client: String, login: String) { perClientAndLogin.clear("\(client)|\(login.lowercased())") }
}

/// Signing in and out: `POST /api/v1/auth/token` (JSON → a bearer token) and the login form.
struct AuthAPI: Sendable {
    let accounts: Accounts
    let throttle: SignInThrottle
    /// Bearer tokens and sessions last eight hours.
    static let lifetime: TimeInterval = 8 * 3600

    struct Credentials: Decodable, Sendable {
        let login: String
        let password: String
    }

    struct Issued: Encodable {
        let token: String
        let tokenType = "Bearer"
        let expiresIn = Int(AuthAPI.lifetime)
        let person: Int
        let role: String

        enum CodingKeys: String, CodingKey { case token, person, role, tokenType = "token_type", expiresIn = "expires_in" }
    }

    /// The person behind the credentials, throttled (`SignInThrottle`); bcrypt runs on `PasswordWork`.
    func signIn(_ credentials: Credentials, from address: String) async throws -> Person {
        try throttle.check(client: address, login: credentials.login)
        let accounts = accounts
        guard let person = try await PasswordWork.shared.run({ try accounts.authenticate(login: credentials.login, password: credentials.password) })
        else {
            throttle.failed(client: address, login: credentials.login)
            throw APIError(status: .unauthorized, code: "unauthorized", message: "wrong login or password")
        }
        throttle.succeeded(client: address, login: credentials.login)
        return person
    }

    func register(on api: RouterGroup<AppRequestContext>) {
        api.post("auth/token") { request, context in
            let credentials = try await request.decode(as: Credentials.self, context: context)
            let person = try await signIn(credentials, from: context.remoteAddress)
            let (token, _) = try accounts.issue(.bearer, for: person.id, lifetime: Self.lifetime)
            return try JSONBody.response(Issued(token: token, person: person.id, role: person.role.rawValue), status: .created)
        }
        api.delete("auth/token") { request, _ in
            guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else { throw APIError.unauthorized }
            try accounts.revoke(String(header.dropFirst(7)))
            return Response(status: .noContent)
        }
    }
}

extension AppRequestContext {
    /// The signed-in person, or 401.
    func signedIn() throws -> Person {
        guard let person else { throw APIError.unauthorized }
        return person
    }
}
