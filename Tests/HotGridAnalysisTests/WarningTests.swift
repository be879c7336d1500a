import Foundation
import Testing
import HotGridCore
@testable import HotGridAnalysis

@Suite("Monthly warnings")
struct WarningSelectionTests {
    func cell(_ column: Int) -> CellID { CellID(resolution: .m3000, row: 100, column: column)! }

    func candidate(_ column: Int, _ m: Double?, city: String = "130100", before: Double? = nil, yearBefore: Double? = nil)
        -> WarningSelection.Candidate {
        .init(cell: cell(column), cityCode: city, month: m, monthBefore: before, yearBefore: yearBefore)
    }

    @Test("Each kind takes the top cells of each city; a cell in two kinds is warned once with both reasons")
    func kinds() {
        let cells = [
            candidate(1, 90, before: 45, yearBefore: 100),   // highest, and +100 % on last month
            candidate(2, 80, before: 79, yearBefore: 40),    // worst year on year: +100 %
            candidate(3, 50, before: 49, yearBefore: 49),
            candidate(4, 60, city: "140100", before: 60, yearBefore: 30),
        ]
        let warned = WarningSelection.select(cells, quota: .count(1))
        #expect(warned.map(\.cell) == [cell(1), cell(2), cell(4)])
        #expect(warned[0].reasons == [.highestConcentration, .worstMonthOnMonth])
        #expect(warned[0].monthOnMonthPercent == 100 && warned[0].yearOnYearPercent == -10)
        #expect(warned[1].reasons == [.worstYearOnYear])
        // The only hotspot cell of its city is warned for all three kinds.
        #expect(warned[2].reasons == WarningReason.allCases)
    }

    @Test("Ties go to the larger value, then the smaller cell id")
    func ties() {
        let cells = [candidate(7, 70), candidate(5, 70), candidate(6, 70), candidate(9, 71)]
        let warned = WarningSelection.select(cells, quota: .count(2))
        #expect(warned.filter { $0.reasons.contains(.highestConcentration) }.map(\.cell) == [cell(5), cell(9)])
    }

    @Test("Without last year's month there is no year-on-year warning; a missing mean takes no part")
    func missingMonths() {
        let cells = [candidate(1, 90, before: 80), candidate(2, nil, before: 10), candidate(3, 40, before: nil)]
        let warned = WarningSelection.select(cells, quota: .count(3))
        #expect(warned.map(\.cell) == [cell(1), cell(3)])
        #expect(warned.allSatisfy { !$0.reasons.contains(.worstYearOnYear) && $0.yearOnYearPercent == nil })
        #expect(warned[1].reasons == [.highestConcentration] && warned[1].monthOnMonthPercent == nil)
    }

    @Test("The quota is max(1, ceil(share × hotspot cells)) per city, exactly")
    func quota() {
        #expect(WarningQuota.share(0.10).cells(forHotspotCells: 30) == 3)
        #expect(WarningQuota.share(0.10).cells(forHotspotCells: 31) == 4)
        #expect(WarningQuota.share(0.10).cells(forHotspotCells: 4) == 1)
        #expect(WarningQuota.share(0.10).cells(forHotspotCells: 0) == 1)
        let cells = (1...31).map { candidate($0, Double($0)) }
        let top = WarningSelection.select(cells, quota: .share(0.10)).filter { $0.reasons.contains(.highestConcentration) }
        #expect(top.map(\.cell) == [cell(28), cell(29), cell(30), cell(31)])
    }
}

@Suite("Escalation rules")
struct EscalationTests {
    let cell = CellID(resolution: .m3000, row: 10, column: 10)!

    func months(_ texts: String...) -> Set<Month> { Set(texts.map { Month($0)! }) }

    func fired(_ month: String, history: Set<Month>, city: String = "130100", rules: EscalationRuleSet = .defaults) -> [String] {
        EscalationEvaluation.evaluate(month: Month(month)!, warned: [cell: city], history: [cell: history], rules: rules).map(\.rule)
    }

    @Test("Three months running fires once, at the third month, across a year end")
    func consecutive() {
        let h = months("2017-11", "2017-12", "2018-01", "2018-02", "2018-03")
        #expect(fired("2017-12", history: h).isEmpty)
        #expect(fired("2018-01", history: h) == ["consecutive-3"])
        #expect(fired("2018-02", history: h).isEmpty)
        #expect(fired("2018-03", history: h).isEmpty)
        // After a break the rule can fire again.
        let again = h.union(months("2018-05", "2018-06", "2018-07"))
        #expect(fired("2018-07", history: again) == ["consecutive-3"])
        let e = EscalationEvaluation.evaluate(month: Month("2018-01")!, warned: [cell: "130100"], history: [cell: h], rules: .defaults)
        #expect(e.first?.consecutiveMonths == 3 && e.first?.warningsInWindow == 3)
    }

    @Test("Six times in twelve months fires when the sixth warning comes, and not again while it holds")
    func count() {
        let h = months("2018-01", "2018-03", "2018-05", "2018-07", "2018-09", "2018-11", "2019-01")
        #expect(fired("2018-09", history: h).isEmpty)
        let e = EscalationEvaluation.evaluate(month: Month("2018-11")!, warned: [cell: "130100"], history: [cell: h], rules: .defaults)
        #expect(e.map(\.rule) == ["count-6-in-12"] && e[0].warningsInWindow == 6 && e[0].consecutiveMonths == 1)
        // 2019-01: 2018-01 left the window as 2019-01 entered: still six, held before, no new escalation.
        #expect(fired("2019-01", history: h).isEmpty)
    }

    @Test("A city rule applies only in its city; rules files are checked")
    func scopes() throws {
        let json = """
            {"rules": [{"name": "cangzhou-3", "type": "consecutive", "months": 3, "scope": "130900", "actions": ["grid_leader_interview"]}]}
            """
        let rules = try JSONDecoder().decode(EscalationRuleSet.self, from: Data(json.utf8))
        let h = months("2018-01", "2018-02", "2018-03")
        #expect(fired("2018-03", history: h, city: "130900", rules: rules) == ["cangzhou-3"])
        #expect(fired("2018-03", history: h, city: "130100", rules: rules).isEmpty)
        for bad in [#"{"rules": []}"#,
                    #"{"rules": [{"name": "x", "type": "streak", "months": 3, "actions": ["public_notice"]}]}"#,
                    #"{"rules": [{"name": "x", "type": "count", "times": 7, "window": 6, "actions": ["public_notice"]}]}"#,
                    #"{"rules": [{"name": "x", "type": "consecutive", "months": 3, "actions": ["dinner"]}]}"#,
                    #"{"rules": [{"name": "x", "type": "consecutive", "months": 3, "scope": "Cangzhou", "actions": ["public_notice"]}]}"#] {
            #expect(throws: (any Error).self) { try JSONDecoder().decode(EscalationRuleSet.self, from: Data(bad.utf8)) }
        }
    }
}
