import Foundation
import HotGridCore
import HotGridServer
import HotGridService
import HotGridStore
import Hummingbird
import HummingbirdTesting
import Testing

/// A signed-in browser: the session cookie and the CSRF token its forms carry.
struct BrowserSession {
    let cookie: String
    let csrf: String

    init(cookie: String, csrf: String) {
        self.cookie = cookie
        self.csrf = csrf
    }

    init(_ world: ServerWorld, person: Int) throws {
        let (token, csrf) = try world.accounts.issue(.session, for: person, lifetime: 600)
        cookie = "\(AuthenticationMiddlewareCookie.name)=\(token)"
        self.csrf = csrf ?? ""
    }

    /// Posts a URL-encoded form as the browser would.
    func post(_ client: any TestClientProtocol, _ uri: String, _ fields: [(String, String)], withCSRF: Bool = true) async throws -> (status: HTTPResponse.Status, page: String) {
        let encoded = ((withCSRF ? [("csrf", csrf)] : []) + fields).map { key, value in
            "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        }.joined(separator: "&")
        return try await client.execute(uri: uri, method: .post, headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
                                        body: ByteBuffer(string: encoded)) { ($0.status, String(buffer: $0.body)) }
    }

    func get(_ client: any TestClientProtocol, _ uri: String) async throws -> (status: HTTPResponse.Status, page: String) {
        try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie]) { ($0.status, String(buffer: $0.body)) }
    }
}

/// Signs in as a browser does: fetches the sign-in form (its cookie and form token), then posts it.
func signInWithForm(_ client: any TestClientProtocol, _ login: String, _ password: String, next: String = "/staff",
                    headers extra: HTTPFields = [:]) async throws -> TestResponse {
    let form = try await client.execute(uri: "/login", method: .get, headers: extra) { $0 }
    let cookie = try #require(form.headers[values: .setCookie].first { $0.hasPrefix("hotgrid_signin=") }?.split(separator: ";").first)
    let token = String(cookie.dropFirst("hotgrid_signin=".count))
    #expect(String(buffer: form.body).contains("name=\"form_token\" value=\"\(token)\""))
    let fields = [("login", login), ("password", password), ("next", next), ("form_token", token)]
        .map { "\($0)=\($1.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" }.joined(separator: "&")
    var headers = extra
    headers[.cookie] = String(cookie)
    headers[.contentType] = "application/x-www-form-urlencoded"
    return try await client.execute(uri: "/login", method: .post, headers: headers, body: ByteBuffer(string: fields)) { $0 }
}

