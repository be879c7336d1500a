import HotGridCore

/// The staff workspace as one signed-in person sees it: every page carries its sections, who is
/// signed in and sign-out; every form carries the session's CSRF token.
public struct Workspace: Sendable {
    let person: Person
    /// The session's CSRF token, echoed by every form.
    let csrf: String
    let language: Language
    let names: Names

    public init(person: Person, csrf: String, language: Language, names: Names) {
        self.person = person
        self.csrf = csrf
        self.language = language
        self.names = names
    }

    /// The hidden field every form of the workspace carries.
    var csrfField: HTML { "<input type=\"hidden\" name=\"csrf\" value=\"\(csrf)\">" }

    /// A whole page under `title` (plain text).
    func page(_ title: String, _ body: HTML) -> HTML {
        var links: [(String, HTML)] = [("/staff", language.t("工作台", "Workspace")), ("/staff/problems", language.t("问题台账", "Problems")),
                                       ("/staff/problems?overdue=true", language.t("超期", "Overdue")), ("/staff/reports", language.t("数据纠错", "Data reports"))]
        if person.role == .admin { links.append(("/staff/users", language.t("用户", "Users"))) }
        return SiteFrame.page(title, language, """
            <p class="who">\(links.map { link -> HTML in "<a href=\"\(link.0)\">\(link.1)</a>" }.joined(separator: " · ")) ·
            \(person.name) · \(person.role.chineseName) · \(scope(person.scope))
            <form method="post" action="/logout" style="display:inline">\(csrfField)
            <button>\(language.t("退出", "Sign out"))</button></form></p>
            \(body)
            """)
    }

    /// Problems, overdue first, then open, then closed, as of `today`.
    func problemTable(_ problems: some Sequence<Problem>, today: Day) -> HTML {
        func order(_ p: Problem) -> (Int, Int, Int) { (p.isOverdue(on: today) ? 0 : 1, p.status.isClosed ? 1 : 0, p.id) }
        let rows = problems.sorted { order($0) < order($1) }.map { p -> HTML in
            let overdue = p.isOverdue(on: today)
            return "<tr\(overdue ? " class=\"overdue\"" as HTML : .empty)><td><a href=\"/staff/problems/\(p.id)\">#\(p.id)</a></td>"
                + "<td><a href=\"/staff/cells/\(p.cell)\">\(p.cell)</a></td>"
                + "<td>\(p.category.chineseName)</td><td>\(p.status.chineseName)</td><td>\(department(p.department))</td>"
                + "<td>\(p.deadline?.description ?? "")</td><td>\(overdue ? language.t("超期", "overdue") : .empty)</td></tr>"
        }
        return """
            <table class="problems"><thead><tr><th>#</th><th>\(language.t("网格", "Cell"))</th><th>\(language.t("类别", "Category"))</th>
            <th>\(language.t("状态", "Status"))</th><th>\(language.t("责任部门", "Department"))</th><th>\(language.t("时限", "Deadline"))</th><th></th></tr></thead>
            <tbody>\(rows.joined(separator: "\n"))</tbody></table>
            """
    }
}
