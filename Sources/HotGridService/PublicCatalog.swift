import Foundation
import Synchronization
import HotGridCore
import HotGridGeo
import HotGridStore

/// What anyone may read, shaped for the API and the portal: the region, hotspot lists, warnings,
/// escalations, publications and a cell's months; never source details or personal data.
/// Cells and their squares are loaded once (they do not change after `hotgrid init`).
public final class PublicCatalog: Sendable {
    public let store: any Store
    let directory: CellDirectory
    public let cells: [Cell]
    /// Each cell's square in WGS84 (closed ring), by dense index.
    let rings: [[LonLat]]
    let index: [CellID: Int]
    /// Each month's warned cells as last read, with the list's stamp: recomputing a month's list
    /// (hotgrid warn) changes the stamp and the rows are read again.
    private let warningCache = Mutex<[Month: (stamp: String, rows: [WarningRow])]>([:])
    /// Stamps and the latest month, re-read from the database at most once a second.
    private let stamps = Mutex<[String: (checked: Date, value: String?)]>([:])

    /// `read()`, re-run only when the value cached under `key` is older than a second.
    private func recent(_ key: String, _ read: () throws -> String?) rethrows -> String? {
        let now = Date()
        if let hit = stamps.withLock({ $0[key] }), now.timeIntervalSince(hit.checked) < 1 { return hit.value }
        let value = try read()
        stamps.withLock { $0[key] = (now, value) }
        return value
    }

    /// What the public pages are drawn from — the warning lists with their escalations, and the
    /// hotspot lists — as one stamp that changes when any does (checked at most once a second).
    public func pageStamp() throws -> String {
        try recent("pages") { "\(try store.warningListsStamp())|\(try store.hotspotListStamp())" } ?? ""
    }

    /// Cells' hotspot years and month rows by cell and the stamps they were read under.
    private let cellHistories = Mutex<[String: (lists: [CellReport.Listing], months: [CellReport.MonthRow])]>([:])

    /// Every cell's monthly means by month, valid while no field is imported (a month of the
    /// estimate is computed from the daily cube once, not on every cell page).
    private let meansCache = Mutex<(stamp: String?, months: [Month]?, means: [Month: [PeriodMean]])>((nil, nil, [:]))

    /// The months with daily PM2.5 and `month`'s means of every cell, from the cache when no
    /// import happened since.
    func cachedMeans(_ month: Month? = nil) throws -> (months: [Month], means: [PeriodMean]?) {
        let stamp = try recent("imports") { try store.fieldImportStamp() }
        let monthly = try MonthlyMeans(store: store)
        let months = try meansCache.withLock { cache -> [Month] in
            if cache.stamp != stamp { cache = (stamp, nil, [:]) }
            if let months = cache.months { return months }
            let months = try store.monthsWithDays(monthly.variable)
            cache.months = months
            return months
        }
        guard let month else { return (months, nil) }
        if let hit = meansCache.withLock({ $0.stamp == stamp ? $0.means[month] : nil }) { return (months, hit) }
        let means = try monthly.means(month)
        if let means { meansCache.withLock { if $0.stamp == stamp { $0.means[month] = means } } }
        return (months, means)
    }

    /// What changes when `month`'s warning list is recomputed (checked at most once a second);
    /// nil when the month has no list.
    public func warningStamp(_ month: Month) throws -> String? {
        try recent("stamp \(month)") { try store.warningListStamp(month: month) }
    }

    public init(store: any Store) throws {
        self.store = store
        directory = try CellDirectory(store: store)
        cells = try store.cells()
        let grid = NationalGrid()
        rings = try cells.map { try grid.boundary(of: $0.id) }
        index = Dictionary(uniqueKeysWithValues: cells.enumerated().map { ($1.id, $0) })
    }

    /// A cell's place, as every public row names it.
    public struct Place: Codable, Sendable, Equatable {
        public let cellID: String
        public let cityCode: String
        public let cityName: String
        public let countyCode: String
        public let countyName: String
        public let lon: Double
        public let lat: Double

