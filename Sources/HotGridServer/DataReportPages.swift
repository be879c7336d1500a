import Foundation
import HotGridCore
import HotGridService
import Hummingbird

/// "Report a data error": a public form (ten reports an hour per client) whose reports go to a
/// named officer of the city, and the workspace page where officers read and answer them.
struct DataReportPages: Sendable {
    let staff: StaffPages
    let desk: DataReportDesk
    /// Shared with the API: ten reports an hour per client, however they come.
    let throttle: Throttle
    var portal: Portal { staff.portal }

    struct ReportForm: Decodable {
        let cell: String?
        let city: String?
        let message: String
        let contact: String?
    }

    struct AnswerForm: Decodable {
        let answer: String
    }

    func register(on router: Router<AppRequestContext>) {
        router.get("report") { request, _ in
            JSONBody.html(formPage(Portal.Language(request), cell: request.uri.queryParameters.get("cell") ?? "", message: nil))
        }
        router.post("report") { request, context in
            let language = Portal.Language(request)
            let form: ReportForm = try await Forms.decode(request)
            try throttle.check(context.remoteAddress, code: "too_many_requests", what: "reports from here")
            let cellText = form.cell?.trimmingCharacters(in: .whitespaces) ?? ""
            do {
                guard cellText.isEmpty || CellID(cellText) != nil else { throw LedgerError.unknownCell(cellText) }
                let (report, officer) = try desk.submit(cell: CellID(cellText), city: form.city.flatMap { $0.isEmpty ? nil : $0 },
                                                        message: form.message, contact: form.contact)
                throttle.record(context.remoteAddress)
                return JSONBody.html(thanks(language, report: report, officer: officer), status: .created)
            } catch let error as LedgerError {
                return JSONBody.html(formPage(language, cell: cellText, message: error.description), status: .unprocessableContent)
            }
        }
        router.get("staff/reports") { request, context in
            JSONBody.html(try inbox(context.signedIn(), context, Portal.Language(request), message: nil))
        }
        router.post("staff/reports/:id") { request, context in
            let person = try context.signedIn()
            guard let id = context.parameters.get("id", as: Int.self) else { throw APIError.notFound("no such report") }
            let form: AnswerForm = try await Forms.decode(request)
            do { _ = try staff.ledger(person).answer(report: id, with: form.answer) } catch let error as LedgerError {
                return JSONBody.html(try inbox(person, context, Portal.Language(request), message: error.description), status: .unprocessableContent)
            }
            return Response(status: .seeOther, headers: [.location: "/staff/reports"])
        }
    }

    func formPage(_ language: Portal.Language, cell: String, message: String?) -> String {
        let cities = portal.catalog.cityNames.sorted { $0.key < $1.key }
            .map { "<option value=\"\($0.key)\">\(HTML.escape($0.value))</option>" }.joined()
        return portal.page("Report a data error · HotGrid", language, """
            <h1>\(language.t("报告数据错误", "Report a data error"))</h1>
            <p>\(language.t("发现公布的数据或名单有误？请告诉我们。报告将转交该市的负责人员处理并答复。",
                            "Does a published figure or list look wrong? Tell us: the report goes to the responsible officer of the city, who answers it."))</p>
            \(message.map { "<p class=\"correction\">\(HTML.escape($0))</p>" } ?? "")
            <form method="post" action="/report\(language.query)">
            <p><label>\(language.t("网格编号（可选）", "Cell id (optional)"))<br><input name="cell" value="\(HTML.escape(cell))" placeholder="3K-R01234-C05678"></label></p>
            <p><label>\(language.t("或城市", "or city"))<br><select name="city"><option value=""></option>\(cities)</select></label></p>
            <p><label>\(language.t("哪里有误", "What looks wrong"))<br><textarea name="message" required maxlength="4000" rows="5" cols="60"></textarea></label></p>
            <p><label>\(language.t("联系方式（可选，仅工作人员可见）", "How to reach you (optional, seen by staff only)"))<br><input name="contact" maxlength="200"></label></p>
            <p><button type="submit">\(language.t("提交", "Send"))</button></p></form>
            """)
    }

    func thanks(_ language: Portal.Language, report: DataReport, officer: Person?) -> String {
        let who = officer.map { "\(HTML.escape($0.name))（\($0.role.chineseName)）" } ?? language.t("待指定", "to be assigned")
        return portal.page("Report received · HotGrid", language, """
            <h1>\(language.t("已收到您的报告", "Report received"))</h1>
            <p class="receipt">\(language.t("编号", "Reference")) <b>#\(report.id)</b> · \(HTML.escape(portal.catalog.cityNames[report.cityCode] ?? report.cityCode))
            · \(language.t("转交", "Routed to")) <b>\(who)</b></p>
            <p><a href="/\(language.query)">\(language.t("返回地图", "Back to the map"))</a></p>
            """)
    }

    func inbox(_ person: Person, _ context: AppRequestContext, _ language: Portal.Language, message: String?) throws -> String {
        let reports = try staff.ledger(person).dataReports()
        let names = Dictionary(uniqueKeysWithValues: try staff.store.persons().map { ($0.id, $0.name) })
        let rows = reports.map { r in
            let answer = r.status == .answered
                ? "\(HTML.escape(r.answer ?? "")) <span class=\"en\">\(HTML.escape(r.answeredBy.flatMap { names[$0] } ?? "")) \(HTML.escape(r.answeredAt ?? ""))</span>"
                : """
                <form method="post" action="/staff/reports/\(r.id)"><input type="hidden" name="csrf" value="\(context.csrf ?? "")">
                <textarea name="answer" required rows="2" cols="40"></textarea> <button>\(language.t("答复", "Answer"))</button></form>
                """
            return "<tr\(r.status == .open ? " class=\"overdue\"" : "")><td>#\(r.id)</td><td>\(HTML.escape(r.submittedAt))</td>"
                + "<td>\(r.cell.map { "<a href=\"/staff/cells/\($0)\">\($0)</a>" } ?? HTML.escape(portal.catalog.cityNames[r.cityCode] ?? r.cityCode))</td>"
                + "<td>\(HTML.escape(r.message))</td><td>\(HTML.escape(r.contact ?? ""))</td>"
                + "<td>\(HTML.escape(r.officer.flatMap { names[$0] } ?? "—"))</td><td>\(answer)</td></tr>"
        }.joined(separator: "\n")
        return staff.staffPage("Data reports · HotGrid", person, context, language, """
            <h1>\(language.t("数据纠错", "Data reports")) (\(reports.filter { $0.status == .open }.count) \(language.t("待答复", "open")))</h1>
            \(message.map { "<p class=\"correction\">\(HTML.escape($0))</p>" } ?? "")
            <table><thead><tr><th>#</th><th>\(language.t("时间", "Sent"))</th><th>\(language.t("网格/城市", "Cell or city"))</th>
            <th>\(language.t("内容", "Report"))</th><th>\(language.t("联系方式", "Contact"))</th><th>\(language.t("负责人", "Officer"))</th>
            <th>\(language.t("答复", "Answer"))</th></tr></thead><tbody>\(rows)</tbody></table>
            """)
    }
}
