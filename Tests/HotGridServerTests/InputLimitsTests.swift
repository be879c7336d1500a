import Foundation
import HotGridCore
import HotGridServer
import HotGridService
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("What the server accepts as data: body sizes, text lengths, dates, deadlines, spreadsheet cells")
struct InputLimitsTests {
    @Test("A chunked body over 10 MB is answered 413, not 500; a 9 MB description is refused by name, not stored")
    func sizes() async throws {
        let world = try ServerWorld()
        defer { world.cleanUp() }
        try await withServer(world) { client in
            let bearer = try await token(client, "hebi")
            let port = try #require(client.port)
            let status = try await onOwnThread {
                let connection = try RawConnection(from: "127.0.0.1", toPort: port)
                defer { connection.close() }
                connection.send("POST /api/v1/problems HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(bearer)\r\n"
                                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                let chunk = String(repeating: "a", count: 1 << 20)
                for _ in 0..<11 { connection.send("100000\r\n\(chunk)\r\n") }
                connection.send("0\r\n\r\n")
                return connection.statusLine(within: 30)
            }
            #expect(status.hasPrefix("HTTP/1.1 413"), "\(status)")
            let huge: [String: Any] = ["category": "open_burning", "description": String(repeating: "烧", count: 3 << 20),
                                       "lon": world.centre.longitude, "lat": world.centre.latitude]
            try await client.execute(uri: "/api/v1/problems", method: .post, headers: [.contentType: "application/json", .authorization: "Bearer \(bearer)"],
                                     body: body(huge)) { r in
                let fields = (try json(r)["error"] as? [String: Any])?["fields"] as? [String: String]
                #expect(r.status == .unprocessableContent && fields?.keys.contains("description") == true, "\(fields ?? [:])")
            }
        }
        #expect(try world.store.problems().isEmpty)
    }

    @Test("Signing in comes first: a write without credentials is 401 whatever its body")
    func unauthorisedFirst() async throws {
        let world = try ServerWorld()
        defer { world.cleanUp() }
        try await withServer(world) { client in
            for (uri, text) in [("/api/v1/problems", "{\"category\": 5}"), ("/api/v1/problems/1/actions", "not json"), ("/api/v1/data-reports/1/answer", "{}")] {
                try await client.execute(uri: uri, method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: text)) { r in
                    #expect(r.status == .unauthorized, "\(uri)")
                }
            }
        }
    }

