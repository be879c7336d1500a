import Testing
import HotGridCore
@testable import HotGridService

@Suite("Observation time stamps")
struct ObservationTimeTests {
    @Test("ISO 8601 forms become Beijing-time days and hours", arguments: [
        ("2017-01-01", "2017-01-01", nil as Int?),
        ("2017-01-01T08:00", "2017-01-01", 8),
        ("2017-01-01 23:00:00", "2017-01-01", 23),
        ("2017-01-01T00:00Z", "2017-01-01", 8),
        ("2016-12-31T20:00:00Z", "2017-01-01", 4),
        ("2017-01-01T08:00+08:00", "2017-01-01", 8),
        ("2017-01-01T01:00:00+0900", "2017-01-01", 0),
        ("2017-01-01T00:00-01", "2017-01-01", 9),
        ("2017-03-01T00:00:00.000", "2017-03-01", 0),
    ])
    func parses(text: String, day: String, hour: Int?) throws {
        let parsed = try ObservationTime.parse(text).get()
        #expect(parsed == ObservationTime(day: Day(day)!, hour: hour))
    }

    @Test("Anything else is refused with a reason", arguments: [
        "yesterday", "2017-13-01T00:00", "2017-01-01T24:00", "2017-01-01T08:30", "2017-01-01T08:00+05:30",
        "2017-01-01T08:00:15", "2017-01-01X08:00", "2017-01-01T08:00+99", "17-01-01T08:00", "1900-01-01T08:00", "9999-12-31", "0000-01-01",
    ])
    func refuses(text: String) {
        guard case let .failure(problem) = ObservationTime.parse(text) else {
            Issue.record("\(text) parsed")
            return
        }
        #expect(problem.message.contains(text))
    }
}
