import Foundation
import HotGridCore
import HotGridStore

/// A SQLite database file as a ``StoreAddress``: what `--db FILE` names.
public struct SQLiteAddress: StoreAddress {
    /// The database file.
    public let path: String

    public init(path: String) { self.path = path }

    public var description: String { path }

    public func exists() -> Bool { FileManager.default.fileExists(atPath: path) }

    public func open() throws -> any Store { try SQLiteStore(opening: path) }

    public func create(region: Region, replacing: Bool) throws -> any Store {
        try SQLiteStore.create(at: path, region: region, replacing: replacing)
    }
}
