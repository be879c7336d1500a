import Foundation
import HotGridCore
import HotGridServer
import HotGridService
import HotGridSQLite
import HotGridStore
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("The portal's city and county pages, and reporting a data error")
struct PortalTests {
    @Test("A city page maps its cells with its warned cells and lists its counties; a county page its own; unknown codes are 404")
    func areas() async throws {
        let world = try ServerWorld()
        defer { world.cleanUp() }
        let march = try #require(try world.store.warningList(month: Month("2017-03")!))
        let cells = try world.store.cells()
        let hebiWarned = march.cells.filter { w in cells.first { $0.id == w.cell }?.cityCode == "410600" }
        let county = try #require(cells.first { $0.id == world.cell }).countyCode
        let hotspot = try #require(try world.store.hotspotList(year: 2016)?.entries.first { e in cells.first { $0.id == e.cell }?.countyCode == county }).cell
        try await withServer(world) { client in
            try await client.execute(uri: "/cities/410600", method: .get) { r in
                let page = String(buffer: r.body)
                #expect(r.status == .ok && page.contains("鹤壁市") && page.contains("/counties/\(county)"))
                #expect(page.components(separatedBy: "<circle").count - 1 == hebiWarned.count)
                #expect(!page.contains("濮阳市"))
            }
            try await client.execute(uri: "/counties/\(county)?lang=en", method: .get) { r in
                let page = String(buffer: r.body)
                #expect(r.status == .ok && page.contains("hotspot grid") && page.contains("/cells/\(hotspot)?lang=en"))
                #expect(page.contains("<th>Probability <span class=\"en\">入选概率</span></th>") && page.contains("<td class=\"n\">50 %</td>"))
            }
            // A listed cell's page says its rank and how sure the list is of it, once per language.
            let first = try #require(try world.store.hotspotList(year: 2016)?.entries.first)
            try await client.execute(uri: "/cells/\(first.cell)", method: .get) { r in
                let page = String(buffer: r.body)
                #expect(page.contains("2016（第 1 名，入选概率 93 %）") && page.contains("2016 (rank 1, probability 93 %)"))
                #expect(page.components(separatedBy: "入选概率").count - 1 == 1, "no nested translations")
            }
            try await client.execute(uri: "/api/v1/cells/\(first.cell)", method: .get) { r in
                let body = try #require(try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any])
                let lists = try #require(body["hotspot_lists"] as? [[String: Any]])
                #expect(lists.count == 1 && lists[0]["rank"] as? Int == 1 && lists[0]["probability"] as? Double == 0.93)
            }
            // Nothing is fetched from elsewhere: no script, style, image or link leaves the server.
            for uri in ["/", "/cities/410600", "/counties/\(county)", "/cells/\(world.cell)", "/publications", "/report", "/login"] {
                try await client.execute(uri: uri, method: .get) { r in
                    let page = String(buffer: r.body)
                    #expect(r.status == .ok && !page.contains("src=\"http") && !page.contains("href=\"http") && !page.contains("url(http") && !page.contains("@import"), "\(uri)")
                }
            }
            try await client.execute(uri: "/cities/999999", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/counties/999999", method: .get) { #expect($0.status == .notFound) }
        }
    }

    @Test("A boundary's name is text: markup in a county's or city's name is shown on its pages, never run")
    func hostileBoundaryNames() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hotgrid-names-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let ring = [[114.4, 37.95], [114.6, 37.95], [114.6, 38.1], [114.4, 38.1], [114.4, 37.95]]
        let feature: [String: Any] = [
            "type": "Feature", "geometry": ["type": "Polygon", "coordinates": [ring]],
            "properties": ["adcode": "130102", "name": "长安区\"><img src=x onerror=alert(1)>", "city_adcode": "130100",
                           "city_name": "石家庄市</title><script>alert(2)</script>"],
        ]
        let file = folder.appendingPathComponent("counties.geojson")
        try JSONSerialization.data(withJSONObject: ["type": "FeatureCollection", "features": [feature]]).write(to: file)
        let db = folder.appendingPathComponent("names.sqlite").path
        try RegionSetup(source: .file(path: file.path, fields: BoundaryFields())).run(into: SQLiteAddress(path: db))
        let store = try SQLiteStore(opening: db)
        let app = try buildApplication(store: store, settings: testSettings, accounts: Accounts(store: store))
        try await app.test(.live) { client in
            for uri in ["/counties/130102", "/counties/130102?lang=en", "/cities/130100", "/"] {
                try await client.execute(uri: uri, method: .get) { r in
                    let page = String(buffer: r.body)
                    #expect(r.status == .ok, "\(uri)")
                    #expect(!page.contains("<img") && !page.contains("<script"), "\(uri)")
                    if uri.hasPrefix("/counties") {
                        #expect(page.contains("<title>石家庄市&lt;/title&gt;&lt;script&gt;alert(2)&lt;/script&gt; 长安区&quot;&gt;&lt;img src=x onerror=alert(1)&gt; · HotGrid</title>"), "\(uri)")
                        #expect(page.contains("<h1>石家庄市&lt;/title&gt;&lt;script&gt;"), "\(uri)")
                    }
                }
            }
        }
    }

