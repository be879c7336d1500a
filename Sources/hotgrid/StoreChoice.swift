import HotGridSQLite
import HotGridStore

/// The one place the command line chooses its store: `--db` names a SQLite file. Every other
/// command file sees only the store's capabilities (`HotGridStore`).
enum StoreChoice {
    /// Where `--db` points.
    static func address(_ db: String) -> any StoreAddress { SQLiteAddress(path: db) }

    /// The existing store `--db` points at.
    static func open(_ db: String) throws -> any Store { try address(db).open() }
}
