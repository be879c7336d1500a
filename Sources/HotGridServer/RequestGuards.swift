import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// One log line per request once it is answered: method, path, status and time taken. Never the
/// query, headers, cookies or body, where passwords, tokens and personal data travel. Outermost, so
/// it logs the status the client really got (after errors became error bodies).
struct AccessLogMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        var status = 500
        defer {
            let elapsed = started.duration(to: .now)
            let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            context.logger.info("\(request.method) \(request.uri.path) \(status) \(String(format: "%.1f", ms)) ms")
        }
        let response = try await next(request, context)
        status = response.status.code
        return response
    }
}

/// Refuses a request whose declared body is larger than the context allows (413) before any of it
/// is read; bodies sent without a length are bounded where they are collected.
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > context.maxUploadSize {
            throw APIError(status: .contentTooLarge, code: "too_large",
                           message: "the body is \(declared) bytes; at most \(context.maxUploadSize) are accepted")
        }
        return try await next(request, context)
    }
}

/// Who the client is as far as the server can tell. Directly: the socket's peer over plain HTTP
/// unless `https` (a `--public-url https://…` in front). Behind a trusted proxy: the last
/// `X-Forwarded-For` entry (the one the proxy itself appended; earlier ones are the client's
/// say) and `X-Forwarded-Proto`. Outermost, so throttles and cookies see the result.
struct ClientMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let trustProxy: Bool
    let https: Bool
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!
    static let forwardedProto = HTTPField.Name("X-Forwarded-Proto")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.https = https
        if trustProxy {
            if let last = request.headers[Self.forwardedFor]?.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty {
                context.remoteAddress = last
            }
            if let proto = request.headers[Self.forwardedProto] { context.https = proto.lowercased() == "https" }
        }
        return try await next(request, context)
    }
}

/// Headers on every answer, pages and errors alike: pages load nothing from elsewhere and run no
/// script (the portal has none), may not be framed (clickjacking), content types are not
/// second-guessed, and links to other sites do not carry the page's address (cell ids, problem
/// numbers) in the Referer.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let policy = "default-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; form-action 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'"
    static let frameOptions = HTTPField.Name("X-Frame-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.policy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[Self.frameOptions] = "DENY"
        response.headers[Self.referrerPolicy] = "same-origin"
        if context.https { response.headers[.strictTransportSecurity] = "max-age=31536000" }
        return response
    }
}
