import ArgumentParser
import Foundation
import HotGridCore
import HotGridServer
import HotGridService
import HotGridStore
import Hummingbird
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the public portal, the API (/api/v1, OpenAPI at /api/v1/openapi.yaml) and the staff API over HTTP.",
        discussion: "Staff sign in with a login made by `hotgrid user add`. Stop with Ctrl-C."
    )

    @Option(help: "The HotGrid database.") var db: String
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @Option(help: "info logs one line per request (method, path, status, time; never queries, headers or bodies); warning logs only problems.")
    var logLevel: LogLevel = .info
    @Option(help: "Seconds a connection may send nothing (idle keep-alive, or headers trickling in) before it is closed.")
    var idleTimeout = 30
    @Option(help: "Connections open at once; more wait until some close.") var maxConnections = 2048
    @Option(help: "Connections one client address may hold; more are closed as they open.") var connectionsPerClient = 64
    @Flag(help: "Behind a reverse proxy: take the client's address from X-Forwarded-For and the scheme from X-Forwarded-Proto (the proxy limits connections per client).")
    var trustProxy = false
    @Option(help: "The address users reach the server at, e.g. https://hotgrid.example.gov.cn; https marks session cookies Secure.")
    var publicURL: String?
    @Option(help: "Megabytes of rendered pages and API answers kept for reuse (least recently used go first).") var cacheMB = 64

    func validate() throws {
        guard idleTimeout > 0, maxConnections > 0, connectionsPerClient > 0, cacheMB > 0 else {
            throw ValidationError("--idle-timeout, --max-connections, --connections-per-client and --cache-mb must be positive.")
        }
        if let publicURL, !(publicURL.hasPrefix("http://") || publicURL.hasPrefix("https://")) {
            throw ValidationError("--public-url \(publicURL) must start with http:// or https://.")
        }
    }

    func run() async throws {
        var settings = ServerSettings(host: host, port: port, logLevel: logLevel.level)
        settings.idleTimeout = .seconds(idleTimeout)
        settings.maxConnections = maxConnections
        settings.connectionsPerClient = connectionsPerClient
        settings.trustProxy = trustProxy
        settings.publicURL = publicURL
        settings.cacheBytes = cacheMB << 20
        try await serve(StoreChoice.open(db), settings: settings)
    }
}

/// Serves `store` until stopped (Ctrl-C): how `hotgrid serve` and `hotgrid demo` end.
func serve(_ store: any Store, settings: ServerSettings) async throws {
    let app = try buildApplication(store: store, settings: settings)
    say("HotGrid on http://\(settings.host):\(settings.port)/ (API: /api/v1, OpenAPI: /api/v1/openapi.yaml)")
    try await app.runService()
}

/// The server's log levels a user chooses between.
enum LogLevel: String, ExpressibleByArgument, CaseIterable {
    case debug, info, warning, error
    var level: Logger.Level {
        switch self {
        case .debug: .debug
        case .info: .info
        case .warning: .warning
        case .error: .error
        }
    }
}

struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Logins for the server: the first admin, more users, passwords.",
        subcommands: [UserAddCommand.self, UserPasswordCommand.self]
    )
}

struct UserAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a user (a member of staff with a login). The first user of a database is its admin and needs no --as.",
        discussion: "The password is read from the HOTGRID_PASSWORD environment variable, or asked for on the terminal; never from a flag."
    )

    @Option(help: "The HotGrid database.") var db: String
    @Option(name: .customLong("as"), help: "Your person id (an admin); not needed for the first user.") var actor: Int?
    @Option(help: "Login name.") var login: String
    @Option(help: "Full name.") var name: String
    @Option(help: "Role.") var role: Role = .admin
    @Option(help: "region, city:CODE, county:CODE or cells.") var scope = "region"
    @Option(help: "A department officer's department code.") var department: String?

    func run() throws {
        guard let scope = StaffScope(scope) else { throw ValidationError("--scope \(self.scope) is not region, city:CODE, county:CODE or cells.") }
        let person = try Accounts(store: StoreChoice.open(db)).addUser(
            login: login, password: try readPassword(), name: name, role: role, scope: scope, department: department, actor: actor)
        print("User \(login) is person #\(person.id) (\(person.role.rawValue), \(person.scope.description))")
    }
}

struct UserPasswordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "password",
        abstract: "Give an existing person a login and password (from HOTGRID_PASSWORD or the terminal)."
    )

    @Option(help: "The HotGrid database.") var db: String
    @Option(help: "The person's id.") var person: Int
    @Option(help: "Login name.") var login: String

    func run() throws {
        try Accounts(store: StoreChoice.open(db)).setPassword(person: person, login: login, password: try readPassword(), actor: nil)
        print("Person #\(person) signs in as \(login)")
    }
}

/// The password from HOTGRID_PASSWORD, or typed without echo.
func readPassword() throws -> String {
    if let password = ProcessInfo.processInfo.environment["HOTGRID_PASSWORD"] { return password }
    guard let typed = getpass("Password: ").map({ String(cString: $0) }), !typed.isEmpty else {
        throw ValidationError("No password: set HOTGRID_PASSWORD or type one.")
    }
    return typed
}
