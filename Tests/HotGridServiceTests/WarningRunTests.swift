import Foundation
import GRDB
import Testing
import HotGridCore
import HotGridSQLite
import HotGridStore
@testable import HotGridService

/// Hebi (410600) and Puyang (410900) with two years of daily PM2.5 built so that every month's
/// warnings are known: a hotspot cell's value is constant (50 + k in Hebi, 40 + k in Puyang, k its
/// rank by cell id), other cells read 100 (never warned: not hotspots), so every year-on-year and
/// month-on-month change is exactly 0 and ties go to the smallest id, except:
/// Hebi's h[9] misses 4 days of February 2018 (24 < 25 valid: no mean) and h[3] doubles in August 2018.
struct WarningWorld {
    let scratch: Scratch
    let store: SQLiteStore
    let hebi: [CellID], puyang: [CellID]

    init() throws {
        scratch = try Scratch()
        let db = scratch.path("warn.sqlite")
        try RegionSetup(source: .bundled(region: "2+26"), cities: ["410600", "410900"]).run(into: SQLiteAddress(path: db))
        store = try SQLiteStore(opening: db)
        let cells = try store.cells()
        hebi = Array(cells.filter { $0.cityCode == "410600" }.map(\.id).sorted().prefix(10))
        puyang = Array(cells.filter { $0.cityCode == "410900" }.map(\.id).sorted().prefix(5))
        var base = [Float](repeating: 100, count: cells.count)
        let index = Dictionary(uniqueKeysWithValues: cells.enumerated().map { ($1.id, $0) })
        for (k, c) in hebi.enumerated() { base[index[c]!] = Float(50 + k) }
        for (k, c) in puyang.enumerated() { base[index[c]!] = Float(40 + k) }
        let h9 = index[hebi[9]]!, h3 = index[hebi[3]]!
        try store.importField(variable: FieldVariable.pm25.rawValue, source: "test", summary: { "test" }) { sink in
            for day in stride(from: Day("2017-01-01")!, through: Day("2018-12-31")!, by: 1) {
                var values = base
                let (y, m, d) = day.components
                if y == 2018, m == 2, d <= 4 { values[h9] = .nan }
                if y == 2018, m == 8 { values[h3] *= 2 }
                try sink.put(day: day, values: values)
            }
        }
        for year in [2016, 2017] {
            let entries = (hebi + puyang).enumerated().map { HotspotEntry(cell: $1, rank: $0 + 1, emissionIndex: 1, pm25Annual: nil) }
            try store.saveHotspotList(HotspotList(year: year, method: "test", policy: .regional, entries: entries))
        }
    }

    func reasons(_ list: WarningList) -> [CellID: [WarningReason]] {
        Dictionary(uniqueKeysWithValues: list.cells.map { ($0.cell, $0.reasons) })
    }
}

