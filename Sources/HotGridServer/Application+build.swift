import Foundation
import HotGridService
import HotGridStore
import Hummingbird
import Logging

/// Where and how the server listens.
public struct ServerSettings: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// `.info` logs every request (see `AccessLogMiddleware`); tests keep to warnings.
    public var logLevel = Logger.Level.warning

    public init(host: String = "127.0.0.1", port: Int = 8080, logLevel: Logger.Level = .warning) {
        self.host = host
        self.port = port
        self.logLevel = logLevel
    }
}

/// The router: public portal and API, sign-in, the ledger API, behind the error and
/// authentication middleware.
public func buildRouter(store: SQLiteStore, accounts: Accounts) throws -> Router<AppRequestContext> {
    let catalog = try PublicCatalog(store: store)
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: AccessLogMiddleware())
    router.add(middleware: ErrorMiddleware())
    router.add(middleware: BodyLimitMiddleware())
    router.add(middleware: AuthenticationMiddleware(accounts: accounts))
    let api = router.group("api/v1")
    api.get("openapi.yaml") { _, _ in JSONBody.bytes(Data(OpenAPIDocument.yaml.utf8), contentType: "application/yaml; charset=utf-8") }
    PublicAPI(catalog: catalog).register(on: api)
    let auth = AuthAPI(accounts: accounts, throttle: .signIn())
    auth.register(on: api)
    let places = try CellPlaces(store: store)
    LedgerAPI(store: store, places: places).register(on: api)
    let portal = Portal(catalog: catalog)
    portal.register(on: router)
    let staff = StaffPages(auth: auth, portal: portal, places: places)
    staff.register(on: router)
    WorkspaceCells(staff: staff).register(on: router)
    WorkspaceUsers(staff: staff).register(on: router)
    let desk = DataReportDesk(store: store, places: places), reportThrottle = Throttle.dataReports()
    DataReportPages(staff: staff, desk: desk, throttle: reportThrottle).register(on: router)
    DataReportAPI(desk: desk, throttle: reportThrottle, staff: staff).register(on: api)
    return router
}

/// The whole application over one database.
public func buildApplication(store: SQLiteStore, settings: ServerSettings, accounts: Accounts? = nil) throws -> some ApplicationProtocol {
    Application(router: try buildRouter(store: store, accounts: accounts ?? Accounts(store: store)),
                configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "HotGrid"),
                logger: { var logger = Logger(label: "HotGrid"); logger.logLevel = settings.logLevel; return logger }())
}
