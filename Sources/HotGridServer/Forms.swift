import Foundation
import Hummingbird
import MultipartKit

/// HTML form bodies: `application/x-www-form-urlencoded`, or `multipart/form-data` when the form
/// uploads files. Bodies are read up to `limit` bytes (413 beyond).
enum Forms {
    static func decode<T: Decodable>(_ request: Request, limit: Int = 64 * 1024) async throws -> T {
        let body = try await request.body.collect(upTo: limit)
        let type = request.headers[.contentType] ?? ""
        do {
            if type.lowercased().hasPrefix("multipart/form-data") {
                guard let boundary = boundary(type) else { throw APIError.badRequest("a multipart form needs a boundary") }
                return try FormDataDecoder().decode(T.self, from: body, boundary: boundary)
            }
            return try URLEncodedFormDecoder().decode(T.self, from: String(buffer: body))
        } catch let error as APIError {
            throw error
        } catch {
            throw APIError.badRequest("the form is incomplete")
        }
    }

    /// The `csrf` field of a form body, urlencoded or multipart; nil when it has none.
    static func csrf(in body: ByteBuffer, contentType: String) -> String? {
        struct Token: Decodable { let csrf: String }
        if contentType.lowercased().hasPrefix("multipart/form-data") {
            guard let boundary = boundary(contentType) else { return nil }
            return try? FormDataDecoder().decode(Token.self, from: body, boundary: boundary).csrf
        }
        return try? URLEncodedFormDecoder().decode(Token.self, from: String(buffer: body)).csrf
    }

    /// The `boundary` parameter of a multipart content type.
    static func boundary(_ contentType: String) -> String? { parameter("boundary", of: contentType) }

    /// Parameter `name` of a header value such as `form-data; name="x"; filename="y.jpg"`, unquoted.
    static func parameter(_ name: String, of header: String) -> String? {
        header.split(separator: ";").lazy.map { $0.trimmingCharacters(in: .whitespaces) }
            .first { $0.lowercased().hasPrefix(name + "=") }
            .map { String($0.dropFirst(name.count + 1)).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
    }
}

/// A file uploaded with a multipart form: its name as the browser sent it, and its bytes.
struct UploadedFile: Decodable, MultipartPartConvertible {
    let fileName: String
    let data: Data

    init?(multipart: MultipartPart) {
        fileName = Forms.parameter("filename", of: multipart.headers.first(name: "Content-Disposition") ?? "") ?? ""
        data = Data(buffer: multipart.body)
    }

    var multipart: MultipartPart? { nil }

    init(from decoder: any Decoder) throws {
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "a file comes only in a multipart form"))
    }
}
