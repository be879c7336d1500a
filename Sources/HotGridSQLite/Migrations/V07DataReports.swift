import GRDB

extension Migration {
    /// The public's reports of a data error, routed to an officer.
    static let v7DataReports = Migration(
        id: "v7-data-reports",
        sql: """
        -- The public's "report a data error", routed to a named officer; audited like the ledger.
        CREATE TABLE data_report (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            cell_id TEXT REFERENCES cell(id),
            city_code TEXT NOT NULL,
            message TEXT NOT NULL CHECK (length(trim(message)) > 0 AND length(message) <= 4000),
            contact TEXT CHECK (contact IS NULL OR length(contact) <= 200),
            submitted_at TEXT NOT NULL,
            officer_id INTEGER REFERENCES person(id),
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered')),
            answer TEXT,
            answered_by INTEGER REFERENCES person(id),
            answered_at TEXT,
            CHECK ((status = 'open') = (answer IS NULL))
        );
        CREATE INDEX data_report_officer ON data_report(officer_id, status);
        CREATE INDEX data_report_city ON data_report(city_code, status);
        """
    )
}
