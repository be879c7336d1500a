import HotGridCore

extension Workspace {
    /// The problems of the person's area, overdue ones only or of one status when filtered.
    public func problems(_ list: [Problem], overdueOnly: Bool, today: Day) -> HTML {
        let filters = ([("", language.t("全部", "All"))] + ProblemStatus.allCases.map { ($0.rawValue, HTML(text: $0.rawValue)) })
            .map { f -> HTML in "<a href=\"/staff/problems\(f.0.isEmpty ? "" : "?status=\(f.0)")\">\(f.1)</a>" }.joined(separator: " · ")
        let title = overdueOnly ? language.t("超期问题", "Overdue problems") : language.t("问题台账", "Problems")
        return page("Problems · HotGrid", """
            <h1>\(title) (\(list.count))</h1><p>\(filters)</p>
            \(problemTable(list, today: today))
            """)
    }

    /// One problem: where and what, its history, and the moves the person may make from its status.
    public func problem(_ p: Problem, history: [ProblemEvent], departments: [Department], message: String?) -> HTML {
        let events = history.map { e -> HTML in
            "<tr><td>\(e.at)</td><td>#\(e.actor)</td><td>\(e.action?.rawValue ?? "record")</td><td>\(e.to.rawValue)</td>"
                + "<td>\(e.comment)</td><td>\(e.evidence.count)</td></tr>"
        }
        let options = ProblemAction.available(from: p.status).map { a -> HTML in "<option value=\"\(a.rawValue)\">\(a.rawValue)</option>" }
        let departmentOptions = departments.map { d -> HTML in "<option value=\"\(d.code)\">\(d.name)</option>" }
        let act: HTML = options.isEmpty ? .empty : """
            <h2>\(language.t("办理", "Act"))</h2>
            <form method="post" action="/staff/problems/\(p.id)" enctype="multipart/form-data">\(csrfField)
            <input type="hidden" name="seen" value="\(history.count)">
            <p><select name="action">\(options.joined())</select> <select name="department"><option value=""></option>\(departmentOptions.joined())</select>
            <input name="deadline" placeholder="YYYY-MM-DD"></p>
            <p><textarea name="comment" required rows="3" cols="60" placeholder="\(language.plain("说明（必填）", "Comment (required)"))"></textarea></p>
            <p><label>\(language.t("证据（照片、文件；核实销号必传）", "Evidence (photos, documents; needed to verify)"))
            <input type="file" name="evidence[]" multiple></label></p>
            <p><button type="submit">\(language.t("提交", "Submit"))</button></p></form>
            """
        return page("Problem #\(p.id) · HotGrid", """
            <h1>\(language.t("问题", "Problem")) #\(p.id)</h1>
            \(SiteFrame.notice(message))
            <p><a href="/staff/cells/\(p.cell)">\(p.cell)</a> · \(p.category.chineseName) · <b>\(p.status.rawValue)</b> · \(p.department ?? "") · \(p.deadline?.description ?? "")</p>
            <p>\(p.description)</p>
            <table><thead><tr><th>\(language.t("时间", "Time"))</th><th>\(language.t("人员", "By"))</th><th>\(language.t("操作", "Action"))</th>
            <th>\(language.t("状态", "Status"))</th><th>\(language.t("说明", "Comment"))</th><th>\(language.t("证据", "Evidence"))</th></tr></thead>
            <tbody>\(events.joined(separator: "\n"))</tbody></table>
            \(act)
            """)
    }
}
