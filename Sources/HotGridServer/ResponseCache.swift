import Foundation
import Hummingbird
import Synchronization

/// Encoded bodies by key (the key includes what makes them stale), held within a byte budget: when
/// it is exceeded the least recently used go until a quarter of it is free again, and a body larger
/// than an eighth of the budget is served but not kept. Keys must be built from what the handler
/// reads, never from the raw query, or junk parameters would each take a place.
final class ResponseCache: Sendable {
    private struct Entry {
        let data: Data
        var used: UInt64
        var bytes: Int
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var bytes = 0
        var clock: UInt64 = 0
    }

    private let state = Mutex(State())
    /// Bytes of bodies and keys kept at most.
    let budget: Int

    init(budget: Int) { self.budget = budget }

    /// The body under `key`, made by `make` and kept when missing.
    func response(key: String, contentType: String = "application/json; charset=utf-8", _ make: () throws -> Data) rethrows -> Response {
        let found: Data? = state.withLock { s in
            s.clock += 1
            guard var entry = s.entries[key] else { return nil }
            entry.used = s.clock
            s.entries[key] = entry
            return entry.data
        }
        if let found { return JSONBody.bytes(found, contentType: contentType) }
        let made = try make()
        keep(made, under: key)
        return JSONBody.bytes(made, contentType: contentType)
    }

    /// Bytes held now.
    var bytes: Int { state.withLock { $0.bytes } }

    private func keep(_ data: Data, under key: String) {
        let size = data.count + key.utf8.count
        guard size <= budget / 8 else { return }
        state.withLock { s in
            s.clock += 1
            if let old = s.entries.updateValue(Entry(data: data, used: s.clock, bytes: size), forKey: key) { s.bytes -= old.bytes }
            s.bytes += size
            guard s.bytes > budget else { return }
            for (key, entry) in s.entries.sorted(by: { $0.value.used < $1.value.used }) {
                guard s.bytes > budget * 3 / 4 else { break }
                s.entries[key] = nil
                s.bytes -= entry.bytes
            }
        }
    }
}
