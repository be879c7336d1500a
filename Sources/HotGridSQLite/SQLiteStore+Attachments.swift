import Foundation
import HotGridStore

/// Evidence files beside the database in `<db>.files/`, under the SHA-256 of their bytes (in a
/// folder named by its first two digits, so no folder grows too large).
extension SQLiteStore {
    func attachmentURL(_ sha256: String) -> URL {
        URL(fileURLWithPath: path + ".files").appendingPathComponent(String(sha256.prefix(2))).appendingPathComponent(sha256)
    }

    public func saveFile(_ data: Data) throws -> String {
        let sha = ContentHash.sha256(data)
        let target = attachmentURL(sha)
        guard !FileManager.default.fileExists(atPath: target.path) else { return sha }
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            // Written whole under a temporary name, then renamed: a reader never sees half a file.
            try data.write(to: target, options: .atomic)
        } catch {
            throw StoreError.writeFailed(path: target.path, reason: error.localizedDescription)
        }
        return sha
    }

    public func file(sha256: String) throws -> Data? {
        guard sha256.count == 64, sha256.allSatisfy(\.isHexDigit) else { return nil }
        return try? Data(contentsOf: attachmentURL(sha256))
    }
}
