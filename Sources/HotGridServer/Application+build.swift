import Foundation
import HotGridCore
import HotGridService
import HotGridStore
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// Where and how the server listens, and how much it lets one client hold.
public struct ServerSettings: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// `.info` logs every request (see `AccessLogMiddleware`); tests keep to warnings.
    public var logLevel = Logger.Level.warning
    /// A connection that sends nothing for this long is closed: idle keep-alive sockets, and
    /// requests whose headers trickle in (the clock restarts only when a request part arrives).
    public var idleTimeout = Duration.seconds(30)
    /// Connections open at once; beyond it the server accepts no more until some close (kept
    /// below the usual descriptor limit so the database and files can still be opened).
    public var maxConnections = 2048
    /// Connections one client address may hold; more are closed as they open. Off behind a proxy.
    public var connectionsPerClient = 64
    /// Behind a reverse proxy: the client's address comes from the last `X-Forwarded-For` entry
    /// and the scheme from `X-Forwarded-Proto`, and the proxy limits connections per client.
    public var trustProxy = false
    /// The address users reach the server at; `https://…` marks session cookies `Secure`.
    public var publicURL: String?
    /// Bytes of rendered pages and encoded API answers kept for reuse, shared by all of them.
    public var cacheBytes = 64 << 20
    /// What "today" is for deadlines and overdue problems: the machine's clock unless a test or a
    /// replay fixes it.
    public var clock = WorkClock.system

    public init(host: String = "127.0.0.1", port: Int = 8080, logLevel: Logger.Level = .warning) {
        self.host = host
        self.port = port
        self.logLevel = logLevel
    }

    /// Whether every request reaches users over HTTPS.
    var servedOverHTTPS: Bool { publicURL?.lowercased().hasPrefix("https://") ?? false }
}

/// The router: public portal and API, sign-in, the ledger API, behind the error and
/// authentication middleware.
public func buildRouter(store: any Store, accounts: Accounts, settings: ServerSettings = ServerSettings()) throws -> Router<AppRequestContext> {
    // The region is read once and shared by the catalog, the ledger and the data report desk.
    let region = try RegionDirectory(store: store)
    let catalog = try PublicCatalog(store: store, region: region)
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: ClientMiddleware(trustProxy: settings.trustProxy, https: settings.servedOverHTTPS))
    router.add(middleware: AccessLogMiddleware())
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ErrorMiddleware())
    router.add(middleware: BodyLimitMiddleware())
    router.add(middleware: BlockingWorkMiddleware(work: .shared))
    router.add(middleware: AuthenticationMiddleware(accounts: accounts))
    let api = router.group("api/v1")
    api.get("openapi.yaml") { _, _ in JSONBody.bytes(Data(OpenAPIDocument.yaml.utf8), contentType: "application/yaml; charset=utf-8") }
    let cache = ResponseCache(budget: settings.cacheBytes)
    PublicAPI(catalog: catalog, cache: cache).register(on: api)
    let auth = AuthAPI(accounts: accounts, throttle: SignInThrottle())
    auth.register(on: api)
    LedgerAPI(store: store, region: region, clock: settings.clock).register(on: api)
    let portal = Portal(catalog: catalog, cache: cache)
    portal.register(on: router)
    let staff = StaffPages(auth: auth, portal: portal, region: region, clock: settings.clock)
    staff.register(on: router)
    WorkspaceCells(staff: staff).register(on: router)
    WorkspaceUsers(staff: staff).register(on: router)
    WorkspaceEvidence(staff: staff).register(on: router)
    let desk = DataReportDesk(store: store, region: region), reportThrottle = Throttle.dataReports()
    DataReportPages(staff: staff, desk: desk, throttle: reportThrottle).register(on: router)
    DataReportAPI(desk: desk, throttle: reportThrottle, staff: staff).register(on: api)
    return router
}

/// The whole application over one database.
public func buildApplication(store: any Store, settings: ServerSettings, accounts: Accounts? = nil) throws -> some ApplicationProtocol {
    let logger = { var logger = Logger(label: "HotGrid"); logger.logLevel = settings.logLevel; return logger }()
    let perClient = settings.trustProxy ? nil : ConnectionsPerClient(limit: settings.connectionsPerClient)
    let http = HTTP1Channel.Configuration(additionalChannelHandlers: perClient.map { [$0.handler()] } ?? [],
                                          idleTimeout: TimeAmount.nanoseconds(Int64(settings.idleTimeout / .nanoseconds(1))))
    return Application(router: try buildRouter(store: store, accounts: accounts ?? Accounts(store: store), settings: settings),
                       server: .http1(configuration: http),
                       configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "HotGrid",
                                            availableConnectionsDelegate: .maximum(settings.maxConnections, logger: logger)),
                       logger: logger)
}
