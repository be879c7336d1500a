import Foundation
import HotGridCore
import HotGridStore
import HummingbirdBcrypt

/// Logins and tokens: passwords kept as bcrypt hashes, tokens as SHA-256 only.
public struct Accounts: Sendable {
    public let store: any Store
    /// bcrypt's cost (2^cost rounds); 12 by default, lower only in tests.
    public var cost: UInt8 = 12

    public init(store: any Store) { self.store = store }

    /// Passwords need 10 characters at least.
    public static let minimumPasswordLength = 10

    /// Adds a user: a member of staff with a login. The first user of a database (no staff yet)
    /// is its admin and needs no `actor`; later ones are added by an admin (`actor`).
    public func addUser(login: String, password: String, name: String, role: Role, scope: StaffScope, department: String? = nil,
                        actor: Int?) throws -> Person {
        try check(login: login, password: password)
        guard try store.credential(login: login) == nil else { throw LedgerError.invalid(field: .login, reason: "\(login) is taken; choose another") }
        let person: Person
        if try store.persons().isEmpty {
            guard role == .admin else { throw LedgerError.invalid(field: .role, reason: "the first user of a database is its admin") }
            person = try Ledger.addFirstAdmin(store: store, name: name)
        } else {
            guard let actor else { throw LedgerError.invalid(field: .actor, reason: "an admin adds users: give your person id") }
            person = try Ledger(store: store, actor: actor).addPerson(name: name, role: role, scope: scope, department: department, phone: nil)
        }
        try store.setCredential(person: person.id, login: login, passwordHash: Bcrypt.hash(password, cost: cost), actor: actor ?? person.id)
        return person
    }

    /// Gives an existing person a login and password, and signs them out everywhere; audited as
    /// done by `actor` (an admin, the person themself, or nil for the operator at the command line).
    public func setPassword(person: Int, login: String, password: String, actor: Int?) throws {
        try check(login: login, password: password)
        guard try store.person(id: person) != nil else { throw LedgerError.unknownPerson(person) }
        if let holder = try store.credential(login: login)?.person, holder != person {
            throw LedgerError.invalid(field: .login, reason: "\(login) belongs to person #\(holder); choose another")
        }
        try store.setCredential(person: person, login: login, passwordHash: Bcrypt.hash(password, cost: cost), actor: actor)
    }

    private func check(login: String, password: String) throws {
        guard login.count >= 3, login.allSatisfy({ $0.isLetter || $0.isNumber || "._-@".contains($0) }) else {
            throw LedgerError.invalid(field: .login, reason: "use 3 or more letters, digits, '.', '_', '-' or '@'")
        }
        guard password.count >= Self.minimumPasswordLength else {
            throw LedgerError.invalid(field: .password, reason: "use at least \(Self.minimumPasswordLength) characters")
        }
    }

    /// The person behind `login` and `password`; nil when either is wrong. An unknown login costs
    /// a hash at the same cost as checking a known one, so timing does not tell which.
    public func authenticate(login: String, password: String) throws -> Person? {
        guard let credential = try store.credential(login: login) else {
            _ = Bcrypt.hash(password, cost: cost)
            return nil
        }
        guard Bcrypt.verify(password, hash: credential.passwordHash) else { return nil }
        return try store.person(id: credential.person)
    }

    /// Issues a token of `kind` for `person`, valid for `lifetime` seconds; returns it with its CSRF token (sessions).
    public func issue(_ kind: TokenKind, for person: Int, lifetime: TimeInterval) throws -> (token: String, csrf: String?) {
        let token = Self.randomToken(), csrf = kind == .session ? Self.randomToken() : nil
        try store.saveToken(sha256: ContentHash.sha256(Data(token.utf8)), person: person, kind: kind, csrf: csrf,
                            expires: Date().addingTimeInterval(lifetime))
        return (token, csrf)
    }

    /// The person (and session CSRF token) a live token belongs to.
    public func resolve(_ token: String, kind: TokenKind) throws -> (person: Person, csrf: String?)? {
        guard let found = try store.token(sha256: ContentHash.sha256(Data(token.utf8)), kind: kind),
              let person = try store.person(id: found.person) else { return nil }
        return (person, found.csrf)
    }

    public func revoke(_ token: String) throws {
        try store.deleteToken(sha256: ContentHash.sha256(Data(token.utf8)))
    }

    /// 32 random bytes as hex: tokens, CSRF tokens.
    public static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}
