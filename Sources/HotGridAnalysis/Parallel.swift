import Foundation
import Synchronization

/// Work spread over the machine's cores: the days of an estimate, the cells of an index. Each
/// item is computed independently and stored under a lock, so no caller shares mutable state.
public enum Parallel {
    /// `transform(i)` for every i in 0..<count, in order, computed on all cores.
    public static func map<T: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
        guard count > 1 else { return (0..<count).map(transform) }
        let results = Mutex([T?](repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { i in
            let value = transform(i)
            results.withLock { $0[i] = value }
        }
        return results.withLock { $0.map { $0! } }
    }

    /// `transform` over 0..<count in batches of `batch` items, each batch on all cores, calling
    /// `progress` on the caller's thread after each batch with the number of items done in it.
    public static func map<T: Sendable>(_ count: Int, batch: Int, progress: (Int) -> Void, _ transform: @Sendable (Int) -> T) -> [T] {
        var results: [T] = []
        results.reserveCapacity(count)
        for start in stride(from: 0, to: count, by: max(1, batch)) {
            let end = min(count, start + max(1, batch))
            results += map(end - start) { transform(start + $0) }
            progress(end - start)
        }
        return results
    }
}
