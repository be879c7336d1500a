import Foundation
import HotGridCore

/// Logins, password hashes and access tokens (kept as SHA-256 only); every change audited.
public protocol AccountStore: StoreLocated {
    /// Sets (or replaces) the login and password hash of a person, by `actor` (nil: the operator at
    /// the command line), and audits it; a replaced password also ends every session and token of
    /// the person, in the same transaction.
    func setCredential(person: Int, login: String, passwordHash: String, actor: Int?) throws
    /// The person and password hash behind `login`; nil when unknown.
    func credential(login: String) throws -> (person: Int, passwordHash: String)?
    /// Every login, by person.
    func logins() throws -> [Int: String]
    /// Whether anyone can sign in at all.
    func hasCredentials() throws -> Bool
    /// Stores a token (by its SHA-256) for `person` until `expires`; the sign-in is audited
    /// (`sign_in_session` or `sign_in_token`, by the person), so acting as someone leaves a trace.
    func saveToken(sha256: String, person: Int, kind: TokenKind, csrf: String?, expires: Date) throws
    /// The person and CSRF token of a live token of `kind`; nil when unknown or expired.
    func token(sha256: String, kind: TokenKind) throws -> (person: Int, csrf: String?)?
    /// Ends one session or token (signing out), audited as `sign_out` by its person.
    func deleteToken(sha256: String) throws
}

/// How a session or API token was issued.
public enum TokenKind: String, Sendable {
    /// A browser session (HttpOnly cookie), with a CSRF token for forms.
    case session
    /// A bearer token for the API.
    case bearer
}
