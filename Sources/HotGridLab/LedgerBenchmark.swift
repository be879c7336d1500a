import Foundation
import HotGridService
import HotGridCore
import HotGridStore

/// `hotgrid bench ledger`: records problems and moves them through their lifecycle through the
/// same service calls the command line and server use (permission checks, audit entries, one
/// transaction each), then computes the statistics and verifies the audit log.
public struct LedgerBenchmark {
    public let problems: Int
    /// Problems handled per transaction (1: every record and move is its own transaction, as
    /// one user's clicks are; more: field work synchronised in batches).
    public let batch: Int

    public init(problems: Int, batch: Int) {
        self.problems = problems
        self.batch = max(1, batch)
    }

    public struct Result: Sendable {
        public let problems: Int
        public let statusChanges: Int
        public let recordSeconds: Double
        public let changeSeconds: Double
        public let statisticsSeconds: Double
        public let verifySeconds: Double
        public let auditEntries: Int
    }

    /// Runs on `store`, a copy made for the benchmark (it gains staff and problems).
    public func run(store: any Store, progress: ProgressReporter = SilentProgress()) throws -> Result {
        let admin = try Ledger.addFirstAdmin(store: store, name: "Bench admin")
        let root = try Ledger(store: store, actor: admin.id)
        let officer = try root.addPerson(name: "Officer", role: .cityOfficer, scope: .region, department: nil, phone: nil)
        let housing = try root.addPerson(name: "Housing", role: .departmentOfficer, scope: .region, department: "housing", phone: nil)
        let (o, h) = (try Ledger(store: store, actor: officer.id), try Ledger(store: store, actor: housing.id))
        let cells = try store.cells()
        let photo = try o.storeEvidence([EvidenceFile(fileName: "evidence.jpg", data: Data("site photo".utf8))])
        var generator = SystemRandomNumberGenerator()
        let foundOn = o.today.advanced(by: -30)

        var started = Date()
        progress.begin("Recording problems", total: problems)
        var ids: [Int] = []
        for first in stride(from: 0, to: problems, by: batch) {
            try o.batch { b in
                for i in first..<min(problems, first + batch) {
                    let cell = cells[Int.random(in: 0..<cells.count, using: &generator)]
                    let position = LonLat(longitude: cell.longitude + Double.random(in: -0.01...0.01, using: &generator),
                                          latitude: cell.latitude + Double.random(in: -0.01...0.01, using: &generator))
                    let category = ProblemCategory.allCases[i % ProblemCategory.allCases.count]
                    ids.append(try b.recordProblem(ProblemReport(category: category, description: "problem \(i)", position: position,
                                                                 foundOn: foundOn)).problem.id)
                }
            }
            progress.advance(by: min(batch, problems - first))
        }
        progress.end("\(problems) problems")
        let recordSeconds = Date().timeIntervalSince(started)

        // Five changes a problem on average: assign, accept, submit, then verify; every other problem
        // is returned once and submitted again before verification. With batch 1 each is its own transaction.
        started = Date()
        progress.begin("Status changes", total: problems * 5)
        var changes = 0
        func each(_ ledger: Ledger, _ chunk: ArraySlice<Int>, _ body: (LedgerBatch, Int, Int) throws -> Void) throws {
            if batch == 1 {
                for (i, id) in zip(chunk.indices, chunk) { try ledger.batch { try body($0, i, id) } }
            } else {
                try ledger.batch { b in for (i, id) in zip(chunk.indices, chunk) { try body(b, i, id) } }
            }
        }
        for first in stride(from: 0, to: ids.count, by: batch) {
            let chunk = ids[first..<min(ids.count, first + batch)]
            try each(o, chunk) { b, _, id in _ = try b.act(problem: id, .assign, comment: "assigned", department: "housing") }
            try each(h, chunk) { b, _, id in _ = try b.act(problem: id, .accept, comment: "accepted") }
            try each(h, chunk) { b, _, id in _ = try b.act(problem: id, .submit, comment: "done") }
            try each(o, chunk) { b, i, id in if i % 2 == 0 { _ = try b.act(problem: id, .returnForRework, comment: "not done") } }
            try each(h, chunk) { b, i, id in if i % 2 == 0 { _ = try b.act(problem: id, .submit, comment: "done now") } }
            try each(o, chunk) { b, _, id in _ = try b.act(problem: id, .verify, comment: "checked", evidence: photo) }
            let moved = chunk.indices.reduce(0) { $0 + ($1 % 2 == 0 ? 6 : 4) }
            changes += moved
            progress.advance(by: moved)
        }
        progress.end("\(changes) status changes")
        let changeSeconds = Date().timeIntervalSince(started)

        started = Date()
        _ = try LedgerReport(ledger: o).statistics(by: .county, asOf: o.today)
        let statisticsSeconds = Date().timeIntervalSince(started)
        started = Date()
        let audit = try AuditCheck.run(store: store)
        let verifySeconds = Date().timeIntervalSince(started)
        guard audit.isIntact else { throw LedgerError.invalid(field: .audit, reason: audit.findings.map(\.description).joined(separator: "; ")) }
        return Result(problems: problems, statusChanges: changes, recordSeconds: recordSeconds, changeSeconds: changeSeconds,
                      statisticsSeconds: statisticsSeconds, verifySeconds: verifySeconds, auditEntries: audit.entries)
    }
}
