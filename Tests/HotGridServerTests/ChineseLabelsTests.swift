import Foundation
import HotGridCore
import HotGridServer
import HotGridService
import Testing

/// The workspace speaks the ministry's terms: statuses, actions, roles, scopes and departments by
/// their Chinese names, times in Beijing time, and each person is offered only what they may do.
@Suite("The workspace in Chinese, offering only what one may do")
struct ChineseLabelsTests {
    /// What a reader sees of `page`: no styles, drawings, tags or the grey English translations.
    static func visibleText(_ page: String) -> String {
        var text = page
        for pattern in ["<style>[\\s\\S]*?</style>", "<svg[\\s\\S]*?</svg>", "<span class=\"en\">[^<]*</span>", "<[^>]+>"] {
            text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        return text
    }

    /// Codes a Chinese page must not show as text.
    static let codes = ProblemStatus.allCases.map(\.rawValue) + ProblemAction.allCases.map(\.rawValue).filter { $0 != "return" }
        + Role.allCases.map(\.rawValue) + ProblemCategory.allCases.map(\.rawValue) + ["city:410600", "city:410900", "housing", "environment"]

    @Test("Staff pages name statuses, actions, roles, scopes and departments in Chinese; menus hold only the moves the person may make")
    func pages() async throws {
        let world = try ServerWorld()
        defer { world.cleanUp() }
        let officer = try Ledger(store: world.store, actor: 2)
        let p = try officer.recordProblem(ProblemReport(source: 1, category: .industrialDust, description: "料堆未苫盖")).problem
        _ = try officer.act(problem: p.id, .assign, comment: "交住建", department: "housing")
        _ = try Ledger(store: world.store, actor: 5).act(problem: p.id, .accept, comment: "已接收")
        let names = Set(try world.store.persons().map(\.name) + world.store.logins().values)
        try await withServer(world) { client in
            let city = try BrowserSession(world, person: 2), housing = try BrowserSession(world, person: 5), admin = try BrowserSession(world, person: 1)
            for (session, path) in [(city, "/staff"), (city, "/staff/problems"), (city, "/staff/problems/\(p.id)"), (city, "/staff/cells/\(world.cell)"),
                                    (city, "/staff/reports"), (admin, "/staff/users"), (city, "/staff/cells/\(world.cell)/sheet"), (housing, "/staff/problems/\(p.id)"), (city, "/staff?by=city")] {
                let (status, page) = try await session.get(client, path)
                #expect(status == .ok, "\(path)")
                let text = Self.visibleText(page)
                // The world's people are named by their logins (housing …), which the users page lists: neither is a code.
                for code in Self.codes where !names.contains(code) && text.range(of: "(?<![A-Za-z_:])\(code)(?![A-Za-z_])", options: .regularExpression) != nil {
                    Issue.record("\(path) shows the code \(code)")
                }
                #expect(!text.contains("Z ") && text.range(of: "\\d{4}-\\d\\d-\\d\\dT\\d\\d", options: .regularExpression) == nil, "\(path) shows a UTC time")
            }
            // The city officer may extend the rectifying problem's deadline, not submit or verify it;
            // the housing officer may submit it, nothing else.
            let options = { (page: String) in
                page.components(separatedBy: "<select name=\"action\">").dropFirst().first?.components(separatedBy: "</select>").first ?? ""
            }
            let (_, cityPage) = try await city.get(client, "/staff/problems/\(p.id)")
            #expect(options(cityPage) == "<option value=\"extend\">延期</option>", "\(options(cityPage))")
            #expect(cityPage.contains("整改中") && cityPage.contains("住房和城乡建设") && cityPage.contains("type=\"date\""))
            let (_, housingPage) = try await housing.get(client, "/staff/problems/\(p.id)")
            #expect(options(housingPage) == "<option value=\"submit\">提交核查</option>" && !housingPage.contains("name=\"deadline\""))
            // A department officer records nothing and assigns nobody in a cell: neither form is offered.
            let (_, cellPage) = try await housing.get(client, "/staff/cells/\(world.cell)")
            #expect(!cellPage.contains("/assign\"") && !cellPage.contains("name=\"description\""))
            let (_, officerCell) = try await city.get(client, "/staff/cells/\(world.cell)")
            #expect(officerCell.contains("/assign\"") && officerCell.contains("name=\"description\""))
            // Statistics are a table, by county unless asked by city.
            let (_, byCity) = try await city.get(client, "/staff?by=city")
            #expect(byCity.contains("<table class=\"statistics\">") && byCity.contains("<td>410600</td><td>鹤壁市</td>"))
            // The CSV opens in Excel on Chinese Windows: a byte-order mark, Chinese headings, by the level asked.
            try await client.execute(uri: "/staff/statistics.csv?by=city", method: .get, headers: [.cookie: city.cookie]) { r in
                let bytes = Data(buffer: r.body)
                #expect(r.status == .ok && bytes.starts(with: [0xEF, 0xBB, 0xBF]))
                let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
                #expect(text.hasPrefix("代码,名称,问题数,") && text.contains("\n410600,鹤壁市,1,"), "\(text.prefix(200))")
            }
            let (_, byCounty) = try await city.get(client, "/staff")
            #expect(byCounty.contains("<table class=\"statistics\">") && !byCounty.contains("<td>410600</td><td>鹤壁市</td>"))
        }
    }
}
