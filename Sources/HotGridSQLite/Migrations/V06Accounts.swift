import GRDB

extension Migration {
    /// Logins, password hashes and access tokens (their SHA-256 only).
    static let v6Accounts = Migration(
        id: "v6-accounts",
        sql: """
        CREATE TABLE credential (
            person_id INTEGER PRIMARY KEY NOT NULL REFERENCES person(id),
            login TEXT NOT NULL UNIQUE CHECK (length(login) >= 3),
            password_hash TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        -- Only the SHA-256 of a token is kept: a copy of the file does not let anyone in.
        CREATE TABLE access_token (
            token_sha256 TEXT PRIMARY KEY NOT NULL CHECK (length(token_sha256) = 64),
            person_id INTEGER NOT NULL REFERENCES person(id),
            kind TEXT NOT NULL CHECK (kind IN ('session', 'bearer')),
            csrf TEXT,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX access_token_person ON access_token(person_id);
        """
    )
}
