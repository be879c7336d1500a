import Foundation
import GRDB
import HotGridStore
import HotGridCore

/// The embedded store: one SQLite file in WAL mode, opened through GRDB, with evidence files in
/// a folder beside it (`<db>.files`). It implements every capability of ``Store``.
public final class SQLiteStore: Store {
    /// The database file.
    public let path: String
    public var location: String { path }
    let pool: DatabasePool
    /// Seconds a write waits for another connection's write to finish before giving up.
    public static let busyTimeout: TimeInterval = 30

    /// Opens an existing HotGrid database.
    public init(opening path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.notFound(path: path) }
        self.path = path
        do {
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            // In WAL mode NORMAL syncs at checkpoints, not at every commit: a commit can be lost on
            // power failure, never corrupted (SQLite's recommended setting for WAL).
            // Checkpoints every 8,000 pages (32 MB) rather than 1,000: many small ledger transactions
            // touch the same pages, which are then copied to the database file once, not each time.
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 8000") }
            // Another process (the server, a CLI run) may hold the write lock: wait for it rather
            // than fail. Writes begin IMMEDIATE (GRDB's default for a pool), so a writer waits at
            // BEGIN, where waiting is safe; long imports keep their lock short (see `importField`).
            configuration.busyMode = .timeout(Self.busyTimeout)
            pool = try DatabasePool(path: path, configuration: configuration)
            let applied = try pool.read { try Schema.migrator.appliedMigrations($0) }
            guard applied.contains("v1-region") else {
                throw StoreError.notAHotGridDatabase(path: path, reason: "no region tables")
            }
            try Schema.migrator.migrate(pool)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.notAHotGridDatabase(path: path, reason: "\(error)")
        }
    }

    /// Writes `region` to a new database at `path` and returns it opened. The file is built under
    /// a temporary name beside `path` and renamed into place only when complete, so a failure
    /// leaves nothing behind, and an existing file is replaced only when `replacing` is true.
    @discardableResult
    public static func create(at path: String, region: Region, replacing: Bool = false) throws -> SQLiteStore {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: path), !replacing { throw StoreError.alreadyExists(path: path) }
        let url = URL(fileURLWithPath: path)
        let partial = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).partial-\(UUID().uuidString)").path
        let removePartial = {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? fileManager.removeItem(atPath: partial + suffix) }
        }
        do {
            let queue = try DatabaseQueue(path: partial)
            try Schema.migrator.migrate(queue)
            try queue.write { db in try RegionWriter.insert(region, into: db) }
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
            try queue.close()
            for suffix in ["-wal", "-shm"] { try? fileManager.removeItem(atPath: path + suffix) }
            if rename(partial, path) != 0 {
                throw StoreError.writeFailed(path: path, reason: String(cString: strerror(errno)))
            }
        } catch let error as StoreError {
            removePartial()
            throw error
        } catch {
            removePartial()
            throw StoreError.writeFailed(path: path, reason: "\(error)")
        }
        return try SQLiteStore(opening: path)
    }
}