        enum CodingKeys: String, CodingKey {
            case cellID = "cell_id", cityCode = "city_code", cityName = "city_name", countyCode = "county_code", countyName = "county_name", lon, lat
        }
    }

    public func place(_ id: CellID) -> Place? {
        guard let i = index[id] else { return nil }
        let c = cells[i]
        return Place(cellID: id.description, cityCode: c.cityCode, cityName: directory.cityNames[c.cityCode] ?? "", countyCode: c.countyCode,
                     countyName: directory.countyNames[c.countyCode] ?? "", lon: Self.round(c.longitude), lat: Self.round(c.latitude))
    }

    static func round(_ v: Double) -> Double { (v * 1e6).rounded() / 1e6 }

    public var cityNames: [String: String] { directory.cityNames }
    public var countyNames: [String: String] { directory.countyNames }

    /// The cell's square as GeoJSON coordinates.
    public func ring(_ id: CellID) -> [[Double]]? {
        index[id].map { rings[$0].map { [Self.round($0.longitude), Self.round($0.latitude)] } }
    }

    /// Whether `id`'s centre lies in `bbox` (min lon, min lat, max lon, max lat).
    public func cell(_ id: CellID, in bbox: [Double]?) -> Bool {
        guard let bbox, let i = index[id] else { return true }
        let c = cells[i]
        return c.longitude >= bbox[0] && c.latitude >= bbox[1] && c.longitude <= bbox[2] && c.latitude <= bbox[3]
    }
}

extension PublicCatalog {
    /// One warned cell of a month.
    public struct WarningRow: Encodable, Sendable {
        public let month: String
        public let place: Place
        public let reasons: [String]
        public let pm25: Double
        public let yoyChangePct: Double?
        public let momChangePct: Double?

        enum CodingKeys: String, CodingKey { case month, reasons, pm25, yoyChangePct = "yoy_change_pct", momChangePct = "mom_change_pct" }

        public func encode(to encoder: any Encoder) throws {
            try place.encode(to: encoder)
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(month, forKey: .month)
            try c.encode(reasons, forKey: .reasons)
            try c.encode((pm25 * 10).rounded() / 10, forKey: .pm25)
            try c.encode(yoyChangePct.map { ($0 * 10).rounded() / 10 }, forKey: .yoyChangePct)
            try c.encode(momChangePct.map { ($0 * 10).rounded() / 10 }, forKey: .momChangePct)
        }


        init(month: Month, place: Place, warning: WarningCell) {
            self.month = month.description
            self.place = place
            reasons = warning.reasons.map(\.rawValue)
            pm25 = warning.pm25
            yoyChangePct = warning.yearOnYearPercent
            momChangePct = warning.monthOnMonthPercent
        }
    }

    /// The month's warned cells (of one city when given), by city, county and cell.
    public func warnings(month: Month, city: String? = nil) throws -> [WarningRow] {
        guard let stamp = try warningStamp(month) else { throw WarningError.noWarningList(month) }
        let cached = warningCache.withLock { cache in cache[month].flatMap { $0.stamp == stamp ? $0.rows : nil } }
        let rows: [WarningRow]
        if let cached {
            rows = cached
        } else {
            guard let list = try store.warningList(month: month) else { throw WarningError.noWarningList(month) }
            rows = list.cells.compactMap { w in place(w.cell).map { WarningRow(month: month, place: $0, warning: w) } }
                .sorted { ($0.place.cityCode, $0.place.countyCode, $0.place.cellID) < ($1.place.cityCode, $1.place.countyCode, $1.place.cellID) }
            warningCache.withLock { $0[month] = (stamp, rows) }
        }
        return city.map { c in rows.filter { $0.place.cityCode == c } } ?? rows
    }

    /// The latest month with a warning list.
    public func latestWarningMonth() throws -> Month? { try recent("latest") { try store.latestWarningMonth()?.description }.flatMap(Month.init) }
}

