import Foundation
import GRDB
import HotGridStore
import HotGridCore

/// Monthly means kept for warnings: one row per variable and month.
extension SQLiteStore {
    /// `variable`'s stored means of `month` in dense cell order; nil when not stored (or stale:
    /// storing a day of the month drops them).
    public func monthMeans(_ variable: String, month: Month) throws -> [PeriodMean]? {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT expected_days, minimum_days, mean, valid_days FROM month_mean WHERE variable = ? AND month = ?",
                                             arguments: [variable, month.description]) else { return nil }
            let expected: Int = row["expected_days"]
            return zip(CellCube.decode(row["mean"]), CellCube.decode(row["valid_days"])).map { mean, valid in
                PeriodMean(mean: mean.isNaN ? nil : Double(mean), validDays: Int(valid), expectedDays: expected)
            }
        }
    }

    /// Months (in order) with at least one stored day of `variable`.
    public func monthsWithDays(_ variable: String) throws -> [Month] {
        try pool.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT substr(day, 1, 7) FROM field_day WHERE variable = ? ORDER BY 1",
                                arguments: [variable]).compactMap(Month.init)
        }
    }

    static func saveMonthMeans(_ db: Database, variable: String, month: Month, minimumDays: Int, means: [PeriodMean]) throws {
        try db.execute(sql: """
            INSERT OR REPLACE INTO month_mean (variable, month, cell_count, expected_days, minimum_days, mean, valid_days)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [variable, month.description, means.count, month.dayCount, minimumDays,
                             CellCube.encode(means.map { $0.mean.map(Float.init) ?? .nan }),
                             CellCube.encode(means.map { Float($0.validDays) })])
    }
}

/// Storing and reading warning lists and escalations.
extension SQLiteStore {
    /// Stores every month (replacing those months) in one transaction: all or nothing.
    public func saveWarningMonths(_ months: [WarningMonth], variable: String, rules: EscalationRuleSet) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let rulesJSON = String(decoding: try encoder.encode(rules), as: UTF8.self)
        try pool.write { db in
            let insertWarning = try db.makeStatement(sql: """
                INSERT INTO warning (month, cell_id, reasons, pm25, yoy_change_pct, mom_change_pct) VALUES (?, ?, ?, ?, ?, ?)
                """)
            let insertEscalation = try db.makeStatement(sql: """
                INSERT INTO escalation (month, cell_id, rule, consecutive_months, warnings_in_window, actions) VALUES (?, ?, ?, ?, ?, ?)
                """)
            for m in months {
                let month = m.list.month.description
                try Self.saveMonthMeans(db, variable: variable, month: m.list.month, minimumDays: m.minimumDays, means: m.means)
                try db.execute(sql: "DELETE FROM warning_list WHERE month = ?", arguments: [month])
                try db.execute(sql: "INSERT INTO warning_list (month, hotspot_year, quota_share, quota_count, rules, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [month, m.list.hotspotYear, Self.share(m.list.quota), Self.count(m.list.quota), rulesJSON,
                                           AuditLog.time.format(Date())])
                for w in m.list.cells {
                    try insertWarning.execute(arguments: [month, w.cell.description, w.reasons.map(\.rawValue).joined(separator: ";"),
                                                          w.pm25, w.yearOnYearPercent, w.monthOnMonthPercent])
                }
                for e in m.escalations {
                    try insertEscalation.execute(arguments: [month, e.cell.description, e.rule, e.consecutiveMonths, e.warningsInWindow,
                                                             e.actions.map(\.rawValue).joined(separator: ";")])
                }
            }
        }
    }

    /// When `month`'s list was stored (it changes whenever the list is recomputed); nil when none.
    public func warningListStamp(month: Month) throws -> String? {
        try pool.read { try String.fetchOne($0, sql: "SELECT created_at || '#' || rowid FROM warning_list WHERE month = ?", arguments: [month.description]) }
    }

    /// What changes whenever a gridded field (the daily PM2.5 among them) is imported or
    /// re-estimated: the latest import's id; nil before any.
    public func fieldImportStamp() throws -> String? {
        try pool.read { try Int.fetchOne($0, sql: "SELECT MAX(id) FROM import_log").map(String.init) }
    }

    /// What changes when any month's warning list is made or remade.
    public func warningListsStamp() throws -> String {
        try pool.read { try String.fetchOne($0, sql: "SELECT COUNT(*) || '@' || IFNULL(MAX(created_at), '') || '#' || IFNULL(MAX(rowid), 0) FROM warning_list") ?? "" }
    }

    /// The latest month with a stored warning list.
    public func latestWarningMonth() throws -> Month? {
        try pool.read { try String.fetchOne($0, sql: "SELECT MAX(month) FROM warning_list").flatMap(Month.init) }
    }

    /// The months that have a stored warning list, in order.
    public func warningMonths() throws -> [Month] {
        try pool.read { try String.fetchAll($0, sql: "SELECT month FROM warning_list ORDER BY month").compactMap(Month.init) }
    }

    /// The stored list of `month`; nil when none.
    public func warningList(month: Month) throws -> WarningList? {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT hotspot_year, quota_share, quota_count FROM warning_list WHERE month = ?",
                                             arguments: [month.description]) else { return nil }
            let cells = try Row.fetchAll(db, sql: "SELECT * FROM warning WHERE month = ? ORDER BY cell_id",
                                         arguments: [month.description]).compactMap(Self.warningCell)
            return WarningList(month: month, hotspotYear: row["hotspot_year"], quota: (row["quota_count"] as Int?).map(WarningQuota.count) ?? .share(row["quota_share"]), cells: cells)
        }
    }

    /// Every cell's warned months before `month`.
    public func warnedMonths(before month: Month) throws -> [CellID: Set<Month>] {
        try pool.read { db in
            var history: [CellID: Set<Month>] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT cell_id, month FROM warning WHERE month < ?", arguments: [month.description]) {
                guard let cell = CellID(row["cell_id"] as String), let m = Month(row["month"] as String) else { continue }
                history[cell, default: []].insert(m)
            }
            return history
        }
    }

    /// One cell's warnings, by month.
    public func warnings(cell: CellID) throws -> [Month: WarningCell] {
        try pool.read { db in
            var result: [Month: WarningCell] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM warning WHERE cell_id = ?", arguments: [cell.description]) {
                if let m = Month(row["month"] as String), let w = Self.warningCell(row) { result[m] = w }
            }
            return result
        }
    }

    /// Stored escalations, of one month or all, by month then cell then rule; optionally of one cell.
    public func escalations(month: Month?, cell: CellID?) throws -> [Escalation] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM escalation WHERE (?1 IS NULL OR month = ?1) AND (?2 IS NULL OR cell_id = ?2) ORDER BY month, cell_id, rule
                """, arguments: [month?.description, cell?.description]).compactMap { row in
                guard let cell = CellID(row["cell_id"] as String), let m = Month(row["month"] as String) else { return nil }
                return Escalation(cell: cell, month: m, rule: row["rule"], consecutiveMonths: row["consecutive_months"],
                                  warningsInWindow: row["warnings_in_window"],
                                  actions: (row["actions"] as String).split(separator: ";").compactMap { EscalationAction(rawValue: String($0)) })
            }
        }
    }

    private static func warningCell(_ row: Row) -> WarningCell? {
        guard let cell = CellID(row["cell_id"] as String) else { return nil }
        return WarningCell(cell: cell, reasons: (row["reasons"] as String).split(separator: ";").compactMap { WarningReason(rawValue: String($0)) },
                           pm25: row["pm25"], yearOnYearPercent: row["yoy_change_pct"], monthOnMonthPercent: row["mom_change_pct"])
    }

    private static func share(_ quota: WarningQuota) -> Double? {
        if case let .share(s) = quota { s } else { nil }
    }

    private static func count(_ quota: WarningQuota) -> Int? {
        if case let .count(n) = quota { n } else { nil }
    }
}
