import HotGridCore

/// Where HotGrid keeps its data, named to the user (a file path, a database URL).
public protocol StoreLocated: Sendable {
    /// Where the data lives, as the user gave it: shown in messages.
    var location: String { get }
}

/// Everything HotGrid stores, as one value: what the command line and the server open and hand
/// to the use cases. Each use case asks only for the capabilities it needs; SQLite is one
/// implementation of all of them (`HotGridSQLite`).
public typealias Store = RegionStore & FieldStore & StationStore & HotspotStore & WarningStore & PublicationStore
    & LedgerStore & DataReportStore & AccountStore & AuditStore & AttachmentStore

/// How to reach a store: opening an existing one or creating one for a region. The command line
/// turns `--db` into one of these in a single place.
public protocol StoreAddress: Sendable, CustomStringConvertible {
    /// Whether a store is already there.
    func exists() throws -> Bool
    /// Opens the existing store; fails when there is none.
    func open() throws -> any Store
    /// Creates a store holding `region`, all or nothing; an existing one is replaced only when `replacing`.
    func create(region: Region, replacing: Bool) throws -> any Store
}
