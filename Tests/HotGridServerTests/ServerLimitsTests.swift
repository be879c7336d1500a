import Foundation
@testable import HotGridServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

/// A raw TCP connection from a chosen loopback address, for floods: it sends what it is told and
/// reports whether the server closed it. Blocking: use it `onOwnThread`.
struct RawConnection: Sendable {
    private let fd: Int32

    init(from source: String, toPort port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        func address(_ host: String, _ port: Int) -> sockaddr_in {
            var a = sockaddr_in()
            a.sin_family = sa_family_t(AF_INET)
            a.sin_port = in_port_t(UInt16(port).bigEndian)
            inet_pton(AF_INET, host, &a.sin_addr)
            return a
        }
        var local = address(source, 0), remote = address("127.0.0.1", port)
        let bound = withUnsafePointer(to: &local) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        let connected = withUnsafePointer(to: &remote) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard fd >= 0, bound == 0, connected == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }

    func send(_ text: String) { _ = text.utf8CString.withUnsafeBufferPointer { Glibc.send(fd, $0.baseAddress, $0.count - 1, Int32(MSG_NOSIGNAL)) } }

    /// The status line of the server's answer (empty if none came within `seconds`).
    func statusLine(within seconds: Int) -> String {
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var received = [UInt8]()
        var byte: UInt8 = 0
        while recv(fd, &byte, 1, 0) == 1, byte != UInt8(ascii: "\n") { received.append(byte) }
        return String(decoding: received, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether the server closes the connection within `seconds` (end of stream or reset).
    func closedByServer(within seconds: Double) -> Bool {
        var timeout = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - seconds.rounded(.down)) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var byte: UInt8 = 0
        while true {
            let n = recv(fd, &byte, 1, 0)
            if n == 0 || (n < 0 && errno == ECONNRESET) { return true }
            if n < 0 { return false }
        }
    }

    func close() { _ = Glibc.close(fd) }
}

@Suite("What one client can hold: connections, idle and slow sockets")
struct ServerLimitsTests {
    @Test("200 idle sockets from one address and a slow header from another: the server keeps answering, closes the excess at once and the rest after the idle timeout (10 s here)")
    func idleFlood() async throws {
        let world = try ServerWorld()
        defer { world.cleanUp() }
        var settings = testSettings
        settings.idleTimeout = .seconds(10)
        let perClient = settings.connectionsPerClient
        try await withServer(world, settings: settings) { client in
            let port = try #require(client.port)
            // 200 stays below the listen backlog (256): on a busy test machine the server may
            // accept late, and the kernel holds the rest meanwhile.
            let flood = try await onOwnThread { try (0..<200).map { _ in try RawConnection(from: "127.0.0.2", toPort: port) } }
            defer { flood.forEach { $0.close() } }
            let slow = try await onOwnThread { try RawConnection(from: "127.0.0.3", toPort: port) }
            defer { slow.close() }
            slow.send("GET / HTTP/1.1\r\nHost: x\r\n")
            // The excess is closed as soon as the server takes it (give a busy test machine 3 s).
            var refused = 0
            for _ in 0..<30 where refused < 200 - perClient {
                refused = try await onOwnThread { flood.filter { $0.closedByServer(within: 0.005) }.count }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(refused == 200 - perClient, "\(refused) of 200 closed at once")
            try await TestClient.withClient(host: "127.0.0.1", port: port) { own in
                for _ in 0..<20 {
                    let status = try await own.get("/api/v1/hotspots?year=2016&limit=1").status
                    #expect(status == .ok)
                }
            }
            for _ in 0..<24 {
                slow.send("X-Slow: 1\r\n")
                try await Task.sleep(for: .milliseconds(500))
            }
            #expect(try await onOwnThread { slow.closedByServer(within: 1) }, "a header trickling for 12 s is cut off")
            #expect(try await onOwnThread { flood.allSatisfy { $0.closedByServer(within: 5) } }, "idle sockets are closed after the idle timeout")
            let after = try await TestClient.withClient(host: "127.0.0.1", port: port) { own in try await own.get("/api/v1/hotspots?year=2016&limit=1").status }
            #expect(after == .ok)
        }
    }

    @Test("Every answer carries the security headers: pages, the API, errors")
    func securityHeaders() async throws {
        let world = try ServerWorld()
        defer { world.cleanUp() }
        try await withServer(world) { client in
            for uri in ["/", "/login", "/api/v1/hotspots?year=2016&limit=1", "/api/v1/openapi.yaml", "/no/such/page", "/staff"] {
                try await client.execute(uri: uri, method: .get) { r in
                    let policy = r.headers[.contentSecurityPolicy] ?? ""
                    #expect(policy.contains("frame-ancestors 'none'") && policy.contains("default-src 'none'"), "\(uri): \(policy)")
                    #expect(r.headers[.xContentTypeOptions] == "nosniff", "\(uri)")
                    #expect(r.headers[HTTPField.Name("X-Frame-Options")!] == "DENY", "\(uri)")
                    #expect(r.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin", "\(uri)")
                }
            }
        }
    }

    @Test("The response cache keeps within its bytes, least recently used first, and junk parameters share one entry")
    func cacheBounded() async throws {
        let cache = ResponseCache(budget: 1 << 20)
        let made = Mutex(0)
        func fetch(_ key: String, size: Int = 10_000) {
            _ = cache.response(key: key) { made.withLock { $0 += 1 }; return Data(count: size) }
        }
        for n in 0..<1_000 {
            fetch("page \(n)")
            fetch("page 0")   // kept in use: never the least recently used
            #expect(cache.bytes <= 1 << 20)
        }
        #expect(made.withLock { $0 } == 1_000)
        fetch("page 0")
        fetch("page 999")
        #expect(made.withLock { $0 } == 1_000, "the recent pages are still there")
        fetch("page 1")
        #expect(made.withLock { $0 } == 1_001, "an old page was let go")
        let before = cache.bytes
        fetch("huge", size: 200_000)   // over an eighth of the budget: served, not kept
        #expect(cache.bytes == before)

        // On the server: a junk parameter neither makes a new entry nor comes back in the links.
        let world = try ServerWorld()
        defer { world.cleanUp() }
        try await withServer(world) { client in
            var bodies: [String] = []
            for junk in ["a", "b"] {
                try await client.execute(uri: "/api/v1/collections/cells/items?limit=3&junk=\(junk)", method: .get) { r in
                    #expect(r.status == .ok)
                    bodies.append(String(buffer: r.body))
                }
            }
            #expect(bodies[0] == bodies[1] && !bodies[0].contains("junk"))
            #expect(bodies[0].contains("/api/v1/collections/cells/items?limit=3&offset=0\"") && bodies[0].contains("items?limit=3&offset=3\""))
        }
    }
}
