import Foundation
import HotGridCore
import HotGridServer
import HotGridService
import HotGridStore
import Hummingbird
import HummingbirdTesting
import Testing

/// Markup typed into every text HotGrid shows — area names from a user's boundaries file, people,
/// departments, sources, problems, comments, data reports, query parameters — comes back escaped
/// on every page, never as markup.
@Suite("Pages escape what people and files typed")
struct EscapingTests {
    /// Closes an attribute, opens a script and an image with a handler.
    static let payload = "\"'><script>alert(1)</script><img src=x onerror=alert(2)>&"
    static let escaped = "&quot;&#39;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&amp;"

    /// Two cities of three square counties (0.3° a side, some 100 cells each), every name hostile.
    static func boundaries(_ folder: URL) throws -> BoundarySource {
        func county(_ code: String, _ city: String, _ west: Double) -> String {
            let (e, s, n) = (west + 0.3, 35.5, 35.8)
            let name = "县\(payload)".replacingOccurrences(of: "\"", with: "\\\"")
            let cityName = "市\(payload)".replacingOccurrences(of: "\"", with: "\\\"")
            return """
                {"type":"Feature","properties":{"adcode":"\(code)","name":"\(name)","city_adcode":"\(city)","city_name":"\(cityName)"},
                "geometry":{"type":"Polygon","coordinates":[[[\(west),\(s)],[\(e),\(s)],[\(e),\(n)],[\(west),\(n)],[\(west),\(s)]]]}}
                """
        }
        let file = folder.appendingPathComponent("hostile.geojson")
        let features = [county("410602", "410600", 114.0), county("410603", "410600", 114.3), county("410922", "410900", 114.6)]
        try Data("{\"type\":\"FeatureCollection\",\"features\":[\(features.joined(separator: ","))]}".utf8).write(to: file)
        return .file(path: file.path, fields: BoundaryFields())
    }

    @Test("Every page shows hostile names, descriptions, comments and reports as text")
    func everyPage() async throws {
        let world = try ServerWorld(boundaries: Self.boundaries)
        defer { world.cleanUp() }
        let p = Self.payload
        // People, a department, a source, a problem moved with a comment, a data report answered.
        let leader = try world.accounts.addUser(login: "leader", password: ServerWorld.password, name: "网格长\(p)", role: .gridLeader,
                                                scope: .assignedCells, actor: 1)
        let ledger = try Ledger(store: world.store, actor: 1)
        try ledger.assign(cell: world.cell, duty: .gridLeader, person: leader.id)
        try ledger.addDepartment(code: "hostile", name: "部门\(p)")
        let sources = world.folder.appendingPathComponent("hostile-sources.csv")
        let quoted = "\"\(p.replacingOccurrences(of: "\"", with: "\"\""))\""
        try Data("name,kind,lon,lat,census_id,operator\n\(quoted),enterprise,\(world.centre.longitude),\(world.centre.latitude),\(quoted),\(quoted)\n".utf8)
            .write(to: sources)
        let officer = try Ledger(store: world.store, actor: 2)
        _ = try officer.importSources(path: sources.path)
        let problem = try officer.recordProblem(ProblemReport(source: 2, category: .industrialDust, description: "问题\(p)")).problem
        _ = try officer.act(problem: problem.id, .assign, comment: "交办\(p)", department: "hostile")
        let desk = DataReportDesk(store: world.store, region: try RegionDirectory(store: world.store))
        let (report, _) = try desk.submit(cell: world.cell, city: nil, message: "纠错\(p)", contact: "电话\(p)")
        _ = try officer.answer(report: report.id, with: "答复\(p)")
        _ = try desk.submit(cell: nil, city: "410600", message: "待答复\(p)", contact: nil)

        // Browsing as an administrator whose own name is hostile: every workspace page names them.
        let hostileAdmin = try world.accounts.addUser(login: "admin2", password: ServerWorld.password, name: "管理员\(p)", role: .admin,
                                                      scope: .region, actor: 1)
        let admin = try BrowserSession(world, person: hostileAdmin.id)
        let cell = world.cell, query = p.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        // Each page with a text it must show, escaped (nil: only that nothing comes out as markup;
        // a path parameter arrives percent-encoded and is shown so).
        let pages: [(String, String?)] = [
            ("/", "市"), ("/?lang=en", "市"), ("/cities/410600", "县"), ("/counties/410602", "县"), ("/cells/\(cell)", "县"),
            ("/report?cell=\(query)", ""), ("/login?next=/staff?\(query)", ""), ("/cities/\(query)", nil), ("/publications", nil),
            ("/api/v1/publications/1/html", "县"),
            ("/staff", "县"), ("/staff/problems", "管理员"), ("/staff/problems/\(problem.id)", "交办"), ("/staff/cells/\(cell)", "网格长"),
            ("/staff/cells/\(cell)/sheet", "问题"), ("/staff/reports", "纠错"), ("/staff/users", "网格长"),
        ]
        try await withServer(world) { client in
            for (path, label) in pages {
                let (status, page) = try await admin.get(client, path)
                #expect([.ok, .notFound].contains(status), "\(path): \(status)")
                #expect(!page.contains("<script>") && !page.contains("<img src=x"), "\(path) sent the payload as markup")
                if let label { #expect(page.contains("\(label)\(Self.escaped)"), "\(path) does not show \(label)… escaped") }
            }
            // A refused public report shows the typed cell back, in the notice and in the form.
            let (status, refused) = try await BrowserSession(cookie: "", csrf: "").post(client, "/report", [("cell", p), ("message", "x")], withCSRF: false)
            #expect(status == .unprocessableContent && !refused.contains("<script>"))
            #expect(refused.contains("value=\"\(Self.escaped)\""), "the field")
            #expect(refused.components(separatedBy: Self.escaped).count == 5, "the notice, the field and the two cities of the list")
            // What the problem page shows beyond the comment: the description and the department.
            let (_, problemPage) = try await admin.get(client, "/staff/problems/\(problem.id)")
            #expect(problemPage.contains("问题\(Self.escaped)") && problemPage.contains("部门\(Self.escaped)"))
            let (_, reports) = try await admin.get(client, "/staff/reports")
            for text in ["电话", "答复", "待答复", "市"] { #expect(reports.contains("\(text)\(Self.escaped)"), "reports: \(text)") }
            let (_, cellPage) = try await admin.get(client, "/staff/cells/\(cell)")
            #expect(cellPage.contains("<td>\(Self.escaped)</td>"), "the source's name, census id and operator")
        }
    }
}