    @Test("A data report goes to the city's named officer, who answers it; others of other cities never see it; the public never sees the contact")
    func dataReport() async throws {
        let world = try ServerWorld()
        defer { world.cleanUp() }
        let hebi = try BrowserSession(world, person: 2), puyang = try BrowserSession(world, person: 3), auditor = try BrowserSession(world, person: 7)
        let public_ = BrowserSession(cookie: "", csrf: "")
        try await withServer(world) { client in
            let sent = try await public_.post(client, "/report", [("cell", world.cell.description), ("message", "PM2.5 of March looks too high"),
                                                                  ("contact", "reader@example.org")], withCSRF: false)
            #expect(sent.status == .created && sent.page.contains("#1") && sent.page.contains("hebi"))
            #expect(!sent.page.contains("reader@example.org"))
            let empty = try await public_.post(client, "/report", [("message", "no place given")], withCSRF: false)
            #expect(empty.status == .unprocessableContent && empty.page.contains("name a cell"))
            let unknown = try await public_.post(client, "/report", [("cell", "3K-R00001-C00001"), ("message", "x")], withCSRF: false)
            #expect(unknown.status == .unprocessableContent && unknown.page.contains("no cell 3K-R00001-C00001"))

            let inbox = try await hebi.get(client, "/staff/reports")
            #expect(inbox.page.contains("PM2.5 of March looks too high") && inbox.page.contains("reader@example.org"))
            #expect(!(try await puyang.get(client, "/staff/reports")).page.contains("looks too high"))
            #expect(try await auditor.get(client, "/staff/reports").page.contains("looks too high"))
            #expect(try await auditor.post(client, "/staff/reports/1", [("answer", "fine")]).status == .unprocessableContent)
            #expect(try await puyang.post(client, "/staff/reports/1", [("answer", "fine")]).page.contains("no data report #1"))
            #expect(try await hebi.post(client, "/staff/reports/1", [("answer", "checked: a station was being serviced")]).status == .seeOther)
            #expect(try await hebi.post(client, "/staff/reports/1", [("answer", "again")]).status == .unprocessableContent)

            // Ten reports an hour from one client; the eleventh waits.
            for i in 2...10 {
                #expect(try await public_.post(client, "/report", [("city", "410900"), ("message", "report \(i)")], withCSRF: false).status == .created)
            }
            #expect(try await public_.post(client, "/report", [("city", "410900"), ("message", "one more")], withCSRF: false).status == .tooManyRequests)
        }
        let first = try #require(try world.store.dataReport(id: 1))
        #expect(first.officer == 2 && first.status == .answered && first.answeredBy == 2 && first.answer == "checked: a station was being serviced")
        #expect(try world.store.dataReport(id: 2)?.officer == 3)
        #expect(try AuditCheck.run(store: world.store).isIntact)
    }
}

@Suite("Caches of public pages and monthly means")
struct CachedMeansTests {
    @Test("The map pages come from the cache until a warning list is remade, then anew")
    func pages() async throws {
        let world = try ServerWorld()
        defer { world.cleanUp() }
        try await withServer(world) { client in
            func dots(_ uri: String) async throws -> Int {
                try await client.execute(uri: uri, method: .get) { String(buffer: $0.body).components(separatedBy: "<circle").count - 1 }
            }
            let before = try await dots("/"), cityBefore = try await dots("/cities/410600")
            #expect(before == (try world.store.warningList(month: Month("2017-03")!)?.cells.count))
            try WarningRun(quota: .count(1)).run(from: Month("2017-03")!, to: Month("2017-03")!, store: world.store)
            try await Task.sleep(for: .milliseconds(1100))
            let after = try await dots("/"), cityAfter = try await dots("/cities/410600")
            #expect(after == (try world.store.warningList(month: Month("2017-03")!)?.cells.count) && after < before && cityAfter < cityBefore)
        }
    }