extension PublicCatalog {
    /// One cell of a hotspot list.
    public struct HotspotRow: Encodable, Sendable {
        public let year: Int
        public let rank: Int
        public let place: Place
        public let emissionIndex: Double
        public let pm25Annual: Double?
        /// The probability that the cell belongs in the list's share; nil when not computed.
        public let probability: Double?

        enum CodingKeys: String, CodingKey { case year, rank, probability, emissionIndex = "emission_index", pm25Annual = "pm25_annual" }

        public func encode(to encoder: any Encoder) throws {
            try place.encode(to: encoder)
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(year, forKey: .year)
            try c.encode(rank, forKey: .rank)
            try c.encode((emissionIndex * 1000).rounded() / 1000, forKey: .emissionIndex)
            try c.encode(pm25Annual.map { ($0 * 100).rounded() / 100 }, forKey: .pm25Annual)
            try c.encode(probability.map { ($0 * 1000).rounded() / 1000 }, forKey: .probability)
        }


        init(year: Int, entry: HotspotEntry, place: Place) {
            self.year = year
            rank = entry.rank
            self.place = place
            emissionIndex = entry.emissionIndex
            pm25Annual = entry.pm25Annual
            probability = entry.probability
        }
    }

    /// The hotspot list of `year` (the latest when nil), of one city when given, by rank.
    public func hotspots(year: Int?, city: String? = nil) throws -> [HotspotRow] {
        guard let year = try year ?? store.hotspotListYears().last, let list = try store.hotspotList(year: year) else {
            throw SelectionError.noList(year: year ?? 0)
        }
        return list.entries.compactMap { e in place(e.cell).map { HotspotRow(year: year, entry: e, place: $0) } }
            .filter { city == nil || $0.place.cityCode == city }
    }

    /// A cell's monthly mean PM2.5 with its data capture: pm25 is null below China's validity
    /// rule (27 valid days, 25 in February).
    public struct MeanRow: Encodable, Sendable {
        public let month: String
        public let place: Place
        public let pm25: Double?
        public let validDays: Int
        public let expectedDays: Int

        enum CodingKeys: String, CodingKey { case month, pm25, validDays = "valid_days", expectedDays = "expected_days" }

        public func encode(to encoder: any Encoder) throws {
            try place.encode(to: encoder)
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(month, forKey: .month)
            try c.encode(pm25.map { ($0 * 10).rounded() / 10 }, forKey: .pm25)
            try c.encode(validDays, forKey: .validDays)
            try c.encode(expectedDays, forKey: .expectedDays)
        }
    }

    /// Every cell's mean of `month` (of a city, or a county); nil when the month has no estimate.
    public func monthlyMeans(month: Month, city: String? = nil, county: String? = nil) throws -> [MeanRow]? {
        guard let means = try cachedMeans(month).means else { return nil }
        return zip(cells, means).compactMap { cell, mean in
            guard city.map({ $0 == cell.cityCode }) ?? true, county.map({ $0 == cell.countyCode }) ?? true, let place = place(cell.id) else { return nil }
            return MeanRow(month: month.description, place: place, pm25: mean.mean, validDays: mean.validDays, expectedDays: mean.expectedDays)
        }
    }

    /// An escalation, as published.
    public struct EscalationRow: Codable, Sendable {
        public let month: String
        public let cellID: String
        public let cityCode: String
        public let countyCode: String
        public let rule: String
        public let consecutiveMonths: Int
        public let warningsInWindow: Int
        public let actions: [String]

        enum CodingKeys: String, CodingKey {
            case month, rule, actions, cellID = "cell_id", cityCode = "city_code", countyCode = "county_code"
            case consecutiveMonths = "consecutive_months", warningsInWindow = "warnings_in_window"
        }
    }

