import NIOConcurrencyHelpers
import NIOCore

/// Open connections per client address: one client holding sockets open (idle or trickling
/// headers) cannot take the server's descriptors from everyone else. A connection beyond the
/// client's share is closed as soon as it opens. Not for use behind a proxy, where every
/// connection comes from the proxy's address (`--trust-proxy` turns it off).
final class ConnectionsPerClient: Sendable {
    private let open = NIOLockedValueBox<[String: Int]>([:])
    /// Connections one address may hold at once.
    let limit: Int

    init(limit: Int) { self.limit = limit }

    /// A handler for one new connection's pipeline.
    func handler() -> Handler { Handler(owner: self) }

    fileprivate func admit(_ address: String) -> Bool {
        open.withLockedValue { all in
            guard all[address, default: 0] < limit else { return false }
            all[address, default: 0] += 1
            return true
        }
    }

    fileprivate func release(_ address: String) {
        open.withLockedValue { all in
            let left = all[address, default: 1] - 1
            all[address] = left > 0 ? left : nil
        }
    }

    /// Counts its connection in while open; closes it when the client already holds `limit`.
    final class Handler: ChannelInboundHandler, RemovableChannelHandler {
        /// Requests pass through untouched (HTTP parts, once decoded).
        typealias InboundIn = NIOAny
        private let owner: ConnectionsPerClient
        private var counted: String?

        fileprivate init(owner: ConnectionsPerClient) { self.owner = owner }

        func handlerAdded(context: ChannelHandlerContext) {
            guard let address = context.channel.remoteAddress?.ipAddress else { return }
            if owner.admit(address) { counted = address } else { context.close(promise: nil) }
        }

        func handlerRemoved(context: ChannelHandlerContext) {
            if let counted { owner.release(counted) }
            counted = nil
        }
    }
}
