import Foundation
import HotGridCore
import HotGridServer
import HotGridService
import HotGridSQLite
import HotGridStore
import Hummingbird
import HummingbirdTesting
import NIOConcurrencyHelpers
import Testing

@Suite("Writers at once: the server and a command-line run on one database")
struct ConcurrentWriterTests {
    @Test("4 API writers and CLI warn and ingest runs for 20 s: every request answered without a server error, every CLI run done")
    func writersTakeTurns() async throws {
        let world = try ServerWorld()
        defer { world.cleanUp() }
        let statuses = NIOLockedValueBox<[Int: Int]>([:])
        let cliRuns = NIOLockedValueBox((done: 0, failed: [String]()))
        try await withServer(world) { client in
            let bearer = try await token(client, "hebi")
            let port = try #require(client.port)
            let deadline = ContinuousClock.now + .seconds(20)
            // The "CLI": another connection to the same file, as `hotgrid warn` and `hotgrid ingest` would open.
            async let cli: Void = onOwnThread {
                let store = try SQLiteStore(opening: world.store.path)
                let cells = try store.cells().count
                while ContinuousClock.now < deadline {
                    do {
                        _ = try WarningRun().run(from: Month("2017-01")!, to: Month("2017-03")!, store: store)
                        try store.importField(variable: FieldVariable.aod.rawValue, source: "cli", summary: { "cli" }) { sink in
                            for day in stride(from: Day("2017-01-01")!, through: Day("2017-01-31")!, by: 1) {
                                try sink.put(day: day, values: [Float](repeating: 60, count: cells))
                            }
                        }
                        cliRuns.withLockedValue { $0.done += 1 }
                    } catch {
                        cliRuns.withLockedValue { $0.failed.append("\(error)") }
                    }
                }
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<4 {
                    group.addTask {
                        try await TestClient.withClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(120))) { own in
                            var n = 0
                            while ContinuousClock.now < deadline {
                                n += 1
                                let problem: [String: Any] = ["category": "open_burning", "description": "writer \(writer) finding \(n)",
                                                              "lon": world.centre.longitude, "lat": world.centre.latitude]
                                let status = try await own.post("/api/v1/problems",
                                                                headers: [.contentType: "application/json", .authorization: "Bearer \(bearer)"],
                                                                body: body(problem)).status.code
                                statuses.withLockedValue { $0[status, default: 0] += 1 }
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            try await cli
        }
        let answered = statuses.withLockedValue { $0 }, runs = cliRuns.withLockedValue { $0 }
        #expect(answered.keys.sorted() == [201], "statuses: \(answered)")
        #expect(answered[201, default: 0] > 20)
        #expect(runs.failed.isEmpty && runs.done > 0, "CLI runs: \(runs.done) done, failed: \(runs.failed.prefix(3))")
        #expect(try AuditCheck.run(store: world.store).isIntact)
    }

    @Test("Writing handlers run on the blocking-work threads, never Swift's cooperative pool: a page answers while more writers wait for a lock than there are cores")
    func waitingWritersDoNotStallReaders() async throws {
        let world = try ServerWorld()
        defer { world.cleanUp() }
        let router = try buildRouter(store: world.store, accounts: world.accounts, settings: testSettings)
        // A writing route added after the others, as the next one will be: it reports the thread it runs on.
        router.post("api/v1/probe/thread") { _, _ in try String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8) }
        try await Application(router: router).test(.live) { client in
            let bearer = try await token(client, "hebi")
            let thread = try await client.execute(uri: "/api/v1/probe/thread", method: .post, headers: [.authorization: "Bearer \(bearer)"]) {
                String(buffer: $0.body)
            }
            #expect(thread.hasPrefix("TP-#"), "the handler ran on \(thread), not a blocking-work thread")
            let port = try #require(client.port)
            let held = 6.0
            // Another process's long write (an import, say): its own connection holds the write lock.
            async let lock: Void = onOwnThread {
                try SQLiteStore(opening: world.store.path).ledger(actor: nil) { _ in Thread.sleep(forTimeInterval: held) }
            }
            try await Task.sleep(for: .milliseconds(300))
            let writers = ProcessInfo.processInfo.activeProcessorCount + 2
            try await withThrowingTaskGroup(of: Int.self) { group in
                for n in 0..<writers {
                    group.addTask {
                        try await TestClient.withClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(60))) { own in
                            let problem: [String: Any] = ["category": "open_burning", "description": "waiting writer \(n)",
                                                          "lon": world.centre.longitude, "lat": world.centre.latitude]
                            return try await own.post("/api/v1/problems", headers: [.contentType: "application/json", .authorization: "Bearer \(bearer)"],
                                                      body: body(problem)).status.code
                        }
                    }
                }
                try await Task.sleep(for: .milliseconds(500))
                // Every writer is now waiting for the lock; a reader must still be answered at once.
                let started = ContinuousClock.now
                let status = try await client.execute(uri: "/api/v1/hotspots", method: .get) { $0.status.code }
                let waited = ContinuousClock.now - started
                #expect(status == 200)
                #expect(waited < .seconds(held / 2), "the reader waited \(waited) behind \(writers) waiting writers")
                var created = 0
                for try await code in group { created += code == 201 ? 1 : 0 }
                #expect(created == writers, "every waiting writer is served once the lock is free")
            }
            try await lock
        }
    }
}
