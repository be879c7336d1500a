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

    /// A record of a live file split on commas outside quotes (its `primarypollutant` may hold two).
    static func fields(_ line: String) -> [String] {
        var fields: [String] = [], field = "", quoted = false
        for c in line {
            if c == "\"" { quoted.toggle() } else if c == ",", !quoted { fields.append(field); field = "" } else { field.append(c) }
        }
        return fields + [field]
    }

    @Test("The live release hour by hour (timepoint,stationcode,…): positions from the file or the list, 对照点 kept, each pollutant's mean to 0.01")
    func liveFiles() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let store = try beijingDatabase(scratch)
        let folder = try fixture("cnemc-live")
        let summary = try CNEMCIngest(paths: [folder], stationListPath: nil).run(store: store)
        #expect(summary.files == 24 && summary.stationsInRegion == 3 && summary.stationsOutside == ["1042A"] && summary.backgroundStations == 1)
        #expect(summary.hourRows == 24 * 4)

        // Recomputed by the files' own reading: every stamp closes an hour of 4 January.
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".csv") }
        var sums: [String: (sum: Double, hours: Int)] = [:]
        for file in files {
            let lines = try String(contentsOfFile: folder + "/" + file, encoding: .utf8).split(separator: "\n").map(String.init)
            let header = Self.fields(lines[0])
            for line in lines.dropFirst() {
                let f = Self.fields(line)
                for (column, pollutant) in [("pm2_5", Pollutant.pm25), ("pm10", .pm10), ("so2", .so2), ("no2", .no2), ("o3", .o3), ("co", .co)] {
                    guard let v = Double(f[header.firstIndex(of: column)!]) else { continue }
                    let key = "\(f[1]) \(pollutant.rawValue)", old = sums[key] ?? (0, 0)
                    sums[key] = (old.sum + v, old.hours + 1)
                }
            }
        }
        let stored = try store.stationDays(others: true)
        #expect(stored.count == 3 && stored.allSatisfy { $0.day == Day("2022-01-04")! })
        for day in stored {
            for pollutant in Pollutant.allCases {
                let want = try #require(sums["\(day.stationID) \(pollutant.rawValue)"])
                let got = pollutant == .pm25 ? day.pm25 : day.others[pollutant]
                if want.hours >= 20 { #expect(abs((got ?? -1) - want.sum / Double(want.hours)) < 0.01, "\(day.stationID) \(pollutant)") } else { #expect(got == nil) }
            }
        }
        let stations = try store.stations()
        #expect(stations.map(\.background) == [false, true, false], "定陵(对照点) is the background site")
        #expect(stations[0].position == LonLat(longitude: 116.3621, latitude: 39.8784), "the live file's own position")

        // With the station list, its positions are preferred.
        _ = try CNEMCIngest(paths: [folder], stationListPath: try fixture("cnemc/station-list.csv")).run(store: store)
        #expect(try store.stations()[0].position == LonLat(longitude: 116.366, latitude: 39.8673))
    }

    @Test("A live file's repeated hour, bad timepoint or bad value is refused by file and line, the database unchanged; wide files need the list")
    func liveOddities() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let store = try beijingDatabase(scratch)
        let original = try fixture("cnemc-live/2022-01-04T08.csv")
        let text = try String(contentsOfFile: original, encoding: .utf8)
        let before = try fingerprint(of: store.path)
        let copy = try scratch.write("copy-of-T08.csv", text)
        #expect { try CNEMCIngest(paths: [original, copy], stationListPath: nil).run(store: store) } throws: {
            "\($0)".contains("copy-of-T08.csv:2") && "\($0)".contains("1001A") && "\($0)".contains("twice")
        }
        let offHour = try scratch.write("off.csv", text.replacingOccurrences(of: "2022-01-04T08:00:00,1003A", with: "2022-01-04T08:30:00,1003A"))
        #expect { try CNEMCIngest(paths: [offHour], stationListPath: nil).run(store: store) } throws: { "\($0)".contains("off.csv:4") && "\($0)".contains("08:30") }
        let bad = try scratch.write("bad.csv", text.replacingOccurrences(of: "60,44,4,2,1.3,0.6", with: "60,44,4,2,1e308,0.6"))
        #expect { try CNEMCIngest(paths: [bad], stationListPath: nil).run(store: store) } throws: { "\($0)".contains("bad.csv:4") && "\($0)".contains("CO of station 1003A") }
        #expect { try CNEMCIngest(paths: [try fixture("cnemc/china_sites_20190105.csv")], stationListPath: nil).run(store: store) } throws: {
            "\($0)".contains("--station-list")
        }
        let other = try scratch.write("notes.csv", "a,b\n1,2\n")
        #expect { try CNEMCIngest(paths: [other], stationListPath: nil).run(store: store) } throws: { "\($0)".contains("notes.csv") && "\($0)".contains("not a CNEMC file") }
        #expect(try fingerprint(of: store.path) == before)
    }
}
