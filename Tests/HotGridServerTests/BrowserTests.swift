import Foundation
import HotGridCore
import HotGridServer
import HotGridService
import HotGridStore
import Hummingbird
import HummingbirdTesting
import Testing

/// Loads `url` in headless Chromium (Debian's `chromium`) and returns the DOM after scripts ran.
/// Waits without blocking a thread: the server under test answers on the same thread pool.
func renderedDOM(_ url: String, extra: [String] = []) async throws -> String {
    // A profile of its own: tests run in parallel, and Chromium hands a second launch on one profile to the first.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hotgrid-chromium-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("dom.html")
    _ = FileManager.default.createFile(atPath: output.path, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/chromium")
    process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(folder.appendingPathComponent("profile").path)"]
        + extra + ["--dump-dom", url]
    process.standardOutput = try FileHandle(forWritingTo: output)
    process.standardError = FileHandle.nullDevice
    await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
        process.terminationHandler = { _ in done.resume() }
        do { try process.run() } catch { done.resume() }
    }
    return try String(contentsOf: output, encoding: .utf8)
}

/// One page as `drive` saw it: its DOM, address and scroll width.
struct DrivenPage {
    let dom: String
    let url: String
    let width: Int
}

/// Runs `steps` in headless Chromium through the DevTools protocol (`chromium-drive.py`: open,
/// fill, submit, viewport, dom) and returns a page for every `dom` step.
func drive(_ steps: [[String: Any]]) async throws -> [DrivenPage] {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hotgrid-drive-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let stepsFile = folder.appendingPathComponent("steps.json"), output = folder.appendingPathComponent("pages.jsonl")
    try JSONSerialization.data(withJSONObject: steps).write(to: stepsFile)
    _ = FileManager.default.createFile(atPath: output.path, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    process.arguments = [URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("chromium-drive.py").path, stepsFile.path]
    process.standardOutput = try FileHandle(forWritingTo: output)
    await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
        process.terminationHandler = { _ in done.resume() }
        do { try process.run() } catch { done.resume() }
    }
    #expect(process.terminationStatus == 0, "chromium-drive.py failed")
    return try String(contentsOf: output, encoding: .utf8).split(separator: "\n").map { line in
        let page = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
        return DrivenPage(dom: page["dom"] as? String ?? "", url: page["url"] as? String ?? "", width: page["width"] as? Int ?? 0)
    }
}

