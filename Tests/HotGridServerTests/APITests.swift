import Foundation
import HotGridCore
import HotGridServer
import HotGridService
import HotGridStore
import Hummingbird
import HummingbirdTesting
import Testing

/// Test servers keep idle connections for ten minutes: the test client holds one connection and
/// does not reconnect, and on two cores a test may wait minutes behind the long analysis suites.
let testSettings: ServerSettings = {
    var settings = ServerSettings(host: "127.0.0.1", port: 0)
    settings.idleTimeout = .seconds(600)
    return settings
}()

/// Runs blocking work (raw sockets, a command-line run) on a thread of its own, leaving Swift's
/// cooperative threads to the server under test.
func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

/// Runs `body` against the real server on a loopback port.
func withServer(_ world: ServerWorld, settings: ServerSettings = testSettings, accounts: Accounts? = nil,
                _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
    let app = try buildApplication(store: world.store, settings: settings, accounts: accounts ?? world.accounts)
    try await app.test(.live) { client in try await body(client) }
}

func json(_ response: TestResponse) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any] ?? [:]
}

func body(_ object: Any) throws -> ByteBuffer { ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: object)) }

/// Signs in and returns the bearer token.
func token(_ client: any TestClientProtocol, _ login: String) async throws -> String {
    try await client.execute(uri: "/api/v1/auth/token", method: .post, headers: [.contentType: "application/json"],
                             body: body(["login": login, "password": ServerWorld.password])) { response in
        #expect(response.status == .created)
        return try json(response)["token"] as? String ?? ""
    }
}

@Suite("The public API on a live server")
struct PublicAPITests {
    @Test("Warnings, hotspots, escalations, publications and a cell come in the envelope; errors in the error body")
    func reads() async throws {
        let world = try ServerWorld()
        defer { world.cleanUp() }
        let march = try #require(try world.store.warningList(month: Month("2017-03")!))
        try await withServer(world) { client in
            try await client.execute(uri: "/api/v1/warnings?month=2017-03&city=410600&limit=2", method: .get) { r in
                #expect(r.status == .ok)
                let j = try json(r), meta = j["meta"] as? [String: Int], results = j["results"] as? [[String: Any]]
                #expect(meta?["limit"] == 2 && meta?["page"] == 1 && results?.count == 2 && (meta?["found"] ?? 0) >= 2)
                #expect(results?.allSatisfy { $0["city_code"] as? String == "410600" } == true)
            }
            try await client.execute(uri: "/api/v1/warnings?month=2017-13", method: .get) { r in
                #expect(r.status == .badRequest)
                let error = try json(r)["error"] as? [String: Any]
                #expect(error?["code"] as? String == "bad_request" && (error?["fields"] as? [String: String])?["month"] == "2017-13")
            }
            try await client.execute(uri: "/api/v1/warnings?month=2019-01", method: .get) { r in #expect(r.status == .notFound) }
            try await client.execute(uri: "/api/v1/hotspots?year=2016&limit=1000", method: .get) { r in
                let found = try json(r)["meta"] as? [String: Int]
                #expect(r.status == .ok && (found?["found"] ?? 0) > 0)
            }
            // Found by schemathesis: a year without a list is a 404, not a 500.
            try await client.execute(uri: "/api/v1/hotspots?year=1999", method: .get) { r in #expect(r.status == .notFound) }
            // Found by schemathesis: a page or offset past any list is an empty page, not an overflow.
            for uri in ["/api/v1/warnings?month=2017-03&page=\(Int.max)&limit=1000", "/api/v1/collections/warnings/items?offset=\(Int.max)&limit=1000"] {
                try await client.execute(uri: uri, method: .get) { r in
                    let j = try json(r)
                    #expect(r.status == .ok && ((j["results"] ?? j["features"]) as? [Any])?.isEmpty == true, "\(uri)")
                }
            }
            let hebiCells = try world.store.cells().filter { $0.cityCode == "410600" }.count
            try await client.execute(uri: "/api/v1/means?month=2017-03&city=410600&limit=1000", method: .get) { r in
                let j = try json(r), results = j["results"] as? [[String: Any]]
                #expect(r.status == .ok && (j["meta"] as? [String: Int])?["found"] == hebiCells)
                #expect(results?.allSatisfy { $0["valid_days"] as? Int == 31 && $0["expected_days"] as? Int == 31 && $0["pm25"] is Double } == true)
            }
            try await client.execute(uri: "/api/v1/means", method: .get) { r in #expect(r.status == .badRequest) }
            try await client.execute(uri: "/api/v1/means?month=2019-01", method: .get) { r in #expect(r.status == .notFound) }
            try await client.execute(uri: "/api/v1/publications", method: .get) { r in
                let results = try json(r)["results"] as? [[String: Any]]
                #expect(results?.count == 1 && results?.first?["month"] as? String == "2017-03")
            }
            try await client.execute(uri: "/api/v1/publications/1/csv", method: .get) { r in
                let published = try world.store.publication(id: 1)
                #expect(r.status == .ok && ContentHash.sha256(Data(buffer: r.body)) == published?.sha256)
            }
            try await client.execute(uri: "/api/v1/cells/\(world.cell)", method: .get) { r in
                let j = try json(r)
                #expect(r.status == .ok && (j["months"] as? [Any])?.count == 3 && j["open_problems"] as? Int == 0)
                #expect(!String(buffer: r.body).contains("Steel works"))
            }
            try await client.execute(uri: "/api/v1/collections/warnings/items?datetime=2017-03&limit=3", method: .get) { r in
                let j = try json(r)
                #expect(r.headers[.contentType]?.hasPrefix("application/geo+json") == true)
                #expect(j["numberReturned"] as? Int == 3 && (j["numberMatched"] as? Int ?? 0) == march.cells.count)
                #expect((j["links"] as? [[String: String]])?.contains { $0["rel"] == "next" && $0["href"]?.contains("offset=3") == true } == true)
            }
            try await client.execute(uri: "/api/v1/collections/cells/items?bbox=114.0,35.6,114.2,35.8&limit=10000", method: .get) { r in
                let features = try json(r)["features"] as? [[String: Any]]
                let all = try world.store.cellCount()
                #expect(r.status == .ok && (features?.count ?? 0) > 0 && (features?.count ?? 0) < all)
            }
            try await client.execute(uri: "/api/v1/openapi.yaml", method: .get) { r in
                #expect(String(buffer: r.body).hasPrefix("openapi: 3.0.3"))
            }
            try await client.execute(uri: "/", method: .get) { r in
                let page = String(buffer: r.body)
                #expect(page.contains("2017年3月热点网格预警") && page.components(separatedBy: "<circle").count - 1 == march.cells.count)
            }
        }
    }
}
