import HotGridCore

extension Workspace {
    /// The problems of the person's area, overdue ones only or of one status when filtered.
    public func problems(_ list: [Problem], overdueOnly: Bool, today: Day) -> HTML {
        let filters = ([("", language.t("全部", "All"))] + ProblemStatus.allCases.map { ($0.rawValue, HTML(text: $0.chineseName)) })
            .map { f -> HTML in "<a href=\"/staff/problems\(f.0.isEmpty ? "" : "?status=\(f.0)")\">\(f.1)</a>" }.joined(separator: " · ")
        let title = overdueOnly ? language.t("超期问题", "Overdue problems") : language.t("问题台账", "Problems")
        return page("Problems · HotGrid", """
            <h1>\(title) (\(list.count))</h1><p>\(filters)</p>
            \(problemTable(list, today: today))
            """)
    }

    /// One problem: where and what, its history (Beijing time, by name), and the moves `actions`
    /// this person may make now, and nothing else.
    public func problem(_ p: Problem, history: [ProblemEvent], evidence: [EvidenceLink], actions: [ProblemAction], departments: [Department],
                        message: String?) -> HTML {
        let files = Dictionary(evidence.map { ($0.attachment.sha256, $0) }, uniquingKeysWith: { a, _ in a })
        let events = history.map { e -> HTML in
            let attached = e.evidence.map { sha -> HTML in
                guard let file = files[sha] else { return "<code>\(sha.prefix(12))</code>" }
                let href: HTML = "/staff/problems/\(p.id)/evidence/\(sha)"
                return file.isImage
                    ? "<a href=\"\(href)\"><img src=\"\(href)\" alt=\"\(file.attachment.fileName)\" loading=\"lazy\" class=\"thumb\"></a>"
                    : "<a href=\"\(href)\">\(file.attachment.fileName)</a>"
            }
            return "<tr><td>\(BeijingTime.text(e.at))</td><td>\(person(e.actor))</td><td>\(e.action?.chineseName ?? "登记")</td><td>\(e.to.chineseName)</td>"
                + "<td>\(e.comment)</td><td>\(attached.joined(separator: " "))</td></tr>"
        }
        let options = actions.map { a -> HTML in "<option value=\"\(a.rawValue)\">\(a.chineseName)</option>" }
        let departmentOptions = departments.map { d -> HTML in "<option value=\"\(d.code)\">\(d.name)</option>" }
        // A department and a deadline only where the moves offered take them.
        let assigns = actions.contains { [.assign, .reassign].contains($0) }, dates = assigns || actions.contains(.extend)
        let departmentField: HTML = !assigns ? .empty
            : "<label>\(language.t("责任部门", "Department")) <select name=\"department\"><option value=\"\"></option>\(departmentOptions.joined())</select></label> "
        let deadlineField: HTML = !dates ? .empty : "<label>\(language.t("整改时限", "Deadline")) <input name=\"deadline\" type=\"date\"></label>"
        let act: HTML = options.isEmpty ? .empty : """
            <h2>\(language.t("办理", "Act"))</h2>
            <form method="post" action="/staff/problems/\(p.id)" enctype="multipart/form-data">\(csrfField)
            <input type="hidden" name="seen" value="\(history.count)">
            <p><label>\(language.t("操作", "Action")) <select name="action">\(options.joined())</select></label> \(departmentField)\(deadlineField)</p>
            <p><textarea name="comment" required rows="3" cols="60" placeholder="\(language.plain("说明（必填）", "Comment (required)"))"></textarea></p>
            <p><label>\(language.t("证据（照片、文件；核实销号必传）", "Evidence (photos, documents; needed to verify)"))
            <input type="file" name="evidence[]" multiple></label></p>
            <p><button type="submit">\(language.t("提交", "Submit"))</button></p></form>
            """
        return page("Problem #\(p.id) · HotGrid", """
            <h1>\(language.t("问题", "Problem")) #\(p.id)</h1>
            \(SiteFrame.notice(message))
            <p><a href="/staff/cells/\(p.cell)">\(p.cell)</a> · \(p.category.chineseName) · <b>\(p.status.chineseName)</b> · \(department(p.department)) · \(language.t("时限", "Deadline")) \(p.deadline?.description ?? "—")</p>
            <p>\(language.t("发现人", "Found by")) \(person(p.foundBy)) · \(language.t("发现日期", "Found on")) \(p.foundOn) · \(p.sourceID.map { "\(language.t("污染源", "Source")) #\($0) · " } ?? HTML.empty)\(p.position.longitude, format: "%.5f")°E \(p.position.latitude, format: "%.5f")°N</p>
            <p>\(p.description)</p>
            <table><thead><tr><th>\(language.t("时间", "Time"))</th><th>\(language.t("人员", "By"))</th><th>\(language.t("操作", "Action"))</th>
            <th>\(language.t("状态", "Status"))</th><th>\(language.t("说明", "Comment"))</th><th>\(language.t("证据", "Evidence"))</th></tr></thead>
            <tbody>\(events.joined(separator: "\n"))</tbody></table>
            \(act)
            """)
    }

    /// A file attached to a problem's history, and whether the page shows it as a photo.
    public struct EvidenceLink: Sendable {
        public let attachment: Attachment
        public let isImage: Bool

        public init(attachment: Attachment, isImage: Bool) {
            self.attachment = attachment
            self.isImage = isImage
        }
    }
}
