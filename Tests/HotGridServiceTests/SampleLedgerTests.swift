import Foundation
import Testing
import HotGridCore
import HotGridStore
@testable import HotGridLab
@testable import HotGridService

@Suite("The demo's sample ledger")
struct SampleLedgerTests {
    static let password = "demo-password"

    /// The warning world with 2017-03 warned three cells per city and kind, so Hebi has three warned cells.
    func world() throws -> WarningWorld {
        let w = try WarningWorld()
        try WarningRun().run(from: Month("2017-01")!, to: Month("2017-02")!, store: w.store)
        try WarningRun(quota: .count(3)).run(from: Month("2017-03")!, to: Month("2017-03")!, store: w.store)
        return w
    }

    func sample(_ w: WarningWorld, month: String) -> SampleLedger {
        var sample = SampleLedger(store: w.store, month: Month(month)!, password: Self.password)
        sample.accounts.cost = 4
        return sample
    }

    @Test("A month of field work gives the statistics of ledger-scenario.sh, logins that sign in and an intact audit log")
    func month() throws {
        let w = try world()
        defer { w.scratch.cleanUp() }
        let sample = sample(w, month: "2017-03")
        let summary = try sample.run()
        #expect(summary.cityCode == "410600" && summary.cells.count == 3 && Set(summary.cells).isSubset(of: w.hebi))
        let s = summary.statistics
        #expect(s.total == 7 && s.closed == 2 && s.closedOnTime == 1 && s.duplicates == 1 && s.open == 4 && s.overdue == 2)
        #expect(s.byCategory[.constructionDust] == 4)
        for (login, role) in SampleLedger.logins {
            #expect(try sample.accounts.authenticate(login: login, password: Self.password)?.role == role)
        }
        #expect(summary.logins == SampleLedger.logins.map(\.login))
        #expect(try sample.accounts.authenticate(login: "officer", password: "not-the-password") == nil)
        #expect(try w.store.cellStaff().map(\.cell).sorted() == (summary.cells + summary.cells).sorted())
        let audit = try AuditCheck.run(store: w.store)
        #expect(audit.isIntact && audit.entries == summary.auditEntries)
        let officer = try #require(try w.store.persons().first { $0.role == .cityOfficer })
        #expect(try w.store.dataReports().map(\.officer) == [officer.id])

        let again = #expect(throws: LedgerError.self) { try sample.run() }
        #expect(again?.description.contains("already has staff") == true)
        #expect(try w.store.problems().count == 7)
    }

    @Test("A month without a warning list, or without a city of three warned cells, is refused")
    func refusals() throws {
        let w = try world()
        defer { w.scratch.cleanUp() }
        #expect(throws: WarningError.noWarningList(Month("2017-04")!)) { try sample(w, month: "2017-04").run() }
        // February warned two cells per city (highest concentration, month on month).
        let few = #expect(throws: LedgerError.self) { try sample(w, month: "2017-02").run() }
        #expect(few?.description.contains("no city has three warned cells in 2017-02") == true)
        #expect(try w.store.persons().isEmpty)
    }
}
