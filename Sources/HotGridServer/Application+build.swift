import Foundation
import HotGridService
import HotGridStore
import Hummingbird

/// Where and how the server listens.
public struct ServerSettings: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080

    public init(host: String = "127.0.0.1", port: Int = 8080) {
        self.host = host
        self.port = port
    }
}

/// The router: public portal and API, sign-in, the ledger API, behind the error and
/// authentication middleware.
public func buildRouter(store: SQLiteStore, accounts: Accounts) throws -> Router<AppRequestContext> {
    let catalog = try PublicCatalog(store: store)
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: ErrorMiddleware())
    router.add(middleware: AuthenticationMiddleware(accounts: accounts))
    let api = router.group("api/v1")
    api.get("openapi.yaml") { _, _ in JSONBody.bytes(Data(OpenAPIDocument.yaml.utf8), contentType: "application/yaml; charset=utf-8") }
    PublicAPI(catalog: catalog).register(on: api)
    let auth = AuthAPI(accounts: accounts, throttle: LoginThrottle())
    auth.register(on: api)
    let places = try CellPlaces(store: store)
    LedgerAPI(store: store, places: places).register(on: api)
    let portal = Portal(catalog: catalog)
    portal.register(on: router)
    StaffPages(auth: auth, portal: portal, places: places).register(on: router)
    return router
}

/// The whole application over one database.
public func buildApplication(store: SQLiteStore, settings: ServerSettings, accounts: Accounts? = nil) throws -> some ApplicationProtocol {
    Application(router: try buildRouter(store: store, accounts: accounts ?? Accounts(store: store)),
                configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "HotGrid"))
}
