import Foundation
import HotGridCore
import HotGridService
import Hummingbird

/// Evidence files in the workspace: a problem's photos, tracks and documents, to staff who may
/// read the problem, and to nobody else (never on a public page). Photos open in the browser;
/// anything else is downloaded, so a file uploaded as evidence never runs as a page.
struct WorkspaceEvidence: Sendable {
    let staff: StaffPages

    /// Image types shown inline, by file extension.
    static let images = ["jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "gif": "image/gif", "webp": "image/webp"]

    /// Whether `fileName` is a photo the page may show as a thumbnail.
    static func isImage(_ fileName: String) -> Bool { images[(fileName as NSString).pathExtension.lowercased()] != nil }

    func register(on router: Router<AppRequestContext>) {
        router.get("staff/problems/:id/evidence/:sha256") { _, context in
            let person = try context.signedIn()
            guard let id = context.parameters.get("id", as: Int.self), let sha256 = context.parameters.get("sha256") else {
                throw APIError.notFound("no such file")
            }
            let (attachment, data) = try staff.ledger(person).evidence(problem: id, sha256: sha256)
            let type = Self.images[(attachment.fileName as NSString).pathExtension.lowercased()]
            var response = JSONBody.bytes(data, contentType: type ?? "application/octet-stream")
            let name = attachment.fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "evidence"
            response.headers[.contentDisposition] = "\(type == nil ? "attachment" : "inline"); filename*=UTF-8''\(name)"
            // Personal and confidential: kept by the browser only, never by a shared cache.
            response.headers[.cacheControl] = "private, max-age=3600"
            return response
        }
    }
}
