import HotGridCore

extension Workspace {
    /// User management for administrators: every member of staff with role, scope and login; the
    /// forms to add a user and to set a password (which signs the person out everywhere).
    public func users(_ persons: [Person], logins: [Int: String], departments: [Department], minimumPasswordLength: Int, message: String?) -> HTML {
        let rows = persons.map { p -> HTML in
            "<tr><td>#\(p.id)</td><td>\(p.name)</td><td>\(p.role.chineseName)</td>"
                + "<td>\(scope(p.scope))</td><td>\(department(p.department))</td><td>\(logins[p.id] ?? "—")</td></tr>"
        }
        let roles = Role.allCases.map { r -> HTML in "<option value=\"\(r.rawValue)\">\(r.chineseName)</option>" }
        let departmentOptions = departments.map { d -> HTML in "<option value=\"\(d.code)\">\(d.name)</option>" }
        let password: HTML = "minlength=\"\(minimumPasswordLength)\" required autocomplete=\"new-password\""
        return page("Users · HotGrid", """
            <h1>\(language.t("用户", "Users"))</h1>
            \(SiteFrame.notice(message))
            <table><thead><tr><th>#</th><th>\(language.t("姓名", "Name"))</th><th>\(language.t("角色", "Role"))</th><th>\(language.t("范围", "Scope"))</th>
            <th>\(language.t("部门", "Department"))</th><th>\(language.t("账号", "Login"))</th></tr></thead><tbody>\(rows.joined(separator: "\n"))</tbody></table>
            <h2>\(language.t("添加用户", "Add a user"))</h2>
            <form method="post" action="/staff/users">\(csrfField)
            <p><input name="name" required placeholder="\(language.plain("姓名", "Name"))"> <input name="login" required placeholder="\(language.plain("账号", "Login"))">
            <input name="password" type="password" \(password) placeholder="\(language.plain("密码", "Password"))"></p>
            <p><select name="role" required><option value="" selected disabled>\(language.t("选择角色", "Choose a role"))</option>\(roles.joined())</select> <input name="scope" required placeholder="region | city:130100 | county:130102 | cells">
            <select name="department"><option value=""></option>\(departmentOptions.joined())</select> <button>\(language.t("添加", "Add"))</button></p></form>
            <h2>\(language.t("重设密码", "Set a password"))</h2>
            <form method="post" action="/staff/users/password">\(csrfField)
            <p><input name="person" type="number" required placeholder="#"> <input name="login" required placeholder="\(language.plain("账号", "Login"))">
            <input name="password" type="password" \(password) placeholder="\(language.plain("新密码", "New password"))">
            <button>\(language.t("设置并注销其所有会话", "Set, and sign them out everywhere"))</button></p></form>
            """)
    }
}
