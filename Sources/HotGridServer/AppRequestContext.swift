import HotGridCore
import Hummingbird

/// What a request carries through the middleware to the routes: who is asking (when signed in).
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in person, from a bearer token or a session cookie.
    public var person: Person?
    /// The session's CSRF token when the person came by session cookie (forms must echo it).
    public var csrf: String?

    /// The client's address, for throttling: the socket's peer, or the proxy's word for it (`ClientMiddleware`).
    public var remoteAddress: String
    /// Whether the client reached the server over HTTPS (session cookies are then `Secure`).
    public var https = false

    public init(source: Source) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// Evidence photos are the largest uploads.
    public var maxUploadSize: Int { 10 * 1024 * 1024 }
}
