import Foundation
import HotGridCore
import HotGridServer
import HotGridService
import HotGridStore
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Authentication and the authorisation matrix on a live server")
struct AuthorizationTests {
    @Test("Every forbidden read and write is refused; allowed ones succeed")
    func matrix() async throws {
        let world = try ServerWorld()
        defer { world.cleanUp() }
        let cell = world.cell.description, centre = world.centre
        try await withServer(world) { client in
            var tokens: [String: String] = [:]
            for login in ["admin", "hebi", "puyang", "supervisor", "housing", "environment", "auditor"] {
                tokens[login] = try await token(client, login)
            }
            func call(_ login: String?, _ method: HTTPRequest.Method, _ uri: String, _ payload: [String: Any]? = nil) async throws -> (HTTPResponse.Status, [String: Any]) {
                var headers: HTTPFields = [.contentType: "application/json"]
                if let login { headers[.authorization] = "Bearer \(tokens[login]!)" }
                return try await client.execute(uri: uri, method: method, headers: headers, body: try payload.map(body)) { r in (r.status, try json(r)) }
            }
            let newProblem: [String: Any] = ["category": "construction_site_dust", "description": "bare soil", "lon": centre.longitude, "lat": centre.latitude]
            // Reading problems needs a sign-in; a bad token is refused.
            #expect(try await call(nil, .get, "/api/v1/problems").0 == .unauthorized)
            tokens["forged"] = String(repeating: "0", count: 64)
            #expect(try await call("forged", .get, "/api/v1/problems").0 == .unauthorized)
            // Recording in a Hebi cell: Hebi's officer and the cell's supervisor may; nobody else.
            for (login, expected) in [("hebi", HTTPResponse.Status.created), ("supervisor", .created), ("puyang", .forbidden),
                                      ("housing", .forbidden), ("auditor", .forbidden), ("admin", .forbidden)] {
                #expect(try await call(login, .post, "/api/v1/problems", newProblem).0 == expected, "\(login) recording")
            }
            #expect(try await call(nil, .post, "/api/v1/problems", newProblem).0 == .unauthorized)
            // Assigning problem 1: only Hebi's officer (of these).
            let assign: [String: Any] = ["action": "assign", "comment": "to housing", "department": "housing"]
            for login in ["puyang", "supervisor", "housing", "auditor", "admin"] {
                #expect(try await call(login, .post, "/api/v1/problems/1/actions", assign).0 == .forbidden, "\(login) assigning")
            }
            #expect(try await call("hebi", .post, "/api/v1/problems/1/actions", assign).0 == .ok)
            // Accepting: only the housing officer; the environment officer may not touch housing's problem.
            #expect(try await call("environment", .post, "/api/v1/problems/1/actions", ["action": "accept", "comment": "ours?"]).0 == .forbidden)
            #expect(try await call("hebi", .post, "/api/v1/problems/1/actions", ["action": "accept", "comment": "me"]).0 == .forbidden)
            #expect(try await call("housing", .post, "/api/v1/problems/1/actions", ["action": "accept", "comment": "on it"]).0 == .ok)
            // A wrong move is a conflict; a missing comment is invalid.
            #expect(try await call("housing", .post, "/api/v1/problems/1/actions", ["action": "accept", "comment": "again"]).0 == .conflict)
            #expect(try await call("housing", .post, "/api/v1/problems/1/actions", ["action": "submit", "comment": " "]).0 == .unprocessableContent)
            #expect(try await call("housing", .post, "/api/v1/problems/1/actions", ["action": "submit", "comment": "done"]).0 == .ok)
            // Verifying needs evidence.
            let (noEvidence, error) = try await call("supervisor", .post, "/api/v1/problems/1/actions", ["action": "verify", "comment": "seen"])
            #expect(noEvidence == .unprocessableContent && ((error["error"] as? [String: Any])?["fields"] as? [String: String])?["evidence"] == "required")
            let photo = ["file_name": "site.jpg", "content_base64": Data("photo".utf8).base64EncodedString()]
            let (verified, problem) = try await call("supervisor", .post, "/api/v1/problems/1/actions", ["action": "verify", "comment": "seen", "evidence": [photo]])
            #expect(verified == .ok && problem["status"] as? String == "verified")
            // Reads follow scope: Puyang's officer sees none of Hebi's problems, and no source details.
            let (_, hebiList) = try await call("hebi", .get, "/api/v1/problems")
            let (_, puyangList) = try await call("puyang", .get, "/api/v1/problems")
            #expect((hebiList["meta"] as? [String: Int])?["found"] == 2 && (puyangList["meta"] as? [String: Int])?["found"] == 0)
            let (_, own) = try await call("hebi", .get, "/api/v1/cells/\(cell)/sources")
            let (_, other) = try await call("puyang", .get, "/api/v1/cells/\(cell)/sources")
            #expect((own["results"] as? [[String: String]])?.first?["name"] == "Steel works")
            #expect((other["results"] as? [[String: String]])?.first?["name"] == "" && (other["results"] as? [[String: String]])?.first?["withheld"] == "true")
            #expect(try await call(nil, .get, "/api/v1/cells/\(cell)/sources").0 == .unauthorized)
            // The public cell page counts open problems, never says which.
            let (_, report) = try await call(nil, .get, "/api/v1/cells/\(cell)")
            #expect(report["open_problems"] as? Int == 1)
        }
        #expect(try AuditCheck.run(store: world.store).isIntact)
    }

    @Test("Five failed sign-ins from a client lock that login out for a while; a revoked token stops working")
    func throttling() async throws {
        let world = try ServerWorld()
        defer { world.cleanUp() }
        try await withServer(world) { client in
            for _ in 0..<5 {
                try await client.execute(uri: "/api/v1/auth/token", method: .post, headers: [.contentType: "application/json"],
                                         body: body(["login": "hebi", "password": "wrong-password"])) { #expect($0.status == .unauthorized) }
            }
            try await client.execute(uri: "/api/v1/auth/token", method: .post, headers: [.contentType: "application/json"],
                                     body: body(["login": "hebi", "password": ServerWorld.password])) { #expect($0.status == .tooManyRequests) }
            let t = try await token(client, "puyang")
            try await client.execute(uri: "/api/v1/auth/token", method: .delete, headers: [.authorization: "Bearer \(t)"]) { #expect($0.status == .noContent) }
            try await client.execute(uri: "/api/v1/problems", method: .get, headers: [.authorization: "Bearer \(t)"]) { #expect($0.status == .unauthorized) }
        }
        // Passwords are stored as bcrypt hashes, tokens as SHA-256: neither appears in the file.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: world.store.path))
        #expect(bytes.range(of: Data(ServerWorld.password.utf8)) == nil)
    }
}