    public func escalations(month: Month?, city: String? = nil) throws -> [EscalationRow] {
        try store.escalations(month: month, cell: nil).compactMap { e in
            guard let p = place(e.cell), city == nil || p.cityCode == city else { return nil }
            return EscalationRow(month: e.month.description, cellID: p.cellID, cityCode: p.cityCode, countyCode: p.countyCode, rule: e.rule,
                                 consecutiveMonths: e.consecutiveMonths, warningsInWindow: e.warningsInWindow, actions: e.actions.map(\.rawValue))
        }
    }

    /// A publication's facts (its content is downloaded separately).
    public struct PublicationInfo: Codable, Sendable {
        public let id: Int
        public let month: String
        public let publishedAt: String
        public let sha256: String
        public let replaces: Int?

        enum CodingKeys: String, CodingKey { case id, month, sha256, replaces, publishedAt = "published_at" }

        init(_ p: Publication) {
            id = p.id
            month = p.month.description
            publishedAt = p.publishedAt
            sha256 = p.sha256
            replaces = p.replaces
        }
    }

    public func publications(month: Month?) throws -> [PublicationInfo] {
        try store.publications(month: month).map(PublicationInfo.init)
    }

    /// What the public may know of a cell: its place, hotspot lists, months, warnings, escalations
    /// and how many of its problems are still open (never which, nor any source detail).
    public struct CellReport: Codable, Sendable {
        public struct MonthRow: Codable, Sendable {
            public let month: String
            public let pm25: Double?
            public let validDays: Int
            public let expectedDays: Int
            public let reasons: [String]
            public let escalations: [String]

            enum CodingKeys: String, CodingKey { case month, pm25, reasons, escalations, validDays = "valid_days", expectedDays = "expected_days" }
        }

        /// One hotspot list holding the cell: its rank and how sure the list is of it.
        public struct Listing: Codable, Sendable {
            public let year: Int
            public let rank: Int
            /// The probability that the cell belongs in that year's selected share; nil when not computed.
            public let probability: Double?
        }

        public let place: Place
        public let hotspotYears: [Int]
        public let hotspotLists: [Listing]
        public let months: [MonthRow]
        public let openProblems: Int

        enum CodingKeys: String, CodingKey {
            case place, months, hotspotYears = "hotspot_years", hotspotLists = "hotspot_lists", openProblems = "open_problems"
        }
    }

    /// A cell's report. Its lists and months are kept until a list or the estimate changes; the
    /// count of open problems, which moves with the ledger, is read every time.
    public func cellReport(_ id: CellID) throws -> CellReport {
        guard let place = place(id) else { throw WarningError.unknownCell(id.description) }
        let key = "\(id)|\(try pageStamp())|\(try recent("imports") { try store.fieldImportStamp() } ?? "")"
        let (lists, months): ([CellReport.Listing], [CellReport.MonthRow])
        if let hit = cellHistories.withLock({ $0[key] }) {
            (lists, months) = hit
        } else {
            let history = try CellHistory(cell: id, store: store, directory: directory, index: index[id], estimatedMonths: cachedMeans().months,
                                          means: { try self.cachedMeans($0).means })
            lists = history.hotspotRanks.map { CellReport.Listing(year: $0.year, rank: $0.rank, probability: $0.probability) }
            months = history.months.map { m in
                CellReport.MonthRow(month: m.month.description, pm25: m.mean.mean.map { ($0 * 10).rounded() / 10 }, validDays: m.mean.validDays,
                                    expectedDays: m.mean.expectedDays, reasons: m.warning?.reasons.map(\.rawValue) ?? [], escalations: m.escalations.map(\.rule))
            }
            cellHistories.withLock { all in
                if all.count >= 10_000 { all.removeAll() }
                all[key] = (lists, months)
            }
        }
        let open = try store.problems(cell: id).filter { !$0.status.isClosed }.count
        return CellReport(place: place, hotspotYears: lists.map(\.year), hotspotLists: lists, months: months, openProblems: open)
    }
}
