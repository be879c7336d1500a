import Foundation
import HotGridCore
import HotGridService
import Hummingbird
import NIOConcurrencyHelpers

/// Who is asking: a bearer token (`Authorization: Bearer …`, for the API) or a session cookie (for
/// pages). Unsafe requests that came with a session cookie must echo the session's CSRF token
/// (`X-CSRF-Token` header or `csrf` form field); bearer requests are not exposed to CSRF.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let accounts: Accounts
    static let sessionCookie = "hotgrid_session"

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
        return try await next(request, context)
    }
}

/// Attempts per key within a sliding window, then 429 until the window passes: failed sign-ins per
/// client and login (five in fifteen minutes), public data reports per client (ten an hour).
final class Throttle: Sendable {
    private let attempts = NIOLockedValueBox<[String: [Date]]>([:])
    let limit: Int
    let window: TimeInterval

    init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    static func signIn() -> Throttle { Throttle(limit: 5, window: 15 * 60) }
    static func dataReports() -> Throttle { Throttle(limit: 10, window: 3600) }

    /// Seconds to wait before trying again; nil when the client may try now.
    func retryAfter(_ key: String) -> Int? {
        attempts.withLockedValue { all in
            let now = Date()
            let recent = (all[key] ?? []).filter { now.timeIntervalSince($0) < window }
            all[key] = recent
            guard recent.count >= limit, let first = recent.first else { return nil }
            return max(1, Int(window - now.timeIntervalSince(first)))
        }
    }

    /// Throws 429 (`code`, saying there were too many `what`) while `key` must wait.
    func check(_ key: String, code: String, what: String) throws {
        if let wait = retryAfter(key) { throw APIError(status: .tooManyRequests, code: code, message: "too many \(what); try again in \(wait) s") }
    }

    /// Counts an attempt (a failed sign-in, a report sent).
    func record(_ key: String) { attempts.withLockedValue { $0[key, default: []].append(Date()) } }
    /// Forgets the key's attempts (a sign-in succeeded).
    func clear(_ key: String) { attempts.withLockedValue { $0[key] = nil } }
}

/// Signing in and out: `POST /api/v1/auth/token` (JSON → a bearer token) and the login form.
struct AuthAPI: Sendable {
    let accounts: Accounts
    let throttle: Throttle
    /// Bearer tokens and sessions last eight hours.
    static let lifetime: TimeInterval = 8 * 3600

    struct Credentials: Decodable {
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

    /// The person behind the credentials, throttled per client and login.
    func signIn(_ credentials: Credentials, from address: String) throws -> Person {
        let key = "\(address)|\(credentials.login)"
        try throttle.check(key, code: "too_many_attempts", what: "failed sign-ins")
        guard let person = try accounts.authenticate(login: credentials.login, password: credentials.password) else {
            throttle.record(key)
            throw APIError(status: .unauthorized, code: "unauthorized", message: "wrong login or password")
        }
        throttle.clear(key)
        return person
    }

    func register(on api: RouterGroup<AppRequestContext>) {
        api.post("auth/token") { request, context in
            let credentials = try await request.decode(as: Credentials.self, context: context)
            let person = try signIn(credentials, from: context.remoteAddress)
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
