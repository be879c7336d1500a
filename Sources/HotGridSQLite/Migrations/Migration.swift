import GRDB

/// One step of the schema, frozen once shipped: literal SQL (no value taken from today's Swift
/// types, so an enum that grows does not rewrite what old databases were built with) and, where
/// a step must touch existing rows, a data step run after it in the same transaction. Change the
/// schema by appending a migration to ``shipped``; `MigrationTests` holds the SHA-256 of every
/// shipped step's SQL and fails when one is edited.
struct Migration: Sendable {
    let id: String
    let sql: String
    let afterwards: (@Sendable (Database) throws -> Void)?

    init(id: String, sql: String, afterwards: (@Sendable (Database) throws -> Void)? = nil) {
        self.id = id
        self.sql = sql
        self.afterwards = afterwards
    }

    /// Every migration, in the order databases have them.
    static let shipped: [Migration] = [
        .v1Region, .v2Ingest, .v3Hotspots, .v4Warnings, .v5Ledger, .v6Accounts, .v7DataReports, .v8HotspotProbability,
        .v9AuditedCredentials, .v10StationPollutants, .v11StationBackground, .v12PublicationHotspots, .v13AuditEncoding,
    ]
}

/// The database schema as GRDB migrations, from ``Migration/shipped``.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in Migration.shipped {
            migrator.registerMigration(migration.id) { db in
                if !migration.sql.isEmpty { try db.execute(sql: migration.sql) }
                try migration.afterwards?(db)
            }
        }
        return migrator
    }
}
