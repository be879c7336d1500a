import Foundation
import HotGridCore
import HotGridServer
import HotGridService
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOConcurrencyHelpers
import Testing

@Suite("Signing in: throttles, password work off the request threads, the form's own token, logout")
struct SignInTests {
    static func guess(_ client: any TestClientProtocol, _ login: String, from address: String? = nil,
                      password: String = "not the password") async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let address { headers[HTTPField.Name("X-Forwarded-For")!] = address }
        return try await client.execute(uri: "/api/v1/auth/token", method: .post, headers: headers,
                                        body: body(["login": login, "password": password])) { $0 }
    }

    @Test("One client trying 20 logins is stopped (429, Retry-After) even with a right password; so is one login tried from 20 clients")
    func throttles() async throws {
        let world = try ServerWorld()
        defer { world.cleanUp() }
        try await withServer(world) { client in
            for n in 1...20 { #expect(try await Self.guess(client, "nobody\(n)").status == .unauthorized) }
            let stopped = try await Self.guess(client, "hebi", password: ServerWorld.password)
            #expect(stopped.status == .tooManyRequests)
            #expect(Int(stopped.headers[.retryAfter] ?? "") ?? 0 > 800, "\(stopped.headers)")
        }
        var proxied = testSettings
        proxied.trustProxy = true
        try await withServer(world, settings: proxied) { client in
            for n in 1...20 { #expect(try await Self.guess(client, "puyang", from: "10.0.0.\(n)").status == .unauthorized) }
            #expect(try await Self.guess(client, "puyang", from: "10.0.1.1", password: ServerWorld.password).status == .tooManyRequests)
            #expect(try await Self.guess(client, "hebi", from: "10.0.1.1", password: ServerWorld.password).status == .created)
            // The address is the proxy's last entry, not what the client claimed before it.
            for n in 1...20 { _ = try await Self.guess(client, "nobody\(n)", from: "1.2.3.\(n), 10.0.2.1") }
            #expect(try await Self.guess(client, "hebi", from: "10.0.2.1", password: ServerWorld.password).status == .tooManyRequests)
        }
    }

    /// A throughput ratio means something only with the machine to itself: `make test` runs this
    /// test alone after the suite (HOTGRID_LOAD_TESTS=1), not among the parallel analysis tests.
    @Test("A public endpoint keeps at least 30 % of its throughput while 4 clients guess passwords at bcrypt cost 12",
          .enabled(if: ProcessInfo.processInfo.environment["HOTGRID_LOAD_TESTS"] == "1"))
    func guessingDoesNotStallReaders() async throws {
        let world = try ServerWorld()
        defer { world.cleanUp() }
        var strong = world.accounts
        strong.cost = 12
        var proxied = testSettings
        proxied.trustProxy = true
        let guesses = NIOLockedValueBox<[Int: Int]>([:])
        try await withServer(world, settings: proxied, accounts: strong) { client in
            let port = try #require(client.port)
            @Sendable func readers(for seconds: Int) async throws -> Int {
                let until = ContinuousClock.now + .seconds(seconds)
                return try await withThrowingTaskGroup(of: Int.self) { group in
                    for _ in 0..<4 {
                        group.addTask {
                            try await TestClient.withClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(120))) { own in
                                var answered = 0
                                while ContinuousClock.now < until {
                                    if try await own.get("/api/v1/hotspots?year=2016&limit=5").status == .ok { answered += 1 }
                                }
                                return answered
                            }
                        }
                    }
                    return try await group.reduce(0, +)
                }
            }
            // Readers alone, under attack, alone again: the baseline is the mean of the two quiet
            // spells, so other work on the machine drifting in or out does not decide the result.
            let before = try await readers(for: 2)
            let attackUntil = ContinuousClock.now + .seconds(3)
            let attack = Task {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for attacker in 0..<4 {
                        group.addTask {
                            try await TestClient.withClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(120))) { own in
                                var n = 0
                                while ContinuousClock.now < attackUntil {
                                    n += 1
                                    let status = try await own.post("/api/v1/auth/token",
                                                                    headers: [.contentType: "application/json",
                                                                              HTTPField.Name("X-Forwarded-For")!: "10.\(attacker).\(n / 250).\(n % 250)"],
                                                                    body: body(["login": "guess\(attacker)-\(n)", "password": "password\(n)"])).status.code
                                    guesses.withLockedValue { $0[status, default: 0] += 1 }
                                }
                            }
                        }
                    }
                    try await group.waitForAll()
                }
            }
            try await Task.sleep(for: .milliseconds(500))
            let underAttack = try await readers(for: 2)
            try await attack.value
            let after = try await readers(for: 2)
            let alone = Double(before + after) / 2
            #expect(Double(underAttack) >= 0.3 * alone,
                    "alone \(before) and \(after), under attack \(underAttack) in 2 s; guesses \(guesses.withLockedValue { $0 })")
        }
        let answered = guesses.withLockedValue { $0 }
        #expect(Set(answered.keys).isSubset(of: [401, 503]) && answered[401, default: 0] > 0, "\(answered)")
    }

    @Test("The sign-in form needs its own token and cookie; logout needs the session's CSRF token and ends the session")
    func formTokens() async throws {
        let world = try ServerWorld()
        defer { world.cleanUp() }
        try await withServer(world) { client in
            let form = "login=hebi&password=\(ServerWorld.password)&next=%2Fstaff"
            for (cookie, token) in [(nil, nil), ("hotgrid_signin=abc", "abd"), (nil as String?, "abc" as String?)] {
                var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
                if let cookie { headers[.cookie] = cookie }
                try await client.execute(uri: "/login", method: .post, headers: headers, body: ByteBuffer(string: form + (token.map { "&form_token=\($0)" } ?? ""))) { r in
                    #expect(r.status == .forbidden)
                    #expect(!r.headers[values: .setCookie].contains { $0.hasPrefix("hotgrid_session=") && !$0.hasPrefix("hotgrid_session=;") })
                }
            }
            let signedIn = try await signInWithForm(client, "hebi", ServerWorld.password)
            #expect(signedIn.status == .seeOther && signedIn.headers[values: .setCookie].contains { $0.hasPrefix("hotgrid_session=") })

            let session = try BrowserSession(world, person: 2)
            let refused = try await session.post(client, "/logout", [], withCSRF: false).status
            #expect(refused == .forbidden, "\(refused)")
            #expect(try await session.get(client, "/staff").status == .ok)
            #expect(try await session.post(client, "/logout", []).status == .seeOther)
            let after = try await client.execute(uri: "/staff", method: .get, headers: [.cookie: session.cookie]) { $0 }
            #expect(after.status == .seeOther && after.headers[.location]?.hasPrefix("/login") == true)
        }
    }

    @Test("Session cookies are Secure when the server is reached over HTTPS: a public https URL, or the proxy's X-Forwarded-Proto")
    func secureCookies() async throws {
        let world = try ServerWorld()
        defer { world.cleanUp() }
        @Sendable func sessionCookie(_ r: TestResponse) -> String { r.headers[values: .setCookie].first { $0.hasPrefix("hotgrid_session=") } ?? "" }
        try await withServer(world) { client in
            let plain = try await signInWithForm(client, "hebi", ServerWorld.password)
            #expect(!sessionCookie(plain).contains("Secure"))
        }
        var https = testSettings
        https.publicURL = "https://hotgrid.example.gov.cn"
        try await withServer(world, settings: https) { client in
            let r = try await signInWithForm(client, "hebi", ServerWorld.password)
            #expect(sessionCookie(r).contains("Secure") && sessionCookie(r).contains("HttpOnly"))
            #expect(r.headers[.strictTransportSecurity] != nil)
        }
        var proxied = testSettings
        proxied.trustProxy = true
        try await withServer(world, settings: proxied) { client in
            let viaHTTPS = try await signInWithForm(client, "hebi", ServerWorld.password, headers: [HTTPField.Name("X-Forwarded-Proto")!: "https"])
            #expect(sessionCookie(viaHTTPS).contains("Secure"))
            let viaHTTP = try await signInWithForm(client, "puyang", ServerWorld.password)
            #expect(!sessionCookie(viaHTTP).contains("Secure"))
        }
    }
}
