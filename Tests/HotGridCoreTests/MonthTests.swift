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

@Suite("Month arithmetic")
struct MonthArithmeticTests {
    @Test("Months step across year ends: month 13 is January of the next year")
    func stepping() throws {
        let dec = try #require(Month("2018-12"))
        #expect(dec.advanced(by: 1) == Month("2019-01"))
        #expect(Month("2019-01")!.previous == dec)
        #expect(Month("2018-03")!.yearEarlier == Month("2017-03"))
        #expect(Month("2018-01")!.advanced(by: -13) == Month("2016-12"))
        #expect(Month("2017-01")!.distance(to: Month("2018-12")!) == 23)
        #expect(Array(stride(from: Month("2017-11")!, through: Month("2018-02")!, by: 1)).map(\.description)
            == ["2017-11", "2017-12", "2018-01", "2018-02"])
    }
}
