import Foundation
import HotGridCore
import HotGridPages
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
            JSONBody.html(formPage(Language(request), cell: request.uri.queryParameters.get("cell") ?? "", message: nil))
        }
        router.post("report") { request, context in
            let language = Language(request)
            let form: ReportForm = try await Forms.decode(request)
            try throttle.check(context.remoteAddress, code: "too_many_requests", what: "reports from here")
            let cellText = form.cell?.trimmingCharacters(in: .whitespaces) ?? ""
            do {
                guard cellText.isEmpty || CellID(cellText) != nil else { throw LedgerError.unknownCell(cellText) }
                let (report, officer) = try desk.submit(cell: CellID(cellText), city: form.city.flatMap { $0.isEmpty ? nil : $0 },
                                                        message: form.message, contact: form.contact)
                throttle.record(context.remoteAddress)
                return JSONBody.html(DataReportForm.thanks(report: report, cityName: portal.catalog.cityNames[report.cityCode] ?? report.cityCode,
                                                           officer: officer, language), status: .created)
            } catch let error as LedgerError {
                return JSONBody.html(formPage(language, cell: cellText, message: error.message(for: .page)), status: .unprocessableContent)
            }
        }
        router.get("staff/reports") { request, context in
            JSONBody.html(try inbox(context.signedIn(), context, request, message: nil))
        }
        router.post("staff/reports/:id") { request, context in
            let person = try context.signedIn()
            guard let id = context.parameters.get("id", as: Int.self) else { throw APIError.notFound("no such report") }
            let form: AnswerForm = try await Forms.decode(request)
            do { _ = try staff.ledger(person).answer(report: id, with: form.answer) } catch let error as LedgerError {
                return JSONBody.html(try inbox(person, context, request, message: error.message(for: .page)), status: .unprocessableContent)
            }
            return Response(status: .seeOther, headers: [.location: "/staff/reports"])
        }
    }

    func formPage(_ language: Language, cell: String, message: String?) -> HTML {
        DataReportForm.render(cityNames: portal.catalog.cityNames, cell: cell, message: message, language)
    }

    func inbox(_ person: Person, _ context: AppRequestContext, _ request: Request, message: String?) throws -> HTML {
        let names = Dictionary(uniqueKeysWithValues: try staff.store.persons().map { ($0.id, $0.name) })
        return try staff.workspace(person, context, request).reports(try staff.ledger(person).dataReports(), names: names, cityNames: portal.catalog.cityNames,
                                                                 message: message)
    }
}
