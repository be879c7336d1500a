import Foundation
import HotGridPages
import HotGridService
import HotGridStore
import Hummingbird
import NIOCore

/// An error as the API returns it: `{"error": {"code", "message", "fields"}}` with its status.
struct APIError: Error, HTTPResponseError {
    let status: HTTPResponse.Status
    let code: String
    let message: String
    var fields: [String: String]? = nil
    /// Seconds until trying again makes sense (429, 503): sent as `Retry-After`.
    var retryAfter: Int? = nil

    static func badRequest(_ message: String, fields: [String: String]? = nil) -> APIError {
        APIError(status: .badRequest, code: "bad_request", message: message, fields: fields)
    }
    static func notFound(_ message: String) -> APIError { APIError(status: .notFound, code: "not_found", message: message) }
    static let unauthorized = APIError(status: .unauthorized, code: "unauthorized", message: "sign in first: a bearer token or a session")
    static func forbidden(_ message: String) -> APIError { APIError(status: .forbidden, code: "forbidden", message: message) }

    private struct Body: Encodable {
        struct Inner: Encodable {
            let code: String
            let message: String
            let fields: [String: String]?
        }
        let error: Inner
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(Body(error: .init(code: code, message: message, fields: fields)))
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer realm=\"hotgrid\"" }
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The error as a page, for a browser on any route outside `/api`.
    func page(for request: Request) -> Response {
        var response = JSONBody.html(ErrorPage.render(status: Int(status.code), message: message, Language(request)), status: status)
        if let retryAfter { response.headers[.retryAfter] = String(retryAfter) }
        return response
    }

    /// The API form of any error a route throws; never a bare 500.
    static func from(_ error: any Error) -> APIError? {
        switch error {
        case let e as APIError: return e
        case let e as LedgerError:
            let message = e.message(for: .api)
            switch e {
            case .forbidden: return APIError(status: .forbidden, code: "forbidden", message: message)
            case .unknownPerson, .unknownCell, .notFound: return APIError(status: .notFound, code: "not_found", message: message)
            case .transitionNotAllowed, .closed, .changedSinceRead: return APIError(status: .conflict, code: "conflict", message: message)
            case let .invalid(field, reason):
                return APIError(status: .unprocessableContent, code: "invalid", message: message, fields: [field.name(for: .api): reason])
            case .commentRequired, .missingField, .evidenceRequired, .badRow, .badFile:
                return APIError(status: .unprocessableContent, code: "invalid", message: message,
                                fields: e.field.map { [$0.name(for: .api): "required"] })
            }
        case let e as WarningError:
            switch e {
            case .noWarningList, .noPublication, .unknownCell, .noMeans, .noHotspotList:
                return APIError(status: .notFound, code: "not_found", message: e.message(for: .api))
            default: return APIError(status: .unprocessableContent, code: "invalid", message: e.message(for: .api))
            }
        case let e as SelectionError:
            switch e {
            case .noList, .noPreviousList, .noEstimate: return APIError(status: .notFound, code: "not_found", message: e.message(for: .api))
            case .noMeteorology, .noResampling: return APIError(status: .unprocessableContent, code: "invalid", message: e.message(for: .api))
            }
        case let e as StoreError:
            if case .conflict = e { return APIError(status: .conflict, code: "conflict", message: e.message(for: .api)) }
            return nil
        case is NIOTooManyBytesError:
            // A body sent without a length (chunked) that outgrew the limit while it was read.
            return APIError(status: .contentTooLarge, code: "too_large", message: "the body is larger than this endpoint accepts")
        case is DecodingError:
            return .badRequest("the request body is not the JSON this endpoint expects: \(error)")
        case let e as HTTPError:
            return APIError(status: e.status, code: e.status.code == 413 ? "too_large" : "http_\(e.status.code)",
                            message: e.body ?? e.status.reasonPhrase)
        default: return nil
        }
    }
}

/// Turns every error into the API's error body under `/api` and an error page elsewhere;
/// unexpected ones become a 500 with a request id, logged without request bodies or credentials.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let api = APIError.from(error) ?? {
                context.logger.error("internal error on \(request.method) \(request.uri.path): \(error)")
                return APIError(status: .internalServerError, code: "internal", message: "an internal error occurred (request \(context.id))")
            }()
            return request.uri.path.hasPrefix("/api/") ? try api.response(from: request, context: context) : api.page(for: request)
        }
    }
}
