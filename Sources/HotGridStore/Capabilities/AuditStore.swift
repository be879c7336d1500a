/// The append-only, hash-chained audit log of every change to the ledger and to accounts.
public protocol AuditStore: StoreLocated {
    /// The last `limit` entries, oldest first; with `person`, only those by that person or about
    /// them (their person row and their credential: sign-ins, passwords, redaction).
    func auditEntries(person: Int?, limit: Int) throws -> [AuditEntry]
    /// Walks the chain (sequence, previous hash, payload hash, entry hash), then checks that every
    /// ledger row is what its latest entry says it became.
    func verifyAudit() throws -> AuditReport
    /// Whether an entry with this hash is in the log.
    func auditContains(hash: String) throws -> Bool
}

extension AuditStore {
    /// The last `limit` entries, oldest first.
    public func auditEntries(limit: Int) throws -> [AuditEntry] { try auditEntries(person: nil, limit: limit) }
}

/// One entry of the audit log as people read it: who did what to which row, and when.
public struct AuditEntry: Sendable, Equatable {
    public let seq: Int
    /// ISO 8601 UTC with milliseconds.
    public let at: String
    /// The person who acted; nil for the operator at the command line.
    public let actor: Int?
    public let action: String
    public let entity: String
    public let entityID: String
    public let redacted: Bool

    public init(seq: Int, at: String, actor: Int?, action: String, entity: String, entityID: String, redacted: Bool) {
        self.seq = seq
        self.at = at
        self.actor = actor
        self.action = action
        self.entity = entity
        self.entityID = entityID
        self.redacted = redacted
    }
}

/// Something `audit verify` found wrong, naming the entry or row.
public struct AuditFinding: Hashable, Sendable, CustomStringConvertible {
    /// The audit entry concerned, when there is one.
    public let seq: Int?
    public let message: String
    public var description: String { (seq.map { "entry \($0): " } ?? "") + message }

    public init(seq: Int?, message: String) {
        self.seq = seq
        self.message = message
    }
}

/// The outcome of checking the audit log against itself and the ledger.
public struct AuditReport: Sendable {
    public let entries: Int
    public let redacted: Int
    /// The last entry's hash: write it down (or publish it) to detect a truncated log later.
    public let head: String
    public let findings: [AuditFinding]
    public var isIntact: Bool { findings.isEmpty }

    public init(entries: Int, redacted: Int, head: String, findings: [AuditFinding]) {
        self.entries = entries
        self.redacted = redacted
        self.head = head
        self.findings = findings
    }
}
