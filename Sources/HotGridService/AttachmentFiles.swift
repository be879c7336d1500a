import Foundation
import HotGridCore
import HotGridStore

/// Evidence, photos and GPS tracks, stored beside the database in `<db>.files/` under the SHA-256
/// of their bytes, so a file is stored once and any change to it is detectable.
struct AttachmentFiles {
    let folder: URL

    init(databasePath: String) {
        folder = URL(fileURLWithPath: databasePath + ".files")
    }

    func url(_ sha256: String) -> URL {
        folder.appendingPathComponent(String(sha256.prefix(2))).appendingPathComponent(sha256)
    }

    /// Copies the file at `path` into the store (written whole, then renamed) and describes it.
    func store(path: String) throws -> Attachment {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw LedgerError.invalid(field: path, reason: "cannot read it (\(error.localizedDescription))")
        }
        let sha = ContentHash.sha256(data)
        let target = url(sha)
        if !FileManager.default.fileExists(atPath: target.path) {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try OutputFile.write(data, to: target.path)
        }
        return Attachment(sha256: sha, fileName: URL(fileURLWithPath: path).lastPathComponent, byteCount: data.count)
    }

    /// The attachments whose file is missing or no longer has its hash.
    func damaged(_ attachments: [Attachment]) -> [(Attachment, String)] {
        attachments.compactMap { a in
            guard let data = try? Data(contentsOf: url(a.sha256)) else { return (a, "file missing") }
            let sha = ContentHash.sha256(data)
            return sha == a.sha256 ? nil : (a, "file changed (its SHA-256 is now \(sha))")
        }
    }
}
