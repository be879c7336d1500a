import Foundation
import Testing
@testable import HotGridCore

@Suite("Calendar days")
struct DayTests {
    @Test("Days count from 1970-01-01 and print as YYYY-MM-DD")
    func ordinals() throws {
        #expect(Day(year: 1970, month: 1, day: 1)?.ordinal == 0)
        #expect(Day(year: 1969, month: 12, day: 31)?.ordinal == -1)
        #expect(Day(year: 2017, month: 1, day: 1)?.ordinal == 17_167)
        #expect(Day(ordinal: 17_167).description == "2017-01-01")
    }

    @Test("Every day of 1899–2101 round-trips through its components and text")
    func roundTrip() throws {
        var day = try #require(Day("1899-01-01"))
        let end = try #require(Day("2101-12-31"))
        var previous: (Int, Int, Int)?
        while day <= end {
            let (y, m, d) = day.components
            #expect(Day(year: y, month: m, day: d) == day)
            if let (py, pm, pd) = previous {
                #expect((y, m, d) > (py, pm, pd))
            }
            previous = (y, m, d)
            day = day.advanced(by: 1)
        }
        #expect(Day(day.advanced(by: -1).description) == end)
    }

    @Test("Leap years follow the Gregorian rule", arguments: [
        ("2016-02-29", true), ("2017-02-29", false), ("2000-02-29", true), ("1900-02-29", false),
    ])
    func leapYears(text: String, exists: Bool) {
        #expect((Day(text) != nil) == exists)
    }

    @Test("Text that is not exactly YYYY-MM-DD is refused", arguments: ["2017-1-01", "2017-01-1", "2017/01/01", "2017-00-10", "2017-04-31", "", "20170101  "])
    func malformed(text: String) {
        #expect(Day(text) == nil)
    }

    @Test("Days subtract and encode as text")
    func arithmetic() throws {
        let a = try #require(Day("2016-12-31")), b = try #require(Day("2017-03-01"))
        #expect(a.distance(to: b) == 60)
        let json = try JSONEncoder().encode([a])
        #expect(String(decoding: json, as: UTF8.self) == #"["2016-12-31"]"#)
        #expect(try JSONDecoder().decode([Day].self, from: json) == [a])
    }
}
