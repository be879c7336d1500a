import HotGridCore

/// The supervision ledger (台账): departments, staff and their cells, sources, patrols,
/// inspections, problems and their events. Every change goes through a ``LedgerTransaction``
/// and is audited with it.
public protocol LedgerStore: StoreLocated {
    func departments() throws -> [Department]
    func persons() throws -> [Person]
    func person(id: Int) throws -> Person?
    /// Every cell's grid leader and grid supervisor.
    func cellStaff() throws -> [(cell: CellID, duty: Role, person: Int)]
    /// The cells a person is grid leader or supervisor of.
    func assignedCells(person: Int) throws -> Set<CellID>
    /// Sources, of one cell or all.
    func sources(cell: CellID?) throws -> [PollutionSource]
    func source(id: Int) throws -> PollutionSource?
    func attachment(sha256: String) throws -> Attachment?
    func attachments() throws -> [Attachment]
    /// Patrols, of one cell or all.
    func patrols(cell: CellID?) throws -> [Patrol]
    /// The inspections of a cell for a warning month.
    func inspections(cell: CellID, month: Month) throws -> [Inspection]
    /// Problems, of one cell or all, by id.
    func problems(cell: CellID?) throws -> [Problem]
    func problem(id: Int) throws -> Problem?
    /// Each problem's number of events (its history's length), by problem id: of one problem or all.
    func problemEventCounts(problem: Int?) throws -> [Int: Int]
    /// The events of one problem or all, in order.
    func problemEvents(problem: Int?) throws -> [ProblemEvent]
    /// Runs `body` in one write transaction on the ledger as `actor` (nil: HotGrid itself);
    /// throwing from `body` undoes every change it made.
    func ledger<T>(actor: Int?, _ body: (any LedgerTransaction) throws -> T) throws -> T
    /// Makes data removed from the ledger (a redacted person) unrecoverable from the store's own
    /// logs and free pages, not only invisible.
    func purgeRemovedData() throws
}

extension LedgerStore {
    /// Every source.
    public func sources() throws -> [PollutionSource] { try sources(cell: nil) }
    /// Every patrol.
    public func patrols() throws -> [Patrol] { try patrols(cell: nil) }
    /// Every problem, by id.
    public func problems() throws -> [Problem] { try problems(cell: nil) }
    /// Every problem's number of events.
    public func problemEventCounts() throws -> [Int: Int] { try problemEventCounts(problem: nil) }
    /// Every event, in order.
    public func problemEvents() throws -> [ProblemEvent] { try problemEvents(problem: nil) }
}

/// Changes to the ledger inside one transaction, each stored with its audit entry. Reads see
/// the transaction's own changes.
public protocol LedgerTransaction {
    /// The person making the changes; nil for HotGrid itself (bootstrap, migrations).
    var actor: Int? { get }
    /// Problem `id` as it stands inside this transaction.
    func problem(id: Int) throws -> Problem?
    /// How many events a problem has had: read with a page, it says whether anyone moved it since.
    func eventCount(problem id: Int) throws -> Int
    /// Problems of `category` found on or after `since` within a lon/lat box (for duplicate checks).
    func problems(category: ProblemCategory, since: Day, near position: LonLat, degrees: Double) throws -> [Problem]
    /// Source `id` as it stands inside this transaction.
    func source(id: Int) throws -> PollutionSource?
    /// The codes of the departments problems can go to.
    func departmentCodes() throws -> [String]
    func addDepartment(_ d: Department) throws
    /// Adds a person; the id in `person` is ignored and the stored one returned.
    func addPerson(_ p: Person) throws -> Person
    /// Makes `person` the cell's grid leader or grid supervisor (replacing the one before).
    func assign(cell: CellID, duty: Role, person: Int) throws
    /// Adds a source; its id is assigned.
    func addSource(_ s: PollutionSource) throws -> PollutionSource
    /// Registers a stored file (once; a file already known is left as it is).
    func addAttachment(_ a: Attachment) throws
    /// Adds a patrol; its id is assigned.
    func addPatrol(_ p: Patrol) throws -> Patrol
    /// Adds an inspection; its id is assigned.
    func addInspection(_ i: Inspection) throws -> Inspection
    /// Records a new problem (status reported) with its first event.
    func addProblem(_ p: Problem, comment: String, evidence: [String]) throws -> Problem
    /// Stores `problem` as changed by `action` (status, department, deadline, duplicate link) with its event.
    func apply(_ action: ProblemAction, from status: ProblemStatus, to problem: Problem, comment: String, evidence: [String]) throws
    /// Removes a person's personal data for good: their name and phone, and every audit payload
    /// about them (whose hashes stay, so the chain verifies); a tombstone entry records the redaction.
    func redactPerson(_ id: Int) throws
    /// Stores a new data report (its id is ignored) with its audit entry.
    func addDataReport(_ r: DataReport) throws -> DataReport
    /// Records the answer to an open report; an answered report is never answered again.
    func answerDataReport(id: Int, answer: String, at: String) throws
    /// Report `id` as it stands inside this transaction.
    func dataReport(id: Int) throws -> DataReport?
}