@Suite("Warning lists, escalations and publications on a database")
struct WarningRunTests {
    @Test("Two years of monthly warnings and escalations follow the rules exactly")
    func twoYears() throws {
        let w = try WarningWorld()
        defer { w.scratch.cleanUp() }
        let (h, p) = (w.hebi, w.puyang)
        let first = try WarningRun().run(from: Month("2017-01")!, to: Month("2017-12")!, store: w.store)
        // The first year: no 2016 means, so no year-on-year warnings, and none on the month before in January.
        #expect(w.reasons(first[0].list) == [h[9]: [.highestConcentration], p[4]: [.highestConcentration]])
        #expect(w.reasons(first[1].list) == [h[9]: [.highestConcentration], h[0]: [.worstMonthOnMonth],
                                             p[4]: [.highestConcentration], p[0]: [.worstMonthOnMonth]])
        #expect(first.allSatisfy { $0.list.hotspotYear == 2016 })
        let second = try WarningRun().run(from: Month("2018-01")!, to: Month("2018-12")!, store: w.store)
        #expect(second.allSatisfy { $0.list.hotspotYear == 2017 })
        // January compares with December of the year before: month 13.
        let jan = second[0].list.cells.first { $0.cell == h[0] }
        #expect(jan?.reasons == [.worstYearOnYear, .worstMonthOnMonth] && jan?.monthOnMonthPercent == 0 && jan?.yearOnYearPercent == 0)
        // February: h[9] has 24 valid days (< 25), so it takes part in nothing; h[8] is highest.
        #expect(w.reasons(second[1].list)[h[9]] == nil && w.reasons(second[1].list)[h[8]] == [.highestConcentration])
        // August: h[3] doubles and is warned once for all three kinds.
        let aug = second[7].list.cells.first { $0.cell == h[3] }
        #expect(aug?.reasons == WarningReason.allCases && aug?.yearOnYearPercent == 100 && aug?.monthOnMonthPercent == 100)
        #expect(w.reasons(second[7].list)[h[0]] == nil && w.reasons(second[7].list)[h[9]] == nil)

        let fired = try w.store.escalations().map { "\($0.cell == h[9] ? "h9" : $0.cell == h[0] ? "h0" : $0.cell == p[4] ? "p4" : $0.cell == p[0] ? "p0" : "?") \($0.month) \($0.rule)" }
        #expect(Set(fired) == [
            "h9 2017-03 consecutive-3", "h9 2017-06 count-6-in-12", "h9 2018-05 consecutive-3", "h9 2018-11 consecutive-3",
            "h0 2017-04 consecutive-3", "h0 2017-07 count-6-in-12", "h0 2018-11 consecutive-3",
            "p4 2017-03 consecutive-3", "p4 2017-06 count-6-in-12", "p0 2017-04 consecutive-3", "p0 2017-07 count-6-in-12",
        ])
        #expect(fired.count == 11)
        let may = try w.store.escalations(month: Month("2018-05")!)
        #expect(may.count == 1 && may[0].consecutiveMonths == 3 && may[0].warningsInWindow == 11
                && may[0].actions == [.publicNotice, .workingGroup, .countyHeadInterview])

        // The cell's history shows the February gap and the warnings.
        let history = try CellHistory(cell: h[9], store: w.store)
        #expect(history.months.count == 24 && history.hotspotRanks.map(\.year) == [2016, 2017])
        let feb = history.months.first { $0.month == Month("2018-02") }!
        #expect(feb.mean.mean == nil && feb.mean.validDays == 24 && feb.mean.expectedDays == 28 && feb.warning == nil)
        #expect(history.months.filter { $0.warning != nil }.count == 22 && history.text.contains("consecutive-3"))
    }

    @Test("Remaking the latest month's list at once still changes its stamps (caches of served pages rely on them)")
    func stamps() throws {
        let w = try WarningWorld()
        defer { w.scratch.cleanUp() }
        let march = Month("2017-03")!
        try WarningRun().run(from: Month("2017-01")!, to: march, store: w.store)
        let (one, all) = (try w.store.warningListStamp(month: march), try w.store.warningListsStamp())
        try WarningRun(quota: .count(1)).run(from: march, to: march, store: w.store)
        #expect(try w.store.warningListStamp(month: march) != one && w.store.warningListsStamp() != all)
    }

    @Test("A city rule fires only in its city")
    func localRule() throws {
        let w = try WarningWorld()
        defer { w.scratch.cleanUp() }
        let rules = try EscalationRuleSet(rules: [EscalationRule(name: "puyang-2", condition: .consecutive(months: 2), scope: .city("410900"),
                                                                 actions: [.gridLeaderInterview])])
        try WarningRun(rules: rules).run(from: Month("2017-01")!, to: Month("2017-06")!, store: w.store)
        let fired = try w.store.escalations()
        #expect(Set(fired.map(\.cell)) == [w.puyang[4], w.puyang[0]] && fired.allSatisfy { $0.rule == "puyang-2" })
        #expect(fired.map(\.month.description).sorted() == ["2017-02", "2017-03"])
    }

    @Test("Bad requests get a clear error and change nothing")
    func refusals() throws {
        let w = try WarningWorld()
        defer { w.scratch.cleanUp() }
        let run = WarningRun()
        func refused(_ from: String, _ to: String, _ expected: WarningError) throws {
            let before = try fingerprint(of: w.store.path)
            #expect(throws: expected) { try run.run(from: Month(from)!, to: Month(to)!, store: w.store) }
            #expect(try fingerprint(of: w.store.path) == before)
        }
        try refused("2016-12", "2016-12", .noHotspotList(Month("2016-12")!))
        try refused("2018-01", "2018-01", .previousMonthMissing(month: Month("2018-01")!, previous: Month("2017-12")!))
        // A range that runs past the estimate stores none of its months.
        try refused("2017-01", "2019-01", .noMeans(Month("2019-01")!))
        try run.run(from: Month("2017-01")!, to: Month("2017-06")!, store: w.store)
        try refused("2017-03", "2017-04", .laterListsExist(from: Month("2017-03")!, later: [Month("2017-05")!, Month("2017-06")!]))
        // Recomputing through the last stored month is allowed.
        try run.run(from: Month("2017-03")!, to: Month("2017-06")!, store: w.store)
        #expect(try w.store.warningMonths().count == 6)

        let rules = try w.scratch.write("rules.json", #"{"rules": [{"name": "x", "type": "consecutive", "months": 0, "actions": ["public_notice"]}]}"#)
        #expect { try WarningRun.loadRules(path: rules) } throws: { error in
            "\(error)".contains("rules.json") && "\(error)".contains("months must be 1 to 120") && "\(error)".contains("rules[0]")
        }
    }

    @Test("Publications are frozen with a SHA-256 of their CSV; a changed list is published as a correction")
    func publications() throws {
        let w = try WarningWorld()
        defer { w.scratch.cleanUp() }
        try WarningRun().run(from: Month("2017-01")!, to: Month("2017-12")!, store: w.store)
        let august = Month("2017-08")!
        let publishing = Publishing(store: w.store)
        let (first, isNew) = try publishing.publish(month: august)
        let csv = try publishing.render(first, format: .csv)
        #expect(isNew && first.replaces == nil && Publishing.sha256(csv) == first.sha256)
        #expect(String(decoding: csv, as: UTF8.self).split(separator: "\n").count == 1 + 4)
        #expect(try publishing.publish(month: august) == (first, false))

        // The list changes (two cells per kind): publishing again makes a correction; the first stays.
        try WarningRun(quota: .count(2)).run(from: august, to: Month("2017-12")!, store: w.store)
        let (second, _) = try publishing.publish(month: august)
        #expect(second.id == first.id + 1 && second.replaces == first.id && second.sha256 != first.sha256)
        #expect(try w.store.publication(id: first.id) == first)
        #expect(try w.store.publications(month: august).map(\.id) == [first.id, second.id])

        // Nobody edits or deletes a publication behind HotGrid's back.
        let queue = try DatabaseQueue(path: w.store.path)
        #expect(throws: (any Error).self) { try queue.write { try $0.execute(sql: "UPDATE publication SET content = 'x'") } }
        #expect(throws: (any Error).self) { try queue.write { try $0.execute(sql: "DELETE FROM publication") } }
        try queue.close()

        let html = String(decoding: try publishing.render(second, format: .html), as: UTF8.self)
        #expect(html.contains("2017年8月大气污染热点网格预警名单") && html.contains(second.sha256) && html.contains("替代第 \(first.id) 号发布"))
        #expect(html.components(separatedBy: "<circle").count - 1 == Set(try publishing.records(second).map { $0["cell_id"]! }).count)
        let geojson = try JSONSerialization.jsonObject(with: publishing.render(second, format: .geojson)) as! [String: Any]
        #expect((geojson["features"] as! [Any]).count == 8)
        #expect((geojson["publication"] as! [String: Any])["csv_sha256"] as? String == second.sha256)

        // The hotspot list loses half its cells (behind HotGrid's back: the store refuses to replace a
        // list warnings were issued from): the published page, which stored its cells, does not change.
        let year = try #require(try w.store.warningList(month: august)).hotspotYear
        let hotspots = try #require(try w.store.hotspotList(year: year))
        #expect(second.hotspotCells.map(Set.init) == Set(hotspots.entries.map(\.cell)))
        let behind = try DatabaseQueue(path: w.store.path)
        try behind.write { try $0.execute(sql: "DELETE FROM hotspot WHERE year = ? AND rank > ?", arguments: [year, hotspots.entries.count / 2]) }
        try behind.close()
        #expect(try w.store.hotspotList(year: year)?.entries.count == hotspots.entries.count / 2)
        let reread = try #require(try w.store.publication(id: second.id))
        #expect(String(decoding: try publishing.render(reread, format: .html), as: UTF8.self) == html)
    }
}

