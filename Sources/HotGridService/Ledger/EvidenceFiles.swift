import Foundation
import HotGridCore
import HotGridStore

/// A file of evidence (a photo, a GPS track, a document) as handed in: uploaded from a page or the
/// API, or named on the command line.
public struct EvidenceFile: Sendable {
    /// The name it had for the person who handed it in (kept, shown with it).
    public let fileName: String
    public let data: Data

    public init(fileName: String, data: Data) {
        self.fileName = fileName
        self.data = data
    }

    /// The file at `path`; a file that cannot be read is named in the error.
    public init(path: String) throws {
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw LedgerError.badFile(path: path, reason: "cannot read it (\(error.localizedDescription))")
        }
        fileName = URL(fileURLWithPath: path).lastPathComponent
    }
}

/// Evidence going into the store's attachments under its SHA-256, so a file is stored once and
/// any later change to it is detectable. Files are stored before the transaction that records
/// them: a write transaction never waits for a disk copy, and a refused change leaves only an
/// unreferenced file behind, never a record without its file.
struct EvidenceFiles {
    let store: any AttachmentStore

    /// Stores `file`'s bytes and describes it.
    func store(_ file: EvidenceFile) throws -> Attachment {
        let name = file.fileName.replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "\\", with: "_")
        return Attachment(sha256: try store.saveFile(file.data), fileName: name.isEmpty || name.hasPrefix(".") ? "evidence" : name,
                          byteCount: file.data.count)
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

extension Ledger {
    /// An evidence file of problem `id`, for this person to open: only a file attached to a step
    /// of the problem's history, and only when the problem is one this person may read (staff of
    /// its area). Anyone else is told there is no such file, as if it did not exist.
    public func evidence(problem id: Int, sha256: String) throws -> (attachment: Attachment, data: Data) {
        guard try problem(id: id) != nil else { throw LedgerError.notFound(what: "problem", id: "#\(id)") }
        guard try store.problemEvents(problem: id).contains(where: { $0.evidence.contains(sha256) }),
              let attachment = try store.attachment(sha256: sha256), let data = try store.file(sha256: sha256) else {
            throw LedgerError.notFound(what: "evidence file", id: sha256)
        }
        return (attachment, data)
    }
}
