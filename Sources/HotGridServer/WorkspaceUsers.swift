import Foundation
import HotGridCore
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
            JSONBody.html(try page(try admin(context.signedIn()), context, Portal.Language(request), message: nil))
        }
        router.post("staff/users") { request, context in
            let person = try admin(context.signedIn())
            let form: NewUserForm = try await Forms.decode(request)
            let accounts = staff.auth.accounts
            return try await acting(person, context, request) {
                guard let role = Role(rawValue: form.role) else { throw LedgerError.invalid(field: "role", reason: "choose a role") }
                guard let scope = StaffScope(form.scope) else { throw LedgerError.invalid(field: "scope", reason: "region, city:CODE, county:CODE or cells") }
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
            return JSONBody.html(try page(person, context, Portal.Language(request), message: error.description), status: .unprocessableContent)
        }
        return Response(status: .seeOther, headers: [.location: "/staff/users"])
    }

    func page(_ person: Person, _ context: AppRequestContext, _ language: Portal.Language, message: String?) throws -> String {
        let logins = try staff.store.logins()
        let rows = try staff.store.persons().map { p in
            "<tr><td>#\(p.id)</td><td>\(HTML.escape(p.name))</td><td>\(p.role.chineseName) (\(p.role.rawValue))</td>"
                + "<td>\(HTML.escape(p.scope.description))</td><td>\(HTML.escape(p.department ?? ""))</td><td>\(HTML.escape(logins[p.id] ?? "—"))</td></tr>"
        }.joined(separator: "\n")
        let csrf = "<input type=\"hidden\" name=\"csrf\" value=\"\(context.csrf ?? "")\">"
        let roles = Role.allCases.map { "<option value=\"\($0.rawValue)\">\($0.chineseName) (\($0.rawValue))</option>" }.joined()
        let departments = try staff.store.departments().map { "<option value=\"\($0.code)\">\(HTML.escape($0.name))</option>" }.joined()
        let password = "minlength=\"\(Accounts.minimumPasswordLength)\" required autocomplete=\"new-password\""
        return staff.staffPage("Users · HotGrid", person, context, language, """
            <h1>\(language.t("用户", "Users"))</h1>
            \(message.map { "<p class=\"correction\">\(HTML.escape($0))</p>" } ?? "")
            <table><thead><tr><th>#</th><th>\(language.t("姓名", "Name"))</th><th>\(language.t("角色", "Role"))</th><th>\(language.t("范围", "Scope"))</th>
            <th>\(language.t("部门", "Department"))</th><th>\(language.t("账号", "Login"))</th></tr></thead><tbody>\(rows)</tbody></table>
            <h2>\(language.t("添加用户", "Add a user"))</h2>
            <form method="post" action="/staff/users">\(csrf)
            <p><input name="name" required placeholder="\(language.plain("姓名", "Name"))"> <input name="login" required placeholder="\(language.plain("账号", "Login"))">
            <input name="password" type="password" \(password) placeholder="\(language.plain("密码", "Password"))"></p>
            <p><select name="role" required><option value="" selected disabled>\(language.t("选择角色", "Choose a role"))</option>\(roles)</select> <input name="scope" required placeholder="region | city:130100 | county:130102 | cells">
            <select name="department"><option value=""></option>\(departments)</select> <button>\(language.t("添加", "Add"))</button></p></form>
            <h2>\(language.t("重设密码", "Set a password"))</h2>
            <form method="post" action="/staff/users/password">\(csrf)
            <p><input name="person" type="number" required placeholder="#"> <input name="login" required placeholder="\(language.plain("账号", "Login"))">
            <input name="password" type="password" \(password) placeholder="\(language.plain("新密码", "New password"))">
            <button>\(language.t("设置并注销其所有会话", "Set, and sign them out everywhere"))</button></p></form>
            """)
    }
}
