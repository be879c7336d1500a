import HotGridCore

extension Workspace {
    /// The data reports routed to the person's area: open ones with a form to answer them.
    /// `names` gives people's names by id; `cityNames` names a report's city when it names no cell.
    public func reports(_ reports: [DataReport], names: [Int: String], cityNames: [String: String], message: String?) -> HTML {
        let rows = reports.map { r -> HTML in
            let answer: HTML = r.status == .answered
                ? "\(r.answer ?? "") <span class=\"en\">\(r.answeredBy.flatMap { names[$0] } ?? "") \(BeijingTime.text(r.answeredAt))</span>"
                : """
                <form method="post" action="/staff/reports/\(r.id)">\(csrfField)
                <textarea name="answer" required rows="2" cols="40"></textarea> <button>\(language.t("答复", "Answer"))</button></form>
                """
            let about: HTML = r.cell.map { "<a href=\"/staff/cells/\($0)\">\($0)</a>" } ?? HTML(text: cityNames[r.cityCode] ?? r.cityCode)
            return "<tr\(r.status == .open ? " class=\"overdue\"" as HTML : .empty)><td>#\(r.id)</td><td>\(BeijingTime.text(r.submittedAt))</td>"
                + "<td>\(about)</td><td>\(r.message)</td><td>\(r.contact ?? "")</td>"
                + "<td>\(r.officer.flatMap { names[$0] } ?? "—")</td><td>\(answer)</td></tr>"
        }
        return page("Data reports · HotGrid", """
            <h1>\(language.t("数据纠错", "Data reports")) (\(reports.filter { $0.status == .open }.count) \(language.t("待答复", "open")))</h1>
            \(SiteFrame.notice(message))
            <table><thead><tr><th>#</th><th>\(language.t("时间", "Sent"))</th><th>\(language.t("网格/城市", "Cell or city"))</th>
            <th>\(language.t("内容", "Report"))</th><th>\(language.t("联系方式", "Contact"))</th><th>\(language.t("负责人", "Officer"))</th>
            <th>\(language.t("答复", "Answer"))</th></tr></thead><tbody>\(rows.joined(separator: "\n"))</tbody></table>
            """)
    }
}
