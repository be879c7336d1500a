import Foundation
import HotGridCore
import HotGridServer
import HotGridService
import HotGridStore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Walks every route the router holds (read from the router itself, so a new route is walked the
/// day it is added) as each outsider of one Hebi cell: nobody signed in, Puyang's city officer,
/// grid supervisor and housing officer, and the supervisor of another Hebi cell. None of them may
/// read a word of that cell's ledger or change anything in it; Hebi's officer, on the same URIs,
/// reads it all, so the walk reaches the data it guards.
@Suite("Every route, walked as every outsider")
struct RouteWalkTests {
    /// Routes anyone may call by design, or that end the walker's own session: the public's data
    /// reports, signing in and out (`SignInTests` and `AuthorizationTests` cover them).
    static let openRoutes: Set<String> = ["POST /login", "POST /logout", "POST /api/v1/auth/token", "DELETE /api/v1/auth/token",
                                          "POST /report", "POST /api/v1/data-reports"]
    /// Words only Hebi's staff may read: a problem's description and comment, a source's name and
    /// census id, a data report's message and the reporter's contact.
    static let secrets = ["秘密问题描述", "秘密批示", "Steel works", "410600X1", "秘密数据报告", "reporter@example.cn", "秘密照片"]

    @Test("Outsiders read nothing of another area's ledger and change nothing, on every route")
    func everyRoute() async throws {
        let world = try ServerWorld()
        defer { world.cleanUp() }
        let cells = try world.store.cells()
        let puyangCell = try #require(cells.first { $0.cityCode == "410900" })
        let otherHebiCell = try #require(cells.first { $0.cityCode == "410600" && $0.id != world.cell })
        let hebiCounty = try #require(cells.first { $0.id == world.cell }?.countyCode)
        // Outsiders, each signed in with a session (cookie and CSRF token) as a browser is.
        let admin = 1
        var outsiders = ["puyang": 3]
        for (login, role, scope, department) in [("puyang_supervisor", Role.gridSupervisor, StaffScope.assignedCells, nil as String?),
                                                 ("puyang_housing", .departmentOfficer, .city("410900"), "housing"),
                                                 ("hebi_other_supervisor", .gridSupervisor, .assignedCells, nil)] {
            outsiders[login] = try world.accounts.addUser(login: login, password: ServerWorld.password, name: login, role: role, scope: scope,
                                                          department: department, actor: admin).id
        }
        try Ledger(store: world.store, actor: 3).assign(cell: puyangCell.id, duty: .gridSupervisor, person: outsiders["puyang_supervisor"]!)
        try Ledger(store: world.store, actor: 2).assign(cell: otherHebiCell.id, duty: .gridSupervisor, person: outsiders["hebi_other_supervisor"]!)
        // The cell's ledger: a problem with a comment, its source, a data report with a contact.
        let problem = try Ledger(store: world.store, actor: 4).recordProblem(ProblemReport(source: 1, category: .industrialDust,
                                                                                             description: "秘密问题描述", warningMonth: Month("2017-03"))).problem
        let photo = EvidenceFile(fileName: "yard.jpg", data: Data("秘密照片".utf8))
        _ = try Ledger(store: world.store, actor: 2).act(problem: problem.id, .assign, comment: "秘密批示", department: "housing", evidence: [photo])
        let photoSHA = ContentHash.sha256(photo.data)
        let report = try DataReportDesk(store: world.store, region: RegionDirectory(store: world.store))
            .submit(cell: world.cell, city: nil, message: "秘密数据报告", contact: "reporter@example.cn").report

        let hebiURIs: [String: [String]] = [
            "/cells/{id}": ["/cells/\(world.cell)"], "/api/v1/cells/{id}": ["/api/v1/cells/\(world.cell)"],
            "/api/v1/cells/{id}/sources": ["/api/v1/cells/\(world.cell)/sources"],
            "/staff/cells/{id}": ["/staff/cells/\(world.cell)"], "/staff/cells/{id}/assign": ["/staff/cells/\(world.cell)/assign"],
            "/staff/cells/{id}/problems": ["/staff/cells/\(world.cell)/problems"],
            "/staff/cells/{id}/sheet": ["/staff/cells/\(world.cell)/sheet?month=2017-03", "/staff/cells/\(world.cell)/sheet?month=2017-03&format=csv"],
            "/staff/problems/{id}": ["/staff/problems/\(problem.id)"],
            "/staff/problems/{id}/evidence/{sha256}": ["/staff/problems/\(problem.id)/evidence/\(photoSHA)"], "/api/v1/problems/{id}/actions": ["/api/v1/problems/\(problem.id)/actions"],
            "/api/v1/problems": ["/api/v1/problems", "/api/v1/problems?cell=\(world.cell)"],
            "/staff/reports/{id}": ["/staff/reports/\(report.id)"], "/api/v1/data-reports/{id}/answer": ["/api/v1/data-reports/\(report.id)/answer"],
            "/api/v1/publications/{id}/{format}": ["/api/v1/publications/1/csv", "/api/v1/publications/1/html"],
            "/api/v1/collections/{name}/items": ["/api/v1/collections/cells/items?limit=5", "/api/v1/collections/warnings/items?limit=5"],
            "/cities/{code}": ["/cities/410600"], "/counties/{code}": ["/counties/\(hebiCounty)"],
        ]
        /// Where Hebi's own officer must find the secrets: the walk is blind if these show nothing.
        let hebiReads = ["/staff/cells/{id}", "/staff/cells/{id}/sheet", "/staff/problems/{id}", "/staff/problems/{id}/evidence/{sha256}", "/api/v1/problems",
                         "/api/v1/cells/{id}/sources", "/staff/reports", "/api/v1/data-reports"]

        let router = try buildRouter(store: world.store, accounts: world.accounts, settings: testSettings)
        let routes = router.routes.map { (method: $0.method, path: $0.path.description) }
        #expect(routes.count >= 40, "the router lists \(routes.count) routes")
        let known = Set(routes.map { "\($0.method) \($0.path)" })
        #expect(Self.openRoutes.isSubset(of: known), "open routes the router no longer has: \(Self.openRoutes.subtracting(known))")
        #expect(Set(hebiReads).isSubset(of: Set(routes.map(\.path))))
        var steps: [(method: HTTPRequest.Method, uri: String, route: String)] = []
        for (method, path) in routes where !Self.openRoutes.contains("\(method) \(path)") {
            if let uris = hebiURIs[path] {
                steps += uris.map { (method, $0, path) }
            } else {
                #expect(!path.contains("{") && !path.contains("*"), "route \(method) \(path) takes parameters the walk does not know: add it to hebiURIs")
                steps.append((method, path, path))
            }
        }
        let walk = steps, walkers = [("nobody", nil)] + outsiders.sorted { $0.key < $1.key }.map { ($0.key, Optional($0.value)) }
        let json = try body(["action": "assign", "comment": "x", "department": "housing", "category": "open_burning", "description": "x",
                             "cell_id": world.cell.description, "source_id": 1, "lon": world.centre.longitude, "lat": world.centre.latitude,
                             "answer": "x"])

        // Signed in beforehand: signing in is itself an audited change.
        let sessions = try Dictionary(uniqueKeysWithValues: (outsiders.values.map { $0 } + [2]).map { ($0, try BrowserSession(world, person: $0)) })
        try await withServer(world) { client in
            /// One request of the walk as `person` (nil: nobody signed in): its status and body.
            func call(_ step: (method: HTTPRequest.Method, uri: String, route: String), as person: Int?) async throws -> (HTTPResponse.Status, String) {
                var headers: HTTPFields = [:], payload: ByteBuffer?
                var csrf = ""
                if let person, let session = sessions[person] {
                    headers[.cookie] = session.cookie
                    csrf = session.csrf
                }
                if ![.get, .head].contains(step.method) {
                    if step.uri.hasPrefix("/api/") {
                        headers[.contentType] = "application/json"
                        headers[HTTPField.Name("X-CSRF-Token")!] = csrf
                        payload = json
                    } else {
                        headers[.contentType] = "application/x-www-form-urlencoded"
                        payload = ByteBuffer(string: Self.form(csrf: csrf, person: person ?? 0))
                    }
                }
                return try await client.execute(uri: step.uri, method: step.method, headers: headers, body: payload) { ($0.status, String(buffer: $0.body)) }
            }
            let entriesBefore = try world.store.verifyAudit().entries
            var walked = 0
            for (login, person) in walkers {
                for step in walk {
                    let (status, page) = try await call(step, as: person)
                    walked += 1
                    for secret in Self.secrets {
                        #expect(!page.contains(secret), "\(login) read “\(secret)” at \(step.method) \(step.uri) (\(status.code))")
                    }
                    if ![.get, .head].contains(step.method) {
                        #expect(status.code >= 400 || (person == nil && status == .seeOther), "\(login) got \(status.code) for \(step.method) \(step.uri)")
                    }
                }
            }
            // Nothing the outsiders tried was written.
            #expect(try world.store.verifyAudit().entries == entriesBefore)
            #expect(try world.store.problem(id: problem.id)?.status == .assigned)
            // Hebi's officer, on the same URIs, reads the cell's ledger.
            for route in hebiReads {
                for uri in hebiURIs[route] ?? [route] {
                    let (status, page) = try await call((.get, uri, route), as: 2)
                    #expect(status == .ok && Self.secrets.contains { page.contains($0) }, "Hebi's officer sees nothing of the cell at \(uri) (\(status.code))")
                }
            }
            #expect(walked >= 5 * 40, "walked \(walked) requests")
            print("route walk: \(routes.count) routes, \(walk.count) URIs, \(walked) requests")
        }
        #expect(try AuditCheck.run(store: world.store).isIntact)
    }

    /// A form body that every workspace form can read (each takes the fields it knows), so a
    /// refusal is about who asks, not about what they sent.
    static func form(csrf: String, person: Int) -> String {
        [("csrf", csrf), ("duty", "grid_supervisor"), ("person", "\(person)"), ("category", "open_burning"), ("description", "x"),
         ("action", "assign"), ("comment", "x"), ("department", "housing"), ("answer", "x"), ("login", "x\(person)"),
         ("password", "password-456"), ("name", "x"), ("role", "city_officer"), ("scope", "city:410900")]
            .map { "\($0)=\($1.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" }.joined(separator: "&")
    }
}