    @Test("A cell's months come from the cache until the daily PM2.5 is imported again, then anew; its open problems are always current")
    func reimport() async throws {
        let world = try ServerWorld()
        defer { world.cleanUp() }
        let cells = try world.store.cells()
        try await withServer(world) { client in
            func marchMean() async throws -> Double? {
                try await client.execute(uri: "/api/v1/cells/\(world.cell)", method: .get) { r in
                    ((try json(r)["months"] as? [[String: Any]])?.first { $0["month"] as? String == "2017-03" })?["pm25"] as? Double
                }
            }
            let before = try #require(try await marchMean())
            // The count of open problems moves with the ledger at once, cache or not.
            _ = try Ledger(store: world.store, actor: 2).recordProblem(ProblemReport(source: 1, category: .industrialDust, description: "yard"))
            try await client.execute(uri: "/api/v1/cells/\(world.cell)", method: .get) { r in
                let open = try json(r)["open_problems"] as? Int
                #expect(open == 1)
            }
            try world.store.importField(variable: FieldVariable.pm25.rawValue, source: "test", summary: { "again" }) { sink in
                for day in stride(from: Day("2017-03-01")!, through: Day("2017-03-31")!, by: 1) {
                    try sink.put(day: day, values: cells.indices.map { _ in 200 })
                }
            }
            try await Task.sleep(for: .milliseconds(1100))
            let after = try #require(try await marchMean())
            #expect(before != 200 && after == 200)
        }
    }
}

@Suite("Data reports through the API")
struct DataReportAPITests {
    @Test("Anyone reports, the city's officer lists and answers; other cities and auditors cannot answer; the form and the API share one throttle")
    func api() async throws {
        let world = try ServerWorld()
        defer { world.cleanUp() }
        try await withServer(world) { client in
            func send(_ fields: [String: Any]) async throws -> (HTTPResponse.Status, [String: Any]) {
                try await client.execute(uri: "/api/v1/data-reports", method: .post, headers: [.contentType: "application/json"], body: body(fields)) {
                    ($0.status, try json($0))
                }
            }
            let (status, receipt) = try await send(["cell_id": world.cell.description, "message": "March is too high", "contact": "x@example.org"])
            #expect(status == .created && receipt["id"] as? Int == 1 && receipt["officer"] as? String == "hebi" && receipt["contact"] == nil)
            #expect(try await send(["cell_id": "R1", "message": "x"]).0 == .unprocessableContent)
            #expect(try await send(["cell_id": "3K-R00001-C00001", "message": "x"]).0 == .notFound)
            #expect(try await send(["city_code": "410900", "message": "   "]).0 == .unprocessableContent)
            #expect(try await send(["city_code": "410900"]).0 == .badRequest)

            let (hebi, puyang, auditor) = (try await token(client, "hebi"), try await token(client, "puyang"), try await token(client, "auditor"))
            func list(_ bearer: String) async throws -> [[String: Any]] {
                try await client.execute(uri: "/api/v1/data-reports", method: .get, headers: [.authorization: "Bearer \(bearer)"]) {
                    try json($0)["results"] as? [[String: Any]] ?? []
                }
            }
            #expect(try await list(hebi).first?["contact"] as? String == "x@example.org")
            #expect(try await list(puyang).isEmpty)
            try await client.execute(uri: "/api/v1/data-reports", method: .get) { #expect($0.status == .unauthorized) }
            func answer(_ bearer: String) async throws -> HTTPResponse.Status {
                try await client.execute(uri: "/api/v1/data-reports/1/answer", method: .post,
                                         headers: [.authorization: "Bearer \(bearer)", .contentType: "application/json"], body: body(["answer": "checked"])) { $0.status }
            }
            #expect(try await answer(auditor) == .forbidden)
            #expect(try await answer(puyang) == .notFound)
            #expect(try await answer(hebi) == .ok)
            #expect(try await answer(hebi) == .unprocessableContent)
            for i in 2...9 { #expect(try await send(["city_code": "410900", "message": "report \(i)"]).0 == .created) }
            let form = try await BrowserSession(cookie: "", csrf: "").post(client, "/report", [("city", "410900"), ("message", "tenth")], withCSRF: false)
            #expect(form.status == .created)
            #expect(try await send(["city_code": "410900", "message": "eleventh"]).0 == .tooManyRequests)
        }
        #expect(try world.store.dataReport(id: 1)?.status == .answered)
    }
}