@Suite("Pages in a real browser", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")))
struct BrowserTests {
    @Test("Chromium shows the portal map with every warned cell, a cell page with its chart, a city page, the report form and the published lists")
    func portal() async throws {
        let world = try ServerWorld()
        defer { world.cleanUp() }
        let warned = try #require(try world.store.warningList(month: Month("2017-03")!)).cells.count
        try await withServer(world) { client in
            let base = "http://127.0.0.1:\(try #require(client.port))"
            let home = try await renderedDOM(base + "/")
            #expect(home.contains("2017年3月热点网格预警") && home.contains("鹤壁市") && home.contains("濮阳市"))
            #expect(home.components(separatedBy: "<circle").count - 1 == warned)
            let english = try await renderedDOM(base + "/?lang=en")
            #expect(english.contains("<html lang=\"en\"") && english.contains("Hotspot grid warnings, 2017-03"))
            let cell = try await renderedDOM(base + "/cells/\(world.cell)")
            #expect(cell.contains("class=\"chart\"") && cell.contains("2017-03") && cell.contains("鹤壁市"))
            let city = try await renderedDOM(base + "/cities/410600")
            #expect(city.contains("鹤壁市 热点网格") && city.contains("class=\"cellmap\"") && city.contains("/counties/"))
            let report = try await renderedDOM(base + "/report?cell=\(world.cell)")
            #expect(report.contains("报告数据错误") && report.contains("value=\"\(world.cell)\""))
            let lists = try await renderedDOM(base + "/publications")
            #expect(lists.contains(try #require(try world.store.publication(id: 1)).sha256) && lists.contains("/api/v1/publications/1/csv"))
        }
    }
}

@Suite("The staff workspace in a real browser", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")))
struct StaffBrowserTests {
    @Test("Chromium signs in with the form and sees the workspace of its city: warned cells, problems, statistics")
    func workspace() async throws {
        let world = try ServerWorld()
        defer { world.cleanUp() }
        _ = try Ledger(store: world.store, actor: 2).recordProblem(ProblemReport(source: 1, category: .industrialDust, description: "yard not covered"))
        try await withServer(world) { client in
            let base = "http://127.0.0.1:\(try #require(client.port))"
            let pages = try await drive([["open": base + "/staff"], ["fill": ["input[name=login]", "hebi"]],
                                         ["fill": ["input[name=password]", ServerWorld.password]], ["submit": "form.login"], ["dom": true]])
            let page = try #require(pages.first).dom
            #expect(page.contains("<title>Workspace · HotGrid</title>") && page.contains("市级管理人员") && page.contains("鹤壁市"))
            #expect(page.contains("/staff/problems/1") && page.contains("工业企业无组织排放"))
            // Only Hebi's warned cells are listed.
            let puyangCell = try world.store.warningList(month: Month("2017-03")!)!.cells.map(\.cell)
                .first { c in (try? world.store.cells().first { $0.id == c }?.cityCode) == "410900" }
            #expect(puyangCell.map { !page.contains($0.description) } ?? true)
            // Without a session the workspace sends the browser to the sign-in form.
            #expect(try await renderedDOM(base + "/staff").contains("name=\"password\""))
        }
    }

    @Test("A page elsewhere that posts the sign-in form for its visitor does not sign them in")
    func signInFromElsewhere() async throws {
        let world = try ServerWorld()
        defer { world.cleanUp() }
        try await withServer(world) { client in
            let base = "http://127.0.0.1:\(try #require(client.port))"
            let form = world.folder.appendingPathComponent("elsewhere.html")
            try Data("""
                <form id="f" method="post" action="\(base)/login"><input name="login" value="hebi"><input name="password" value="\(ServerWorld.password)"></form>
                <script>document.getElementById('f').submit()</script>
                """.utf8).write(to: form)
            let pages = try await drive([["open": base + "/login"], ["open": form.absoluteString], ["wait_for": "127.0.0.1"], ["dom": true], ["open": base + "/staff"], ["dom": true]])
            #expect(pages.count == 2)
            #expect(pages.first?.dom.contains("登录页面已过期") == true)
            #expect(pages.last?.url.contains("/login?next=") == true, "\(pages.last?.url ?? "")")
        }
    }

    @Test("A form move needs the session's CSRF token")
    func csrf() async throws {
        let world = try ServerWorld()
        defer { world.cleanUp() }
        let p = try Ledger(store: world.store, actor: 2).recordProblem(ProblemReport(source: 1, category: .industrialDust, description: "yard")).problem
        let (session, csrf) = try world.accounts.issue(.session, for: 2, lifetime: 600)
        try await withServer(world) { client in
            let cookie = "\(AuthenticationMiddlewareCookie.name)=\(session)"
            let form = "action=assign&comment=to+housing&department=housing&csrf="
            try await client.execute(uri: "/staff/problems/\(p.id)", method: .post,
                                     headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: form + "wrong")) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/api/v1/problems/\(p.id)/actions", method: .post, headers: [.cookie: cookie, .contentType: "application/json"],
                                     body: try body(["action": "assign", "comment": "x", "department": "housing"])) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/staff/problems/\(p.id)", method: .post,
                                     headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: form + csrf!)) { #expect($0.status == .seeOther) }
        }
        #expect(try world.store.problem(id: p.id)?.status == .assigned)
    }

    @Test("Two people move one problem: the one deciding on a page read before the other's move is told (409) and changes nothing")
    func twoUsersOneProblem() async throws {
        let world = try ServerWorld()
        defer { world.cleanUp() }
        let p = try Ledger(store: world.store, actor: 4).recordProblem(ProblemReport(source: 1, category: .industrialDust, description: "堆场扬尘")).problem
        let assigned = try Ledger(store: world.store, actor: 2).act(problem: p.id, .assign, comment: "交住建", department: "housing")
        let officer = try BrowserSession(world, person: 2)
        let later = try #require(assigned.deadline).advanced(by: 5).description
        try await withServer(world) { client in
            // Hebi's officer reads the problem (assigned), and so does an API client.
            let page = try await officer.get(client, "/staff/problems/\(p.id)")
            let seen = try #require(page.page.firstMatch(of: /name="seen" value="(\d+)"/).map { String($0.1) })
            #expect(seen == "2")
            // Meanwhile the housing officer accepts it: it is now being rectified.
            _ = try Ledger(store: world.store, actor: 5).act(problem: p.id, .accept, comment: "已受理")
            // Extending the deadline is possible in both states, so without the check it would go through unseen.
            let stale = try await officer.post(client, "/staff/problems/\(p.id)", [("seen", seen), ("action", "extend"), ("comment", "延期五天"), ("deadline", later)])
            #expect(stale.status == .conflict && stale.page.contains("moved by someone else") && stale.page.contains("rectifying"))
            #expect(try world.store.problem(id: p.id)?.deadline == assigned.deadline)
            let (token, _) = try world.accounts.issue(.bearer, for: 2, lifetime: 600)
            let api = try await client.execute(uri: "/api/v1/problems/\(p.id)/actions", method: .post,
                                               headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                                               body: try body(["action": "extend", "comment": "延期", "deadline": later, "seen_events": 2])) { ($0.status, String(buffer: $0.body)) }
            #expect(api.0 == .conflict && api.1.contains("\"code\":\"conflict\""))
            // Read again, the same decision goes through.
            let fresh = try await officer.get(client, "/staff/problems/\(p.id)")
            #expect(fresh.page.contains("name=\"seen\" value=\"3\""))
            let extended = try await officer.post(client, "/staff/problems/\(p.id)", [("seen", "3"), ("action", "extend"), ("comment", "延期五天"), ("deadline", later)])
            #expect(extended.status == .seeOther, "\(extended.page)")
            #expect(try world.store.problem(id: p.id)?.deadline?.description == later)
            let listed = try await client.execute(uri: "/api/v1/problems?cell=\(world.cell)", method: .get, headers: [.authorization: "Bearer \(token)"]) { String(buffer: $0.body) }
            #expect(listed.contains("\"events\":4"))
        }
    }
}

/// The session cookie's name, as the browser sees it.
enum AuthenticationMiddlewareCookie {
    static let name = "hotgrid_session"
}
