import Foundation
import HotGridPages
import Hummingbird

/// The API's one JSON envelope: `{"meta": {"page", "limit", "found"}, "results": [...]}`.
struct Envelope<Item: Encodable & Sendable>: ResponseGenerator, Sendable {
    let page: Int
    let limit: Int
    let found: Int
    let results: [Item]

    /// Page `paging.page` of `all`.
    init(_ all: [Item], paging: Paging) {
        page = paging.page
        limit = paging.limit
        found = all.count
        results = Array(all.dropFirst(paging.offset).prefix(paging.limit))
    }

    private struct Body: Encodable {
        struct Meta: Encodable {
            let page: Int
            let limit: Int
            let found: Int
        }
        let meta: Meta
        let results: [Item]
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        JSONBody.bytes(try data(), contentType: "application/json; charset=utf-8")
    }

    /// The envelope as JSON.
    func data() throws -> Data {
        try JSONBody.encoder.encode(Body(meta: .init(page: page, limit: limit, found: found), results: results))
    }
}

/// `page` (from 1) and `limit` (1…1000, default 100) from the query.
struct Paging: Sendable {
    let page: Int
    let limit: Int

    init(_ request: Request, defaultLimit: Int = 100) throws {
        let q = request.uri.queryParameters
        let page = try q.get("page").map { text -> Int in
            guard let n = Int(text), n >= 1 else { throw APIError.badRequest("page must be a whole number from 1", fields: ["page": text]) }
            return n
        } ?? 1
        let limit = try q.get("limit").map { text -> Int in
            guard let n = Int(text), (1...1000).contains(n) else { throw APIError.badRequest("limit must be 1 to 1000", fields: ["limit": text]) }
            return n
        } ?? defaultLimit
        self.page = page
        self.limit = limit
    }

    /// How many items come before this page; a page beyond any list saturates instead of overflowing.
    var offset: Int {
        let (offset, overflow) = (page - 1).multipliedReportingOverflow(by: limit)
        return overflow ? .max : offset
    }
}

/// JSON and other bodies with their content type.
enum JSONBody {
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok, contentType: String = "application/json; charset=utf-8") throws -> Response {
        bytes(try encoder.encode(value), status: status, contentType: contentType)
    }

    static func bytes(_ data: Data, status: HTTPResponse.Status = .ok, contentType: String) -> Response {
        Response(status: status, headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func html(_ page: HTML, status: HTTPResponse.Status = .ok) -> Response {
        bytes(page.data, status: status, contentType: "text/html; charset=utf-8")
    }
}