@Suite("The staff workspace: cells, problems, evidence upload, users")
struct WorkspaceTests {
    @Test("A supervisor verifies a problem with photos uploaded as a multipart form, and the ledger stores the files")
    func evidenceUpload() async throws {
        let world = try ServerWorld()
        defer { world.cleanUp() }
        let ledger = try Ledger(store: world.store, actor: 2)
        let p = try ledger.recordProblem(ProblemReport(source: 1, category: .industrialDust, description: "yard")).problem
        _ = try ledger.act(problem: p.id, .assign, comment: "to environment", department: "environment")
        _ = try Ledger(store: world.store, actor: 6).act(problem: p.id, .accept, comment: "on it")
        _ = try Ledger(store: world.store, actor: 6).act(problem: p.id, .submit, comment: "covered")
        let supervisor = try BrowserSession(world, person: 4)
        let photo = Data("JPEG bytes of a covered yard".utf8)
        try await withServer(world) { client in
            func multipart(csrf: String, files: [(String, Data)]) -> ByteBuffer {
                var body = ""
                for (name, value) in [("csrf", csrf), ("action", "verify"), ("comment", "covered, checked on site")] {
                    body += "--XyZ\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
                }
                var buffer = ByteBuffer(string: body)
                for (file, data) in files {
                    buffer.writeString("--XyZ\r\nContent-Disposition: form-data; name=\"evidence[]\"; filename=\"\(file)\"\r\nContent-Type: image/jpeg\r\n\r\n")
                    buffer.writeBytes(data)
                    buffer.writeString("\r\n")
                }
                buffer.writeString("--XyZ--\r\n")
                return buffer
            }
            let headers: HTTPFields = [.cookie: supervisor.cookie, .contentType: "multipart/form-data; boundary=XyZ"]
            // No file chosen: the browser sends an empty part; verification is refused with the reason.
            try await client.execute(uri: "/staff/problems/\(p.id)", method: .post, headers: headers,
                                     body: multipart(csrf: supervisor.csrf, files: [("", Data())])) { r in
                #expect(r.status == .unprocessableContent && String(buffer: r.body).contains("needs evidence"))
            }
            try await client.execute(uri: "/staff/problems/\(p.id)", method: .post, headers: headers,
                                     body: multipart(csrf: "forged", files: [("yard.jpg", photo)])) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/staff/problems/\(p.id)", method: .post, headers: headers,
                                     body: multipart(csrf: supervisor.csrf, files: [("yard.jpg", photo), ("yard-2.jpg", photo + Data([1]))])) { r in
                #expect(r.status == .seeOther)
            }
            // The officer who verifies sees the photos on the problem's page and opens them; the public cannot, nor another city.
            let file = "/staff/problems/\(p.id)/evidence/\(ContentHash.sha256(photo))"
            let (_, page) = try await supervisor.get(client, "/staff/problems/\(p.id)")
            #expect(page.contains("<img src=\"\(file)\" alt=\"yard.jpg\"") && page.contains("alt=\"yard-2.jpg\""))
            try await client.execute(uri: file, method: .get, headers: [.cookie: supervisor.cookie]) { r in
                #expect(r.status == .ok && r.headers[.contentType] == "image/jpeg" && Data(buffer: r.body) == photo)
                #expect(r.headers[.cacheControl] == "private, max-age=3600")
            }
            try await client.execute(uri: file, method: .get) { #expect($0.status != .ok && Data(buffer: $0.body) != photo) }
            let puyang = try BrowserSession(world, person: 3)
            #expect(try await puyang.get(client, file).status == .notFound)
            #expect(try await supervisor.get(client, "/staff/problems/\(p.id)/evidence/\(String(repeating: "0", count: 64))").status == .notFound)
        }
        #expect(try world.store.problem(id: p.id)?.status == .verified)
        let event = try #require(try world.store.problemEvents(problem: p.id).last)
        #expect(event.evidence == [ContentHash.sha256(photo), ContentHash.sha256(photo + Data([1]))])
        #expect(try world.store.attachment(sha256: ContentHash.sha256(photo))?.fileName == "yard.jpg")
        #expect(try AuditCheck.run(store: world.store).isIntact)
    }

    @Test("Open burning seen on patrol, with no source, is recorded at its position from the cell page; a refused one keeps what was typed")
    func problemWithoutSource() async throws {
        let world = try ServerWorld()
        defer { world.cleanUp() }
        let supervisor = try BrowserSession(world, person: 4)
        try await withServer(world) { client in
            let (_, page) = try await supervisor.get(client, "/staff/cells/\(world.cell)")
            // The form offers the cell's centre as the position.
            #expect(page.contains("name=\"lon\" type=\"number\"") && page.contains("value=\"\(String(format: "%.5f", world.centre.longitude))\""))
            let at = (lon: world.centre.longitude + 0.001, lat: world.centre.latitude - 0.001)
            let recorded = try await supervisor.post(client, "/staff/cells/\(world.cell)/problems", [
                ("category", "open_burning"), ("source", ""), ("description", "路边焚烧秸秆"), ("lon", "\(at.lon)"), ("lat", "\(at.lat)")])
            #expect(recorded.status == .seeOther)
            let problem = try #require(try world.store.problems().first)
            #expect(problem.sourceID == nil && problem.cell == world.cell && problem.category == .openBurning && problem.foundBy == 4)
            #expect(abs(problem.position.longitude - at.lon) < 1e-9 && abs(problem.position.latitude - at.lat) < 1e-9)
            // A position outside the cell is refused by its field's name, with the form as it was typed.
            let (status, refused) = try await supervisor.post(client, "/staff/cells/\(world.cell)/problems", [
                ("category", "open_burning"), ("source", ""), ("description", "远处的烟"), ("lon", "\(at.lon + 1)"), ("lat", "\(at.lat)")])
            #expect(status == .unprocessableContent && refused.contains("位置（经纬度）"))
            #expect(refused.contains(">远处的烟</textarea>") && refused.contains("value=\"\(at.lon + 1)\"") && refused.contains("<option value=\"open_burning\" selected>"))
            #expect(try world.store.problems().count == 1)
        }
    }

