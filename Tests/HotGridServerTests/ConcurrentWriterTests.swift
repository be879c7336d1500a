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
}
