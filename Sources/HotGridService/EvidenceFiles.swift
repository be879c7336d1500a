import Foundation
import HotGridCore
import HotGridStore

/// Evidence (photos, GPS tracks) handed in as files: their bytes go to the store's attachments
/// under their SHA-256, so a file is stored once and any later change to it is detectable.
struct EvidenceFiles {
    let store: any AttachmentStore

    /// Reads the file at `path`, stores its bytes and describes it.
    func store(path: String) throws -> Attachment {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw LedgerError.invalid(field: path, reason: "cannot read it (\(error.localizedDescription))")
        }
        let sha = try store.saveFile(data)
        return Attachment(sha256: sha, fileName: URL(fileURLWithPath: path).lastPathComponent, byteCount: data.count)
    }

    /// The attachments whose file is missing or no longer has its hash.
    func damaged(_ attachments: [Attachment]) -> [(Attachment, String)] {
        attachments.compactMap { a in
            guard let data = try? store.file(sha256: a.sha256) else { return (a, "file missing") }
            let sha = ContentHash.sha256(data)
            return sha == a.sha256 ? nil : (a, "file changed (its SHA-256 is now \(sha))")
        }
    }
}
