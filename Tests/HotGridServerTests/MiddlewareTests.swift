import Foundation
import HotGridCore
import HotGridServer
import HotGridService
import HotGridStore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Signing in, sessions and CSRF are the middleware's, for every route at once: a handler cannot
/// forget them. Browsers get pages for errors, the API gets JSON.
@Suite("Auth as middleware: sessions, CSRF and error pages for every route")
struct MiddlewareTests {
    @Test("Every unsafe browser route refuses a form without the session's CSRF token, even from the admin, and writes nothing")
    func everyFormNeedsItsToken() async throws {
        let world = try ServerWorld()
        defer { world.cleanUp() }
        let router = try buildRouter(store: world.store, accounts: world.accounts, settings: testSettings)
        let forms = router.routes.map { (method: $0.method, path: $0.path.description) }
            .filter { ![.get, .head].contains($0.method) && !$0.path.hasPrefix("/api/") && !["/login", "/report"].contains($0.path) }
        #expect(forms.count >= 7, "\(forms.map(\.path))")
        let admin = try BrowserSession(world, person: 1)
        try await withServer(world) { client in
            let before = try world.store.verifyAudit().entries
            for form in forms {
                let uri = form.path.replacingOccurrences(of: "{id}", with: form.path.contains("/cells/") ? world.cell.description : "1")
                let fields = RouteWalkTests.form(csrf: "", person: 1).split(separator: "&").map(String.init).filter { !$0.hasPrefix("csrf=") }.joined(separator: "&")
                for body in [fields, fields + "&csrf=wrong"] {
                    let status = try await client.execute(uri: uri, method: form.method, headers: [.cookie: admin.cookie, .contentType: "application/x-www-form-urlencoded"],
                                                          body: ByteBuffer(string: body)) { $0.status }
                    #expect(status == .forbidden, "\(form.method) \(uri) answered \(status.code) to a form without its token")
                }
                // A multipart form (as the evidence upload is) is checked the same way.
                let boundary = "hotgrid-test"
                let multipart = "--\(boundary)\r\nContent-Disposition: form-data; name=\"comment\"\r\n\r\nx\r\n--\(boundary)--\r\n"
                let status = try await client.execute(uri: uri, method: form.method,
                                                      headers: [.cookie: admin.cookie, .contentType: "multipart/form-data; boundary=\(boundary)"],
                                                      body: ByteBuffer(string: multipart)) { $0.status }
                #expect(status == .forbidden, "\(form.method) \(uri) took a multipart form without its token")
            }
            #expect(try world.store.verifyAudit().entries == before)
            // With its token the same kind of form goes through: Hebi's officer assigns a problem.
            let officer = try BrowserSession(world, person: 2)
            let problem = try Ledger(store: world.store, actor: 4).recordProblem(ProblemReport(source: 1, category: .industrialDust, description: "扬尘")).problem
            let boundary = "hotgrid-test"
            let parts = [("csrf", officer.csrf), ("action", "assign"), ("comment", "交住建"), ("department", "housing")]
                .map { "--\(boundary)\r\nContent-Disposition: form-data; name=\"\($0)\"\r\n\r\n\($1)\r\n" }.joined() + "--\(boundary)--\r\n"
            let moved = try await client.execute(uri: "/staff/problems/\(problem.id)", method: .post,
                                                 headers: [.cookie: officer.cookie, .contentType: "multipart/form-data; boundary=\(boundary)"],
                                                 body: ByteBuffer(string: parts)) { ($0.status, String(buffer: $0.body)) }
            #expect(moved.0 == .seeOther, "\(moved.1)")
            #expect(try world.store.problem(id: problem.id)?.status == .assigned)
        }
    }

    @Test("An expired session is no session: pages go to sign-in, forms and the API answer 401")
    func sessionExpiry() async throws {
        let world = try ServerWorld()
        defer { world.cleanUp() }
        let live = try BrowserSession(world, person: 2)
        let (token, csrf) = try world.accounts.issue(.session, for: 2, lifetime: -1)
        let expired = BrowserSession(cookie: "\(AuthenticationMiddlewareCookie.name)=\(token)", csrf: csrf ?? "")
        try await withServer(world) { client in
            #expect(try await live.get(client, "/staff").status == .ok)
            let page = try await client.execute(uri: "/staff/problems", method: .get, headers: [.cookie: expired.cookie]) { $0 }
            #expect(page.status == .seeOther && page.headers[.location]?.hasPrefix("/login?next=") == true)
            let form = try await expired.post(client, "/staff/cells/\(world.cell)/assign", [("duty", "grid_supervisor"), ("person", "5")])
            #expect(form.status == .unauthorized && form.page.contains("请先登录") && form.page.contains("href=\"/login"))
            let api = try await client.execute(uri: "/api/v1/problems", method: .get, headers: [.cookie: expired.cookie]) { ($0.status, String(buffer: $0.body)) }
            #expect(api.0 == .unauthorized && api.1.contains("\"code\":\"unauthorized\""))
        }
    }

    @Test("Errors on browser routes are pages in Chinese first, with the message escaped; the API keeps JSON")
    func errorPages() async throws {
        let world = try ServerWorld()
        defer { world.cleanUp() }
        let officer = try BrowserSession(world, person: 2)
        try await withServer(world) { client in
            let missing = try await client.execute(uri: "/cells/3K-R00001-C00001", method: .get) { $0 }
            #expect(missing.status == .notFound && missing.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(String(buffer: missing.body).contains("未找到"))
            let notACell = try await client.execute(uri: "/cells/%3Cscript%3E", method: .get) { String(buffer: $0.body) }
            #expect(!notACell.contains("<script>"))
            let other = try await officer.get(client, "/staff/problems/999999")
            #expect(other.status == .notFound && other.page.contains("<!DOCTYPE html>") && other.page.contains("工作台"))
            let api = try await client.execute(uri: "/api/v1/cells/3K-R00001-C00001", method: .get) { $0 }
            #expect(api.status == .notFound && api.headers[.contentType]?.hasPrefix("application/json") == true)
        }
    }
}
