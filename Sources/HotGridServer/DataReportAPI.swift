import Foundation
import HotGridCore
import HotGridService
import Hummingbird

/// `/api/v1/data-reports`: "report a data error" for other systems (a hotline, a city's own
/// portal) — anyone may send one, routed like the portal's form and throttled with it; signed-in
/// officers list the reports of their area and answer them.
struct DataReportAPI: Sendable {
    let desk: DataReportDesk
    let throttle: Throttle
    let staff: StaffPages

    struct NewReport: Decodable {
        let cellID: String?
        let cityCode: String?
        let message: String
        let contact: String?
        enum CodingKeys: String, CodingKey { case message, contact, cellID = "cell_id", cityCode = "city_code" }
    }

    struct Answer: Decodable {
        let answer: String
    }

    /// A report as staff see it (with the reporter's contact).
    struct ReportBody: Encodable, Sendable {
        let report: DataReport
        enum CodingKeys: String, CodingKey {
            case id, message, contact, status, answer, officer
            case cellID = "cell_id", cityCode = "city_code", submittedAt = "submitted_at", answeredBy = "answered_by", answeredAt = "answered_at"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(report.id, forKey: .id)
            try c.encode(report.cell?.description, forKey: .cellID)
            try c.encode(report.cityCode, forKey: .cityCode)
            try c.encode(report.message, forKey: .message)
            try c.encode(report.contact, forKey: .contact)
            try c.encode(report.submittedAt, forKey: .submittedAt)
            try c.encode(report.officer, forKey: .officer)
            try c.encode(report.status.rawValue, forKey: .status)
            try c.encode(report.answer, forKey: .answer)
            try c.encode(report.answeredBy, forKey: .answeredBy)
            try c.encode(report.answeredAt, forKey: .answeredAt)
        }
    }

    /// The sender's receipt: the reference and the officer it went to, never anyone's contact.
    struct Receipt: Encodable {
        let id: Int
        let cityCode: String
        let officer: String?
        let officerRole: String?
        enum CodingKeys: String, CodingKey { case id, officer, cityCode = "city_code", officerRole = "officer_role" }
    }

    func register(on api: RouterGroup<AppRequestContext>) {
        api.post("data-reports") { request, context in
            try throttle.check(context.remoteAddress, code: "too_many_requests", what: "reports from here")
            let body = try await request.decode(as: NewReport.self, context: context)
            let cell = try body.cellID.map { text -> CellID in
                guard let id = CellID(text) else { throw APIError(status: .unprocessableContent, code: "invalid", message: "bad cell id", fields: ["cell_id": text]) }
                return id
            }
            let (report, officer) = try desk.submit(cell: cell, city: body.cityCode, message: body.message, contact: body.contact)
            throttle.record(context.remoteAddress)
            return try JSONBody.response(Receipt(id: report.id, cityCode: report.cityCode, officer: officer?.name, officerRole: officer?.role.rawValue),
                                         status: .created)
        }
        api.get("data-reports") { request, context in
            Envelope(try staff.ledger(context.signedIn()).dataReports().map(ReportBody.init), paging: try Paging(request))
        }
        api.post("data-reports/:id/answer") { request, context in
            guard let id = context.parameters.get("id", as: Int.self) else { throw APIError.notFound("no such data report") }
            let body = try await request.decode(as: Answer.self, context: context)
            return try JSONBody.response(ReportBody(report: staff.ledger(context.signedIn()).answer(report: id, with: body.answer)))
        }
    }
}