@Suite("warn, escalations, history and publish on the command line")
struct WarningCommandTests {
    @Test("A user warns three months, lists escalations, reads a cell's history and publishes")
    func commands() throws {
        let w = try WarningWorld()
        defer { w.scratch.cleanUp() }
        let db = w.store.path, out = w.scratch.path("warnings.csv")
        let bad = try w.scratch.write("bad-rules.json", #"{"rules": [{"name": "x", "type": "count", "times": 3, "actions": ["public_notice"]}]}"#)
        let refused = try hotgrid(["warn", "--db", db, "--month", "2017-01", "--rules", bad])
        #expect(refused.status != 0 && refused.stderr.contains("bad-rules.json") && refused.stderr.contains("missing \"window\""))
        #expect(try w.store.warningMonths().isEmpty)

        let warn = try hotgrid(["warn", "--db", db, "--from", "2017-01", "--to", "2017-03", "--out", out])
        #expect(warn.status == 0, "\(warn.stderr)")
        #expect(warn.stderr.contains("3 month(s): 10 warnings, 2 escalations"))
        let rows = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        #expect(rows.first == Substring(WarningExport.columns.joined(separator: ",")) && rows.count == 11)

        let escalations = try hotgrid(["escalations", "--db", db])
        #expect(escalations.stdout.split(separator: "\n").count == 3 && escalations.stdout.contains("2017-03,consecutive-3,3,3"))
        let history = try hotgrid(["history", "--db", db, "--cell", w.hebi[9].description])
        #expect(history.status == 0 && history.stdout.contains("鹤壁市") && history.stdout.contains("24 months, 3 warned, 1 escalations"))
        #expect(try hotgrid(["history", "--db", db, "--cell", "3K-R00001-C00001"]).stderr.contains("no cell 3K-R00001-C00001"))

        let page = w.scratch.path("2017-03.html")
        let publish = try hotgrid(["publish", "--db", db, "--month", "2017-03", "--format", "html", "--out", page])
        #expect(publish.status == 0 && publish.stdout.contains("Publication #1 of 2017-03 (first publication)"))
        #expect(try String(contentsOfFile: page, encoding: .utf8).contains("<svg"))
        let listed = try hotgrid(["publications", "--db", db])
        #expect(listed.stdout.contains("1,2017-03,") && listed.stdout.hasSuffix(",,4\n"))
    }
}
