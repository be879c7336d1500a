import Foundation
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

    /// The error as a page, for a browser on any route outside `/api`: what happened in the
    /// ministry's words first, the message, and the way on (signing in, for a 401).
    func page(for request: Request) -> Response {
        let language = Portal.Language(request)
        let (zh, en): (String, String) = switch status.code {
        case 400: ("请求有误", "Bad request")
        case 401: ("请先登录", "Sign in first")
        case 403: ("无权访问", "Not allowed")
        case 404: ("未找到", "Not found")
        case 409: ("与当前状态冲突", "Conflict")
        case 413: ("内容过大", "Too large")
        case 422: ("无法办理", "Cannot be done")
        case 429: ("请求过于频繁", "Too many requests")
        case 503: ("暂时无法服务", "Unavailable")
        default: ("服务器内部错误", "Internal error")
        }
        let next = status == .unauthorized
            ? "<a href=\"/login\(language.query)\">\(language.t("登录", "Sign in"))</a> · " : ""
        let body = """
            <h1>\(language.t(zh, en)) <small>\(status.code)</small></h1>
            <p class="error">\(HTML.escape(message))</p>
            <p>\(next)<a href="/staff\(language.query)">\(language.t("工作台", "Workspace"))</a> · <a href="/\(language.query)">\(language.t("首页", "Home"))</a></p>
            """
        var response = JSONBody.html(Portal.frame(language.english ? en : zh, language, body), status: status)
        if let retryAfter { response.headers[.retryAfter] = String(retryAfter) }
        return response
    }

    /// The API form of any error a route throws; never a bare 500.
    static func from(_ error: any Error) -> APIError? {
        switch error {
        case let e as APIError: return e
        case let e as LedgerError:
            switch e {
            case .forbidden: return APIError(status: .forbidden, code: "forbidden", message: e.description)
            case .unknownPerson, .unknownCell, .notFound: return APIError(status: .notFound, code: "not_found", message: e.description)
            case .transitionNotAllowed, .closed, .changedSinceRead: return APIError(status: .conflict, code: "conflict", message: e.description)
            case .commentRequired: return APIError(status: .unprocessableContent, code: "invalid", message: e.description, fields: ["comment": "required"])
            case let .invalid(field, reason): return APIError(status: .unprocessableContent, code: "invalid", message: e.description, fields: [field: reason])
            case let .missingField(_, field): return APIError(status: .unprocessableContent, code: "invalid", message: e.description, fields: [field: "required"])
            case .evidenceRequired: return APIError(status: .unprocessableContent, code: "invalid", message: e.description, fields: ["evidence": "required"])
            case .badRow: return APIError(status: .unprocessableContent, code: "invalid", message: e.description)
            }
        case let e as WarningError:
            switch e {
            case .noWarningList, .noPublication, .unknownCell, .noMeans, .noHotspotList:
                return APIError(status: .notFound, code: "not_found", message: e.description)
            default: return APIError(status: .unprocessableContent, code: "invalid", message: e.description)
            }
        case let e as SelectionError:
            switch e {
            case .noList, .noPreviousList, .noEstimate: return APIError(status: .notFound, code: "not_found", message: e.description)
            case .noMeteorology, .noResampling: return APIError(status: .unprocessableContent, code: "invalid", message: e.description)
            }
        case let e as StoreError:
            if case .conflict = e { return APIError(status: .conflict, code: "conflict", message: e.description) }
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
