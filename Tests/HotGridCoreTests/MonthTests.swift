import Testing
@testable import HotGridCore

@Suite("Months")
struct MonthTests {
    @Test("Months parse, print, order and know their days")
    func months() throws {
        let feb = try #require(Month("2016-02"))
        #expect(feb.description == "2016-02" && feb.dayCount == 29)
        #expect(feb.firstDay == Day("2016-02-01") && feb.lastDay == Day("2016-02-29"))
        #expect(Month(Day("2017-12-31")!) == Month(year: 2017, month: 12))
        #expect(Month("2017-13") == nil && Month("2017-1") == nil && Month("17-01") == nil)
        #expect(Month("2016-12")! < Month("2017-01")!)
    }
}