    @Test("A city officer's cell page: staff, sources, problems; assigning, recording, the sheet; another city's cell is refused")
    func cellPage() async throws {
        let world = try ServerWorld()
        defer { world.cleanUp() }
        let hebi = try BrowserSession(world, person: 2), puyang = try BrowserSession(world, person: 3)
        try await withServer(world) { client in
            let page = try await hebi.get(client, "/staff/cells/\(world.cell)")
            #expect(page.status == .ok && page.page.contains("Steel works") && page.page.contains("410600X1") && page.page.contains("supervisor"))
            // Attributes hold plain text: no markup leaks into a placeholder.
            #expect(!page.page.contains("placeholder=\"问题描述 <span"))
            #expect(try await puyang.get(client, "/staff/cells/\(world.cell)").status == .notFound)
            // Record a problem against the source, then assign the grid leader: the supervisor (#4) is no leader.
            let recorded = try await hebi.post(client, "/staff/cells/\(world.cell)/problems",
                                               [("category", "industrial_fugitive_dust"), ("source", "1"), ("description", "ore yard open")])
            #expect(recorded.status == .seeOther)
            let refused = try await hebi.post(client, "/staff/cells/\(world.cell)/assign", [("duty", "grid_leader"), ("person", "4")])
            #expect(refused.status == .unprocessableContent && refused.page.contains("not a grid_leader"))
            #expect(try await hebi.post(client, "/staff/cells/\(world.cell)/problems", [("category", "boiler"), ("description", "x")], withCSRF: false).status == .forbidden)
            let sheet = try await hebi.get(client, "/staff/cells/\(world.cell)/sheet?format=csv")
            #expect(sheet.status == .ok && sheet.page.hasPrefix(ProblemList.columns.joined(separator: ",")) && sheet.page.contains("ore yard open"))
            for format in ["", "?format=csv"] {
                let foreign = try await puyang.get(client, "/staff/cells/\(world.cell)/sheet\(format)")
                #expect(foreign.status == .notFound && !foreign.page.contains("ore yard open"), "another city's officer never reads the sheet")
            }
            let overdue = try await hebi.get(client, "/staff/problems?overdue=true")
            #expect(overdue.page.contains("(0)") && !overdue.page.contains("/staff/problems/1\""))
            let all = try await hebi.get(client, "/staff/problems")
            #expect(all.page.contains("/staff/problems/1\"") && all.page.contains("(1)"))
        }
        #expect(try world.store.problems().map(\.description) == ["ore yard open"])
    }

