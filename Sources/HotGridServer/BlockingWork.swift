import Hummingbird
import NIOPosix

/// Threads for requests that may wait: a write to the store waits for any other writer (another
/// server process, a command-line import) as long as the store lets it (30 s for SQLite). Run
/// there, a waiting request holds one of these threads, never a thread of Swift's cooperative
/// pool (as many as there are cores), on which every other request depends. Reads never wait for a writer
/// (SQLite in WAL mode) and stay on the cooperative pool, where a hop would cost them a third of
/// their throughput.
final class BlockingWork: TaskExecutor {
    /// One per process, like the server: every router's requests share its threads.
    static let shared = BlockingWork(threads: 16)

    private let pool: NIOThreadPool

    init(threads: Int) {
        pool = NIOThreadPool(numberOfThreads: threads)
        pool.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        pool.submit { _ in job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}

/// Runs every request that may write (any method but GET and HEAD), with the middleware after
/// this one, on ``BlockingWork``'s threads, so no route can block the cooperative pool by
/// forgetting to hand its work off.
struct BlockingWorkMiddleware<Context: RequestContext>: RouterMiddleware {
    let work: BlockingWork

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method != .get, request.method != .head else { return try await next(request, context) }
        return try await withTaskExecutorPreference(work) { try await next(request, context) }
    }
}
