import Foundation

/// The bytes of evidence files (photos, GPS tracks), kept under the SHA-256 of their content so
/// a file is stored once and any change to it shows. The ledger records which files exist
/// (``LedgerTransaction/addAttachment(_:)``); this holds their bytes.
public protocol AttachmentStore: StoreLocated {
    /// Stores `data` (written whole before it is visible) and returns its SHA-256.
    func saveFile(_ data: Data) throws -> String
    /// The bytes stored under `sha256`; nil when there are none.
    func file(sha256: String) throws -> Data?
}