    @Test("One refusal in each reader's words: the command line names --lon/--lat, the API the key lon/lat, a page 位置; no API message says to run hotgrid")
    func wording() async throws {
        let world = try ServerWorld()
        defer { world.cleanUp() }
        let unplaced = ProblemReport(cell: world.cell, category: .openBurning, description: "straw burning")
        #expect(throws: LedgerError.invalid(field: .position, reason: "say where the problem is, or name its source")) {
            try Ledger(store: world.store, actor: 2).recordProblem(unplaced)
        }
        #expect(LedgerError.invalid(field: .position, reason: "x").description == "--lon/--lat: x.")
        let officer = try BrowserSession(world, person: 2)
        try await withServer(world) { client in
            let bearer = try await token(client, "hebi")
            let finding: [String: Any] = ["cell_id": world.cell.description, "category": "open_burning", "description": "straw burning"]
            try await client.execute(uri: "/api/v1/problems", method: .post, headers: [.contentType: "application/json", .authorization: "Bearer \(bearer)"],
                                     body: body(finding)) { r in
                let error = try json(r)["error"] as? [String: Any]
                #expect(r.status == .unprocessableContent && (error?["fields"] as? [String: String])?.keys.sorted() == ["lon/lat"], "\(String(buffer: r.body))")
                #expect((error?["message"] as? String)?.hasPrefix("lon/lat: ") == true)
            }
            let (status, page) = try await officer.post(client, "/staff/cells/\(world.cell)/problems",
                                                        [("category", "open_burning"), ("source", ""), ("description", "straw burning")])
            #expect(status == .unprocessableContent && page.contains("位置（经纬度）: say where") && !page.contains("--lon"))
            for uri in ["/api/v1/publications/99/csv", "/api/v1/warnings?month=2016-01", "/api/v1/cells/3K-R00001-C00001"] {
                try await client.execute(uri: uri, method: .get) { r in
                    #expect(r.status == .notFound && !String(buffer: r.body).contains("hotgrid "), "\(uri): \(String(buffer: r.body))")
                }
            }
        }
    }

    @Test("A finding dated 1990 and a one-day category's deadline in 2099 are refused; the rule's own deadline is taken; more time is an audited extension")
    func datesAndDeadlines() async throws {
        let world = try ServerWorld()
        defer { world.cleanUp() }
        try await withServer(world) { client in
            let bearer = try await token(client, "hebi")
            let headers: HTTPFields = [.contentType: "application/json", .authorization: "Bearer \(bearer)"]
            var finding: [String: Any] = ["category": "open_burning", "description": "straw burning", "found_on": "1990-05-01",
                                          "lon": world.centre.longitude, "lat": world.centre.latitude]
            try await client.execute(uri: "/api/v1/problems", method: .post, headers: headers, body: body(finding)) { r in
                #expect(r.status == .unprocessableContent && String(buffer: r.body).contains("found"), "\(String(buffer: r.body))")
            }
            finding["found_on"] = WorkClock.system.today.description
            let id = try await client.execute(uri: "/api/v1/problems", method: .post, headers: headers, body: body(finding)) { r in
                ((try json(r)["problem"] as? [[String: Any]])?.first?["id"] as? Int) ?? 0
            }
            let late: [String: Any] = ["action": "assign", "comment": "to housing", "department": "housing", "deadline": "2099-01-01"]
            try await client.execute(uri: "/api/v1/problems/\(id)/actions", method: .post, headers: headers, body: body(late)) { r in
                #expect(r.status == .unprocessableContent && String(buffer: r.body).contains("deadline"), "\(String(buffer: r.body))")
            }
            let byRule: [String: Any] = ["action": "assign", "comment": "to housing", "department": "housing"]
            try await client.execute(uri: "/api/v1/problems/\(id)/actions", method: .post, headers: headers, body: body(byRule)) { r in
                #expect(r.status == .ok)
            }
            // More time is an extension (延期): one period of the rule at a time, by the city, with its reason.
            let action = "/api/v1/problems/\(id)/actions"
            for deadline in [nil, "2099-01-01", WorkClock.system.today.description] {
                var extend: [String: Any] = ["action": "extend", "comment": "rain for a week"]
                extend["deadline"] = deadline
                try await client.execute(uri: action, method: .post, headers: headers, body: body(extend)) { r in
                    #expect(r.status == .unprocessableContent && String(buffer: r.body).contains("deadline"), "\(deadline ?? "none"): \(String(buffer: r.body))")
                }
            }
            let extend: [String: Any] = ["action": "extend", "comment": "rain for a week", "deadline": WorkClock.system.today.advanced(by: 2).description]
            let housing = try await token(client, "housing")
            try await client.execute(uri: action, method: .post, headers: [.contentType: "application/json", .authorization: "Bearer \(housing)"],
                                     body: body(extend)) { #expect($0.status == .forbidden) }
            try await client.execute(uri: action, method: .post, headers: headers, body: body(extend)) { r in
                let moved = try json(r)
                #expect(r.status == .ok && moved["status"] as? String == "assigned", "\(String(buffer: r.body))")
            }
        }
        #expect(try world.store.problems().first?.deadline == WorkClock.system.today.advanced(by: 2))
        let history = try world.store.problemEvents(problem: try #require(try world.store.problems().first?.id))
        #expect(history.map(\.action) == [nil, .assign, .extend] && history.last?.comment == "rain for a week")
        #expect(try AuditCheck.run(store: world.store).isIntact)
    }

    @Test("A description written as a spreadsheet formula is text in the problem sheet's CSV; numbers stay numbers")
    func formulaCells() async throws {
        let world = try ServerWorld()
        defer { world.cleanUp() }
        _ = try Ledger(store: world.store, actor: 2).recordProblem(ProblemReport(source: 1, category: .industrialDust,
                                                                                 description: "=HYPERLINK(\"http://evil.example\",\"点击\")"))
        try await withServer(world) { client in
            let session = try BrowserSession(world, person: 2)
            let (status, csv) = try await session.get(client, "/staff/cells/\(world.cell)/sheet?format=csv")
            #expect(status == .ok)
            #expect(csv.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点击\"\")\""), "\(csv)")
            #expect(!csv.contains(",=HYPERLINK"))
        }
        var table = CSVTable(header: ["a", "b", "c"])
        table.append(["-3.5", "+ve", "@SUM(A1)"])
        #expect(String(decoding: table.data, as: UTF8.self) == "a,b,c\n-3.5,'+ve,'@SUM(A1)\n")
    }
}