    @Test("Only an admin manages users; a new user signs in; a new password ends the person's sessions")
    func users() async throws {
        let world = try ServerWorld()
        defer { world.cleanUp() }
        let admin = try BrowserSession(world, person: 1), hebi = try BrowserSession(world, person: 2)
        try await withServer(world) { client in
            #expect(try await hebi.get(client, "/staff/users").status == .forbidden)
            #expect(try await hebi.post(client, "/staff/users", [("login", "x1"), ("password", "long enough 1"), ("name", "X"),
                                                                  ("role", "auditor"), ("scope", "region")]).status == .forbidden)
            let list = try await admin.get(client, "/staff/users")
            #expect(list.status == .ok && list.page.contains("puyang") && list.page.contains("<td>濮阳市</td>") && !list.page.contains("city:410900"))
            let added = try await admin.post(client, "/staff/users", [("login", "hebi-county"), ("password", ServerWorld.password), ("name", "县局 赵"),
                                                                      ("role", "county_officer"), ("scope", "county:410602"), ("department", "")])
            #expect(added.status == .seeOther)
            let taken = try await admin.post(client, "/staff/users", [("login", "hebi"), ("password", ServerWorld.password), ("name", "Again"),
                                                                      ("role", "auditor"), ("scope", "region")])
            #expect(taken.status == .unprocessableContent && taken.page.contains("taken"))
            #expect(try await token(client, "hebi-county").count > 20)
            #expect(try await admin.post(client, "/staff/users/password", [("person", "2"), ("login", "hebi"), ("password", "a new password 2")]).status == .seeOther)
            #expect(try await hebi.get(client, "/staff").status == .seeOther)
            // The reset and whoever signs in with the new password are both on the record.
            try await client.execute(uri: "/api/v1/auth/token", method: .post, headers: [.contentType: "application/json"],
                                     body: body(["login": "hebi", "password": "a new password 2"])) { #expect($0.status == .created) }
        }
        #expect(try world.store.persons().count == 8)
        let trail = try world.store.auditEntries(person: 2, limit: 3).map { "\($0.actor ?? 0) \($0.action)" }
        #expect(trail == ["1 set_password", "1 end_sessions", "2 sign_in_token"])
        #expect(try AuditCheck.run(store: world.store).isIntact)
    }

    @Test("Without a session every workspace page sends the browser to sign in, and every workspace form is refused")
    func signedOut() async throws {
        let world = try ServerWorld()
        defer { world.cleanUp() }
        let nobody = BrowserSession(cookie: "", csrf: "")
        try await withServer(world) { client in
            for uri in ["/staff", "/staff/problems", "/staff/problems/1", "/staff/cells/\(world.cell)", "/staff/users", "/staff/reports"] {
                try await client.execute(uri: uri, method: .get) { r in
                    #expect(r.status == .seeOther && r.headers[.location]?.hasPrefix("/login?next=%2Fstaff") == true, "\(uri)")
                }
            }
            for uri in ["/staff/problems/1", "/staff/cells/\(world.cell)/assign", "/staff/cells/\(world.cell)/problems", "/staff/users",
                        "/staff/users/password", "/staff/reports/1"] {
                #expect(try await nobody.post(client, uri, [("csrf", "x")], withCSRF: false).status == .unauthorized, "\(uri)")
            }
            // Signing in returns to the page asked for, and only ever to a workspace page of this server.
            for (next, back) in [("/staff/cells/\(world.cell)", "/staff/cells/\(world.cell)"), ("https://elsewhere.example/staff", "/staff"),
                                 ("//elsewhere.example", "/staff"), ("/staff/..//x", "/staff")] {
                let r = try await signInWithForm(client, "hebi", ServerWorld.password, next: next)
                #expect(r.status == .seeOther && r.headers[.location] == back, "\(next)")
            }
        }
    }

    @Test("The server refuses a body declared larger than 10 MB with 413 before reading it")
    func bodyLimit() async throws {
        let world = try ServerWorld()
        defer { world.cleanUp() }
        try await withServer(world) { client in
            try await client.execute(uri: "/api/v1/auth/token", method: .post, headers: [.contentType: "application/json"],
                                     body: ByteBuffer(repeating: 0x20, count: 10 * 1024 * 1024 + 1)) { r in
                let error = try json(r)["error"] as? [String: Any]
                #expect(r.status == .contentTooLarge && error?["code"] as? String == "too_large")
            }
        }
    }
}
