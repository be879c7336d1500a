import GRDB

extension Migration {
    /// Each audit entry records how it holds its rows: 1, every column as SQLite stored it (all
    /// entries before this step); 2, the declared columns of `AuditRecord` by kind, the same on
    /// every backend (every entry after it).
    static let v13AuditEncoding = Migration(
        id: "v13-audit-encoding",
        sql: """
        ALTER TABLE audit_entry ADD COLUMN encoding INTEGER NOT NULL DEFAULT 1 CHECK (encoding IN (1, 2))
        """
    )
}
