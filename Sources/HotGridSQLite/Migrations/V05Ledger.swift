import GRDB

extension Migration {
    /// The supervision ledger: departments, staff, sources, patrols, inspections, problems with their events, attachments and the hash-chained audit log; the default departments, each audited.
    static let v5Ledger = Migration(
        id: "v5-ledger",
        sql: """
        CREATE TABLE department (
            code TEXT PRIMARY KEY NOT NULL CHECK (length(code) > 0),
            name TEXT NOT NULL CHECK (length(name) > 0)
        );
        CREATE TABLE person (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL CHECK (length(name) > 0),
            role TEXT NOT NULL CHECK (role IN ('admin', 'ministry_analyst', 'city_officer', 'county_officer', 'grid_leader', 'grid_supervisor', 'department_officer', 'auditor')),
            scope TEXT NOT NULL,
            department TEXT REFERENCES department(code),
            phone TEXT,
            redacted INTEGER NOT NULL DEFAULT 0 CHECK (redacted IN (0, 1)),
            CHECK ((role = 'department_officer') = (department IS NOT NULL))
        );
        CREATE TABLE cell_staff (
            cell_id TEXT NOT NULL REFERENCES cell(id),
            duty TEXT NOT NULL CHECK (duty IN ('grid_leader', 'grid_supervisor')),
            person_id INTEGER NOT NULL REFERENCES person(id),
            PRIMARY KEY (cell_id, duty)
        ) WITHOUT ROWID;
        CREATE INDEX cell_staff_person ON cell_staff(person_id);
        CREATE TABLE source (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            cell_id TEXT NOT NULL REFERENCES cell(id),
            kind TEXT NOT NULL CHECK (kind IN ('enterprise', 'boiler', 'construction_site', 'material_yard', 'open_pit_mine', 'vocs_emitter', 'scattered_workshop', 'restaurant', 'road', 'burning_point', 'other')),
            lon REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
            lat REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
            name TEXT NOT NULL CHECK (length(name) > 0),
            census_id TEXT UNIQUE,
            operator TEXT,
            notes TEXT
        );
        CREATE INDEX source_cell ON source(cell_id);
        CREATE TABLE attachment (
            sha256 TEXT PRIMARY KEY NOT NULL CHECK (length(sha256) = 64),
            file_name TEXT NOT NULL,
            byte_count INTEGER NOT NULL CHECK (byte_count >= 0)
        ) WITHOUT ROWID;
        CREATE TABLE patrol (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            cell_id TEXT NOT NULL REFERENCES cell(id),
            person_id INTEGER NOT NULL REFERENCES person(id),
            day TEXT NOT NULL CHECK (length(day) = 10),
            findings TEXT NOT NULL,
            attachments TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX patrol_cell ON patrol(cell_id, day);
        CREATE TABLE inspection (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            cell_id TEXT NOT NULL REFERENCES cell(id),
            month TEXT NOT NULL CHECK (length(month) = 7),
            source_id INTEGER NOT NULL REFERENCES source(id),
            inspector INTEGER NOT NULL REFERENCES person(id),
            day TEXT NOT NULL CHECK (length(day) = 10),
            note TEXT NOT NULL,
            UNIQUE (month, source_id)
        );
        CREATE TABLE problem (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            cell_id TEXT NOT NULL REFERENCES cell(id),
            source_id INTEGER REFERENCES source(id),
            category TEXT NOT NULL CHECK (category IN ('vocs_uncontrolled', 'industrial_fugitive_dust', 'open_pit_mine_dust', 'construction_site_dust', 'material_yard_dust', 'open_burning', 'boiler', 'scattered_workshop', 'other')),
            description TEXT NOT NULL CHECK (length(trim(description)) > 0),
            lon REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
            lat REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
            found_by INTEGER NOT NULL REFERENCES person(id),
            found_on TEXT NOT NULL CHECK (length(found_on) = 10),
            warning_month TEXT CHECK (warning_month IS NULL OR length(warning_month) = 7),
            department TEXT REFERENCES department(code),
            deadline TEXT CHECK (deadline IS NULL OR deadline >= found_on),
            status TEXT NOT NULL CHECK (status IN ('reported', 'assigned', 'rectifying', 'submitted', 'verified', 'not_responsible', 'duplicate')),
            duplicate_of INTEGER REFERENCES problem(id),
            CHECK ((status = 'duplicate') = (duplicate_of IS NOT NULL)),
            CHECK (status = 'reported' OR status = 'duplicate' OR (department IS NOT NULL AND deadline IS NOT NULL))
        );
        CREATE INDEX problem_cell ON problem(cell_id);
        CREATE INDEX problem_near ON problem(category, lat, lon);
        -- Closed problems are frozen.
        CREATE TRIGGER problem_closed_frozen BEFORE UPDATE ON problem WHEN OLD.status IN ('verified', 'duplicate')
            BEGIN SELECT RAISE(ABORT, 'closed problems are frozen'); END;
        CREATE TABLE problem_event (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            problem_id INTEGER NOT NULL REFERENCES problem(id),
            action TEXT,
            from_status TEXT,
            to_status TEXT NOT NULL CHECK (to_status IN ('reported', 'assigned', 'rectifying', 'submitted', 'verified', 'not_responsible', 'duplicate')),
            actor INTEGER NOT NULL REFERENCES person(id),
            at TEXT NOT NULL,
            comment TEXT NOT NULL CHECK (length(trim(comment)) > 0),
            evidence TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX problem_event_problem ON problem_event(problem_id);
        CREATE TABLE audit_entry (
            seq INTEGER PRIMARY KEY NOT NULL,
            at TEXT NOT NULL,
            actor INTEGER,
            action TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            payload TEXT,
            payload_sha256 TEXT NOT NULL CHECK (length(payload_sha256) = 64),
            after_sha256 TEXT,
            previous_hash TEXT NOT NULL CHECK (length(previous_hash) = 64),
            hash TEXT NOT NULL CHECK (length(hash) = 64),
            redacted INTEGER NOT NULL DEFAULT 0 CHECK (redacted IN (0, 1))
        );
        -- The departments problems are assigned to, to start with.
        INSERT INTO department (code, name) VALUES
            ('environment', '生态环境'),
            ('housing', '住房和城乡建设'),
            ('natural_resources', '自然资源'),
            ('transport', '交通运输'),
            ('agriculture', '农业农村'),
            ('urban_management', '城市管理'),
            ('industry', '工业和信息化'),
            ('market_regulation', '市场监管');
        """,
        afterwards: { db in
            for code in try String.fetchAll(db, sql: "SELECT code FROM department ORDER BY rowid") {
                try AuditLog.record(db, actor: nil, action: "add_department", entity: .department, id: code, before: nil)
            }
        }
    )
}
