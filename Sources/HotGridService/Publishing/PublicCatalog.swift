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
    public let region: RegionDirectory
    /// Each cell's square in WGS84 (closed ring), by dense index.
    let rings: [[LonLat]]
    /// Each month's warned cells as last read, with the list's stamp: recomputing a month's list
    /// (hotgrid warn) changes the stamp and the rows are read again.
    private let warningCache = Mutex<[Month: (stamp: String, rows: [Placed<WarningCell>])]>([:])
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
    private let cellHistories = Mutex<[String: (lists: [CellRecord.Listing], months: [CellRecord.MonthFigures])]>([:])

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

    /// The catalog of `store`'s region, read once as `region` (from the store when not given).
    public init(store: any Store, region: RegionDirectory? = nil) throws {
        self.store = store
        self.region = try region ?? RegionDirectory(store: store)
        let grid = NationalGrid()
        rings = try self.region.cells.map { try grid.boundary(of: $0.id) }
    }

    public var cells: [Cell] { region.cells }

    /// A cell's place, as every public row names it; nil outside the region.
    public func place(_ id: CellID) -> CellLocation? { region.location(id) }

    static func round(_ v: Double) -> Double { (v * 1e6).rounded() / 1e6 }

    public var cityNames: [String: String] { region.cityNames }
    public var countyNames: [String: String] { region.countyNames }

    /// The cell's square as GeoJSON coordinates.
    public func ring(_ id: CellID) -> [[Double]]? {
        region.denseIndex(id).map { rings[$0].map { [Self.round($0.longitude), Self.round($0.latitude)] } }
    }

    /// Whether `id`'s centre lies in `bbox` (min lon, min lat, max lon, max lat).
    public func cell(_ id: CellID, in bbox: [Double]?) -> Bool {
        guard let bbox, let c = region.cell(id) else { return true }
        return c.longitude >= bbox[0] && c.latitude >= bbox[1] && c.longitude <= bbox[2] && c.latitude <= bbox[3]
    }
}

extension PublicCatalog {
    /// The month's warned cells (of one city when given), by city, county and cell.
    public func warnings(month: Month, city: String? = nil) throws -> [Placed<WarningCell>] {
        guard let stamp = try warningStamp(month) else { throw WarningError.noWarningList(month) }
        let cached = warningCache.withLock { cache in cache[month].flatMap { $0.stamp == stamp ? $0.rows : nil } }
        let rows: [Placed<WarningCell>]
        if let cached {
            rows = cached
        } else {
            guard let list = try store.warningList(month: month) else { throw WarningError.noWarningList(month) }
            rows = list.cells.compactMap { w in place(w.cell).map { Placed(w, at: $0) } }
                .sorted { ($0.place.cityCode, $0.place.countyCode, $0.place.cell) < ($1.place.cityCode, $1.place.countyCode, $1.place.cell) }
            warningCache.withLock { $0[month] = (stamp, rows) }
        }
        return city.map { c in rows.filter { $0.place.cityCode == c } } ?? rows
    }

    /// The latest month with a warning list.
    public func latestWarningMonth() throws -> Month? { try recent("latest") { try store.latestWarningMonth()?.description }.flatMap(Month.init) }
}

extension PublicCatalog {
    /// The hotspot list of `year` (the latest when nil), of one city when given, by rank.
    public func hotspots(year: Int?, city: String? = nil) throws -> (year: Int, cells: [Placed<HotspotEntry>]) {
        guard let year = try year ?? store.hotspotListYears().last, let list = try store.hotspotList(year: year) else {
            throw SelectionError.noList(year: year ?? 0)
        }
        return (year, list.entries.compactMap { e in place(e.cell).map { Placed(e, at: $0) } }.filter { city == nil || $0.place.cityCode == city })
    }

    /// Every cell's mean of `month` (of a city, or a county) with its data capture; nil when the
    /// month has no estimate. A mean is nil below China's validity rule (27 valid days, 25 in February).
    public func monthlyMeans(month: Month, city: String? = nil, county: String? = nil) throws -> [Placed<PeriodMean>]? {
        guard let means = try cachedMeans(month).means else { return nil }
        return zip(cells, means).compactMap { cell, mean in
            guard city.map({ $0 == cell.cityCode }) ?? true, county.map({ $0 == cell.countyCode }) ?? true, let place = place(cell.id) else { return nil }
            return Placed(mean, at: place)
        }
    }

    /// The escalations of `month` (every month when nil), of one city when given.
    public func escalations(month: Month?, city: String? = nil) throws -> [Placed<Escalation>] {
        try store.escalations(month: month, cell: nil).compactMap { e in
            guard let p = place(e.cell), city == nil || p.cityCode == city else { return nil }
            return Placed(e, at: p)
        }
    }

    /// The publications of `month` (all when nil), oldest first.
    public func publications(month: Month?) throws -> [Publication] { try store.publications(month: month) }

    /// A cell's report. Its lists and months are kept until a list or the estimate changes; the
    /// count of open problems, which moves with the ledger, is read every time.
    public func cellReport(_ id: CellID) throws -> CellRecord {
        guard let place = place(id) else { throw WarningError.unknownCell(id.description) }
        let key = "\(id)|\(try pageStamp())|\(try recent("imports") { try store.fieldImportStamp() } ?? "")"
        let (lists, months): ([CellRecord.Listing], [CellRecord.MonthFigures])
        if let hit = cellHistories.withLock({ $0[key] }) {
            (lists, months) = hit
        } else {
            let history = try CellHistory(cell: id, store: store, region: region, estimatedMonths: cachedMeans().months,
                                          means: { try self.cachedMeans($0).means })
            lists = history.hotspotRanks.map { CellRecord.Listing(year: $0.year, rank: $0.rank, probability: $0.probability) }
            months = history.months.map { m in
                CellRecord.MonthFigures(month: m.month, mean: m.mean, reasons: m.warning?.reasons ?? [], escalations: m.escalations.map(\.rule))
            }
            cellHistories.withLock { all in
                if all.count >= 10_000 { all.removeAll() }
                all[key] = (lists, months)
            }
        }
        let open = try store.problems(cell: id).filter { !$0.status.isClosed }.count
        return CellRecord(place: place, listings: lists, months: months, openProblems: open)
    }
}
