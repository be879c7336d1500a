import Foundation
import Testing
import HotGridCore
import HotGridSQLite
import HotGridStore
@testable import HotGridService

/// A database of Beijing's cells (the city of the PRSA stations).
func beijingDatabase(_ scratch: Scratch) throws -> SQLiteStore {
    let path = scratch.path("beijing.sqlite")
    try RegionSetup(source: .bundled(region: "2+26"), cities: ["110100"]).run(into: SQLiteAddress(path: path))
    return try SQLiteStore(opening: path)
}

@Suite("Ingesting stations")
struct StationIngestTests {
    @Test("Real Beijing hours (UCI PRSA excerpt) become the daily means HJ 663 gives, coverage kept")
    func realBeijingData() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let store = try beijingDatabase(scratch)
        let stations = try fixture("beijing-prsa/stations.csv"), observations = try fixture("beijing-prsa/observations.csv")
        let summary = try StationIngest(stationsPath: stations, observationsPath: observations).run(store: store)
        #expect(summary.stationsInRegion == 3 && summary.stationsOutside.isEmpty)
        #expect(summary.observationRows == 4320 && summary.hourlyRows == 4320)
        #expect(summary.stored.stationDays == 180)

        // Recompute independently from the file: per station-day, valid hours and their mean.
        var hours: [String: [Double]] = [:], seen: [String: Int] = [:]
        for line in try String(contentsOfFile: observations, encoding: .utf8).split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let key = "\(f[0]) \(f[1].prefix(10))"
            seen[key, default: 0] += 1
            if let v = Double(f[2]) { hours[key, default: []].append(v) }
        }
        let stored = try store.stationDays()
        #expect(stored.count == seen.count)
        var below = 0
        for day in stored {
            let values = hours["\(day.stationID) \(day.day)"] ?? []
            #expect(day.validHours == values.count)
            if values.count >= 20 {
                let mean = values.reduce(0, +) / Double(values.count)
                #expect(abs((day.pm25 ?? -1) - mean) < 1e-9)
            } else {
                below += 1
                #expect(day.pm25 == nil)
            }
        }
        #expect(below > 0, "the excerpt has real gaps: some days fall below 20 hours")
        #expect(summary.stored.validDays == 180 - below)
        #expect(Set(try store.stations().map(\.id)) == ["1002A", "1003A", "1009A"])
    }

    @Test("A station outside the region is reported and kept out, with its rows")
    func outsideStation() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let store = try beijingDatabase(scratch)
        let stations = try scratch.write("stations.csv", "station_id,name,lon,lat\n1003A,东四,116.4174,39.9289\n1141A,上海,121.47,31.23\n")
        let observations = try scratch.write("obs.csv", "station_id,time,pm25\n1003A,2017-01-01,80\n1141A,2017-01-01,50\n")
        let summary = try StationIngest(stationsPath: stations, observationsPath: observations).run(store: store)
        #expect(summary.stationsOutside == ["1141A"])
        #expect(summary.rowsOutsideRegion == 1)
        #expect(try store.stationDays() == [StationDay(stationID: "1003A", day: Day("2017-01-01")!, pm25: 80, validHours: nil)])
    }

    @Test("Re-ingesting a day replaces it")
    func replaces() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let store = try beijingDatabase(scratch)
        let stations = try scratch.write("stations.csv", "station_id,name,lon,lat\n1003A,东四,116.4174,39.9289\n")
        for value in ["80", "95.5"] {
            let observations = try scratch.write("obs.csv", "station_id,time,pm25\n1003A,2017-01-01,\(value)\n")
            _ = try StationIngest(stationsPath: stations, observationsPath: observations).run(store: store)
        }
        #expect(try store.stationDays().map(\.pm25) == [95.5])
    }

    @Test("Each kind of bad row names file and line and leaves the database as it was", arguments: [
        ("1003A,2017-01-01T08:00,abc", "pm25 'abc' is not a number"),
        ("1003A,2017-01-01T08:00,-3", "pm25 -3 is negative"),
        ("9999A,2017-01-01T08:00,10", "unknown station '9999A'"),
        ("1003A,01/01/2017 08:00,10", "time '01/01/2017 08:00'"),
        ("1003A,2017-01-01T07:00,10", "second value for 2017-01-01 7:00"),
        ("1003A,2017-01-01T08:00,1e308", "pm25 1e308 is above 2000"),
        ("1003A,2017-01-01T08:00,1e309", "pm25 '1e309' is not a number"),
        ("1003A,2017-01-01T08:00,99999", "pm25 99999 is above 2000"),
        ("1003A,2017-01-01T08:00,0x1p6", "pm25 '0x1p6' is not a number"),
        ("1003A,2017-01-01T08:00,nan", "pm25 'nan' is not a number"),
        ("1003A,2017-01-01T08:00,1\u{0}2", "is not a number"),
    ])
    func badObservation(row: String, message: String) throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let store = try beijingDatabase(scratch)
        let stations = try scratch.write("stations.csv", "station_id,name,lon,lat\n1003A,东四,116.4174,39.9289\n")
        let good = try scratch.write("good.csv", "station_id,time,pm25\n1003A,2016-12-31,70\n")
        _ = try StationIngest(stationsPath: stations, observationsPath: good).run(store: store)
        let before = try fingerprint(of: store.path)
        let bad = try scratch.write("bad.csv", "station_id,time,pm25\n1003A,2017-01-01T07:00,12\n1003A,2017-01-02,9\n\(row)\n")
        #expect {
            try StationIngest(stationsPath: stations, observationsPath: bad).run(store: store)
        } throws: { error in
            guard case let IngestError.badRow(path, line, problem) = error else { return false }
            return path == bad && line == 4 && problem.contains(message)
        }
        #expect(try fingerprint(of: store.path) == before)

        let summary = try StationIngest(stationsPath: stations, observationsPath: bad, skipBadRows: true).run(store: store)
        #expect(summary.skippedRows == 1)
        #expect(summary.skippedExamples.first?.contains("bad.csv:4") == true)
        #expect(try store.stationDays().count == 3)
    }

    @Test("Bad station rows and headers are refused by line", arguments: [
        ("1003A,东四,216.4,39.9", "lon '216.4'"),
        ("1003A,东四,116.4,north", "lat 'north'"),
        (",东四,116.4,39.9", "station_id is empty"),
    ])
    func badStation(row: String, message: String) throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let store = try beijingDatabase(scratch)
        let before = try fingerprint(of: store.path)
        let stations = try scratch.write("stations.csv", "station_id,name,lon,lat\n\(row)\n")
        let observations = try scratch.write("obs.csv", "station_id,time,pm25\n")
        #expect {
            try StationIngest(stationsPath: stations, observationsPath: observations).run(store: store)
        } throws: { error in
            "\(error)".contains("stations.csv:2") && "\(error)".contains(message)
        }
        let noHeader = try scratch.write("headless.csv", "id,name,x,y\n1003A,东四,116.4,39.9\n")
        #expect(throws: IngestError.missingColumn(path: noHeader, column: "station_id", present: ["id", "name", "x", "y"])) {
            try StationIngest(stationsPath: noHeader, observationsPath: observations).run(store: store)
        }
        // A folder where a file belongs says so.
        #expect(throws: IngestError.cannotRead(path: scratch.url.path, reason: "is a folder; give the CSV file inside it")) {
            try StationIngest(stationsPath: scratch.url.path, observationsPath: observations).run(store: store)
        }
        #expect(try fingerprint(of: store.path) == before)
    }

    @Test("CSV quoting, a BOM and CRLF line ends are read as RFC 4180 says")
    func csvDialect() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let path = try scratch.write("q.csv", "\u{FEFF}a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\r\n\r\n1,\"two\nlines\",3\r\n")
        var rows: [(Int, [String])] = []
        var header: [String] = []
        try CSVReader(path: path).read(header: { header = $0 }) { rows.append(($0, $1)) }
        #expect(header == ["a", "b", "c"])
        #expect(rows.map(\.0) == [2, 4])
        #expect(rows.map(\.1) == [["x, y", "say \"hi\"", ""], ["1", "two\nlines", "3"]])
    }
}
