import Foundation
import NIOConcurrencyHelpers
import NIOPosix

/// Where bcrypt runs: a thread of its own at low priority, never the threads that answer requests.
/// A hash at cost 12 takes about a quarter of a second of CPU; on the request threads two clients
/// guessing passwords stalled every visitor. Work waits in a bounded queue; when it is full a
/// sign-in is answered 503 with `Retry-After` at once rather than piling up.
final class PasswordWork: Sendable {
    /// One per process, like the server: every router's sign-ins share its thread.
    static let shared = PasswordWork(capacity: 16)

    private let pool = NIOThreadPool(numberOfThreads: 1)
    private let queued = NIOLockedValueBox(0)
    /// Hashes waiting or running before more are refused.
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        pool.start()
        // Nice 10 for the pool's one thread (Linux keeps a nice value per thread): under a flood of
        // sign-ins the portal and the API keep the CPU.
        pool.submit { _ in _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10) }
    }

    /// Runs `work` on the password thread; 503 when `capacity` hashes are already waiting.
    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        let admitted = queued.withLockedValue { count in
            guard count < capacity else { return false }
            count += 1
            return true
        }
        guard admitted else {
            throw APIError(status: .serviceUnavailable, code: "busy", message: "too many sign-ins at once; try again in a few seconds",
                           retryAfter: 2)
        }
        defer { queued.withLockedValue { $0 -= 1 } }
        return try await pool.runIfActive(work)
    }
}
