import Testing
@testable import HotGridCore

@Suite("Problem lifecycle")
struct ProblemLifecycleTests {
    @Test("Every action applies exactly where the lifecycle allows it")
    func transitions() {
        let expected: [ProblemAction: [ProblemStatus: ProblemStatus]] = [
            .assign: [.reported: .assigned],
            .accept: [.assigned: .rectifying],
            .decline: [.assigned: .notResponsible],
            .reassign: [.notResponsible: .assigned],
            .submit: [.rectifying: .submitted],
            .verify: [.submitted: .verified],
            .returnForRework: [.submitted: .rectifying],
            .markDuplicate: [.reported: .duplicate, .assigned: .duplicate, .notResponsible: .duplicate],
            .extend: [.assigned: .assigned, .rectifying: .rectifying],
        ]
        for action in ProblemAction.allCases {
            for status in ProblemStatus.allCases {
                #expect(action.next(from: status) == expected[action]?[status], "\(action) from \(status)")
            }
        }
        // Closed problems are frozen: nothing applies.
        #expect(ProblemAction.available(from: .verified).isEmpty && ProblemAction.available(from: .duplicate).isEmpty)
    }

    @Test("Overdue: past the deadline and not handed in")
    func overdue() {
        let cell = CellID(resolution: .m3000, row: 1, column: 1)!
        var p = Problem(id: 1, cell: cell, sourceID: nil, category: .constructionDust, description: "x", position: LonLat(longitude: 114, latitude: 38),
                        foundBy: 1, foundOn: Day("2018-01-01")!, warningMonth: nil, department: "housing", deadline: Day("2018-01-08")!, status: .rectifying)
        #expect(!p.isOverdue(on: Day("2018-01-08")!) && p.isOverdue(on: Day("2018-01-09")!))
        p.status = .submitted
        #expect(!p.isOverdue(on: Day("2018-02-01")!))
        p.status = .notResponsible
        #expect(p.isOverdue(on: Day("2018-02-01")!))
    }
}
