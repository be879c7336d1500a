import Foundation
import Testing
import HotGridCore
import HotGridStore
@testable import HotGridService

@Suite("Ingesting CNEMC's files as published")
struct CNEMCIngestTests {
    /// Each station-day's mean of each pollutant and its hours, recomputed from the wide files
    /// by their own reading: a stamp h of date D is the hour h−1…h, and hour 0 the day before's last.
    static func expected(files: [String], days: Set<Day>) throws -> [String: (mean: Double, hours: Int)] {
        var sums: [String: (Double, Int)] = [:]
        for file in files {
            let lines = try String(contentsOfFile: file, encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.isEmpty }
            let codes = lines[0].split(separator: ",").dropFirst(3).map(String.init)
            for line in lines.dropFirst() {
                let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                guard Pollutant(rawValue: f[2]) != nil, let hour = Int(f[1]) else { continue }
                let date = Day(year: Int(f[0].prefix(4))!, month: Int(f[0].dropFirst(4).prefix(2))!, day: Int(f[0].suffix(2))!)!
                let day = hour == 0 ? date.advanced(by: -1) : date
                guard days.contains(day) else { continue }
                for (code, text) in zip(codes, f.dropFirst(3)) {
                    guard let v = Double(text) else { continue }
                    let key = "\(code) \(day) \(f[2])", old = sums[key] ?? (0, 0)
                    sums[key] = (old.0 + v, old.1 + 1)
                }
            }
        }
        return sums.mapValues { ($0.0 / Double($0.1), $0.1) }
    }

    @Test("Two real days of January 2019: every pollutant's daily mean by the hour-ending rule, to 0.01")
    func realFiles() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let store = try beijingDatabase(scratch)
        let folder = try fixture("cnemc"), list = try fixture("cnemc/station-list.csv")
        let summary = try CNEMCIngest(paths: [folder], stationListPath: list).run(store: store)
        #expect(summary.files == 2 && summary.stationsListed == 6 && summary.stationsInRegion == 3)
        #expect(summary.stationsOutside == ["1042A", "3207A"] && summary.stationsWithoutPosition == ["1028A"] && summary.repeatedInList == ["3207A"])
        #expect(summary.hourRows == 2 * 24 * 6)

        let (jan5, jan6) = (Day("2019-01-05")!, Day("2019-01-06")!)
        let stored = try store.stationDays(others: true)
        // 4 January has only its last hour (hour 0 of the 5th's file) here: not stored.
        #expect(Set(stored.map(\.day)) == [jan5, jan6] && stored.count == 6)
        let files = ["china_sites_20190105.csv", "china_sites_20190106.csv"].map { folder + "/" + $0 }
        let expected = try Self.expected(files: files, days: [jan5, jan6])
        for day in stored {
            for pollutant in Pollutant.allCases {
                let want = expected["\(day.stationID) \(day.day) \(pollutant.rawValue)"]
                let got = pollutant == .pm25 ? day.pm25 : day.others[pollutant]
                if let want, want.hours >= 20 {
                    #expect(abs((got ?? -1) - want.mean) < 0.01, "\(day.stationID) \(day.day) \(pollutant)")
                } else {
                    #expect(got == nil, "\(day.stationID) \(day.day) \(pollutant)")
                }
            }
            #expect(day.validHours == expected["\(day.stationID) \(day.day) PM2.5"]?.hours ?? 0)
        }
        // Wanshou Xigong on the 5th, by hand from the files: 24 hours of PM2.5, 22 of PM10.
        let w = try #require(stored.first { $0.stationID == "1001A" && $0.day == jan5 })
        #expect(w.validHours == 24 && abs(w.pm25! - 18.0) < 0.01 && abs(w.others[.pm10]! - 38.91) < 0.01 && abs(w.others[.co]! - 0.608) < 0.01)
        // The 6th lacks the hour the 7th's file would bring.
        #expect(stored.filter { $0.day == jan6 }.allSatisfy { ($0.validHours ?? 0) <= 23 })
    }

    @Test("A value that is no measurement names file, line and station and leaves the database byte-identical; --skip-bad-rows counts it",
          arguments: ["1e308", "99999", "0x1p6", "-5", "nan", "1\u{0}2"])
    func garbage(value: String) throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let store = try beijingDatabase(scratch)
        let list = try fixture("cnemc/station-list.csv")
        var lines = try String(contentsOfFile: try fixture("cnemc/china_sites_20190105.csv"), encoding: .utf8).components(separatedBy: "\r\n")
        // Line 3 is hour 0's PM2.5: 1001A's value becomes the garbage.
        var fields = lines[2].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(fields[2] == "PM2.5")
        fields[3] = value
        lines[2] = fields.joined(separator: ",")
        let bad = try scratch.write("china_sites_20190105.csv", lines.joined(separator: "\r\n"))
        let before = try fingerprint(of: store.path)
        #expect {
            try CNEMCIngest(paths: [bad], stationListPath: list).run(store: store)
        } throws: { error in
            "\(error)".contains("china_sites_20190105.csv:3") && "\(error)".contains("station 1001A")
        }
        #expect(try fingerprint(of: store.path) == before)
        let summary = try CNEMCIngest(paths: [bad], stationListPath: list, skipBadRows: true).run(store: store)
        #expect(summary.skippedValues == 1 && summary.skippedExamples.first?.contains(":3") == true)
    }

    @Test("A code repeated in a header uses its first column; a repeated hour row, a file given twice and a compressed file are refused by name")
    func oddities() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let store = try beijingDatabase(scratch)
        let list = try fixture("cnemc/station-list.csv"), original = try fixture("cnemc/china_sites_20190105.csv")
        let lines = try String(contentsOfFile: original, encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let repeated = try scratch.write("china_sites_20190105.csv", lines.map { $0 + "," + ($0.hasPrefix("date") ? "1001A" : "999") }.joined(separator: "\r\n"))
        let summary = try CNEMCIngest(paths: [repeated], stationListPath: list).run(store: store)
        #expect(summary.repeatedColumns == ["china_sites_20190105.csv: 1001A"])
        #expect(try store.stationDays().first { $0.stationID == "1001A" }.map { $0.pm25! < 100 } == true)

        let twice = try scratch.write("twice.csv", (lines + [lines[2]]).joined(separator: "\r\n"))
        #expect { try CNEMCIngest(paths: [twice], stationListPath: list).run(store: store) } throws: { "\($0)".contains("PM2.5 of 20190105 hour 0 appears twice") }
        #expect { try CNEMCIngest(paths: [original, repeated], stationListPath: list).run(store: store) } throws: { "\($0)".contains("in an earlier file too") && !"\($0)".contains(".csv:0") }
        let gz = try scratch.write("china_sites_20190107.csv.gz", "x")
        #expect { try CNEMCIngest(paths: [gz], stationListPath: list).run(store: store) } throws: { "\($0)".contains("gunzip") }
    }
}
