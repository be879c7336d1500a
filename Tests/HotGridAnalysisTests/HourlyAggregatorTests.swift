import Testing
import HotGridCore
@testable import HotGridAnalysis

@Suite("Daily means under HJ 663-2013")
struct HourlyAggregatorTests {
    let day = Day("2017-01-05")!

    @Test("A day needs 20 valid hours; below that it keeps its hours but no mean", arguments: [
        (24, 24, 12.0 as Double?), (20, 20, 10.0 as Double?), (19, 19, nil as Double?), (0, 0, nil as Double?),
    ])
    func threshold(hoursGiven: Int, expectedHours: Int, expectedMean: Double?) throws {
        var aggregator = HourlyAggregator()
        for hour in 0..<24 {
            // Every valid hour carries hoursGiven / 2, so the mean is known.
            try aggregator.add(station: "1001A", day: day, hour: hour, pm25: hour < hoursGiven ? Double(hoursGiven) / 2 : nil)
        }
        let days = aggregator.days()
        #expect(days == [StationDay(stationID: "1001A", day: day, pm25: expectedMean, validHours: expectedHours)])
    }

    @Test("The mean is over valid hours only")
    func meanOfValidHours() throws {
        var aggregator = HourlyAggregator()
        for hour in 0..<22 { try aggregator.add(station: "A", day: day, hour: hour, pm25: Double(hour)) }
        try aggregator.add(station: "A", day: day, hour: 22, pm25: nil)
        let result = try #require(aggregator.days().first)
        #expect(result.validHours == 22)
        #expect(result.pm25 == 10.5)
    }

    @Test("The same hour twice, or hourly and daily values on one day, are refused")
    func conflicts() throws {
        var aggregator = HourlyAggregator()
        try aggregator.add(station: "A", day: day, hour: 3, pm25: 10)
        #expect(throws: HourlyAggregator.Conflict.duplicateHour) { try aggregator.add(station: "A", day: day, hour: 3, pm25: 11) }
        #expect(throws: HourlyAggregator.Conflict.mixedHourlyAndDaily) { try aggregator.addDaily(station: "A", day: day, pm25: 11) }
        try aggregator.addDaily(station: "B", day: day, pm25: 40)
        #expect(throws: HourlyAggregator.Conflict.duplicateDay) { try aggregator.addDaily(station: "B", day: day, pm25: 41) }
        #expect(throws: HourlyAggregator.Conflict.mixedHourlyAndDaily) { try aggregator.add(station: "B", day: day, hour: 0, pm25: 1) }
        // Another station, or another day, is independent.
        try aggregator.add(station: "A", day: day.advanced(by: 1), hour: 3, pm25: 10)
        #expect(aggregator.days().map(\.stationID) == ["A", "A", "B"])
    }

    @Test("A daily value is kept as reported, with no hour count")
    func daily() throws {
        var aggregator = HourlyAggregator()
        try aggregator.addDaily(station: "A", day: day, pm25: 35)
        try aggregator.addDaily(station: "A", day: day.advanced(by: 1), pm25: nil)
        #expect(aggregator.days() == [
            StationDay(stationID: "A", day: day, pm25: 35, validHours: nil),
            StationDay(stationID: "A", day: day.advanced(by: 1), pm25: nil, validHours: nil),
        ])
    }

    @Test("The validity thresholds are China's")
    func rules() {
        #expect(ValidityRule.minimumHoursPerDay == 20)
        #expect(ValidityRule.minimumDays(inMonth: 2) == 25)
        #expect(ValidityRule.minimumDays(inMonth: 7) == 27)
        #expect(ValidityRule.minimumDaysPerYear == 324)
    }
}
