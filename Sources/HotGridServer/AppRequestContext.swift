import HotGridCore
import Hummingbird

/// What a request carries through the middleware to the routes: who is asking (when signed in).
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in person, from a bearer token or a session cookie.
    public var person: Person?
    /// The session's CSRF token when the person came by session cookie (forms must echo it).
    public var csrf: String?

    /// The client's address, for login throttling.
    public let remoteAddress: String

    public init(source: Source) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// Evidence photos are the largest uploads.
    public var maxUploadSize: Int { 10 * 1024 * 1024 }
}
