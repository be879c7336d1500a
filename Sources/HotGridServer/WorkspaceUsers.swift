import Foundation
import HotGridCore
import HotGridPages
import HotGridService
import Hummingbird

/// User management for administrators: every member of staff with their role, scope and login;
/// adding a user with a login; setting a new password (which signs the person out everywhere).
struct WorkspaceUsers: Sendable {
    let staff: StaffPages

    struct NewUserForm: Decodable, Sendable {
        let login: String
        let password: String
        let name: String
        let role: String
        let scope: String
        let department: String?
    }

    struct PasswordForm: Decodable, Sendable {
        let person: Int
        let login: String
        let password: String
    }

    func register(on router: Router<AppRequestContext>) {
        router.get("staff/users") { request, context in
            JSONBody.html(try page(try admin(context.signedIn()), context, request, message: nil))
        }
        router.post("staff/users") { request, context in
            let person = try admin(context.signedIn())
            let form: NewUserForm = try await Forms.decode(request)
            let accounts = staff.auth.accounts
            return try await acting(person, context, request) {
                guard let role = Role(rawValue: form.role) else { throw LedgerError.invalid(field: .role, reason: "choose a role") }
                guard let scope = StaffScope(form.scope) else { throw LedgerError.invalid(field: .scope, reason: "region, city:CODE, county:CODE or cells") }
                _ = try await PasswordWork.shared.run {
                    try accounts.addUser(login: form.login, password: form.password, name: form.name, role: role, scope: scope,
                                         department: form.department.flatMap { $0.isEmpty ? nil : $0 }, actor: person.id)
                }
            }
        }
        router.post("staff/users/password") { request, context in
            let person = try admin(context.signedIn())
            let form: PasswordForm = try await Forms.decode(request)
            let accounts = staff.auth.accounts
            return try await acting(person, context, request) {
                try await PasswordWork.shared.run { try accounts.setPassword(person: form.person, login: form.login, password: form.password, actor: person.id) }
            }
        }
    }

    func admin(_ person: Person) throws -> Person {
        guard person.role == .admin else { throw APIError.forbidden("only an admin manages users") }
        return person
    }

    func acting(_ person: Person, _ context: AppRequestContext, _ request: Request, _ change: () async throws -> Void) async throws -> Response {
        do { try await change() } catch let error as LedgerError {
            return JSONBody.html(try page(person, context, request, message: error.message(for: .page)), status: .unprocessableContent)
        }
        return Response(status: .seeOther, headers: [.location: "/staff/users"])
    }

    func page(_ person: Person, _ context: AppRequestContext, _ request: Request, message: String?) throws -> HTML {
        try staff.workspace(person, context, request).users(try staff.store.persons(), logins: try staff.store.logins(), departments: try staff.store.departments(),
                                                        minimumPasswordLength: Accounts.minimumPasswordLength, message: message)
    }
}
