import Foundation
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
