import Foundation
import HotGridAnalysis
import HotGridCore
import HotGridStore

/// `hotgrid select`: the year's hotspot list, the ~10 % of cells that emit most once weather is
/// removed.
public struct HotspotSelection {
    public var year: Int
    /// Share of cells to select (of the region, or of each city under `perCity`).
    public var share: Double
    /// A fixed number of cells instead of a share (regional policy only).
    public var count: Int?
    public var policy: SelectionPolicy
    public var method: EmissionIndexMethod
    /// Bootstrap replicates for each cell's probability of belonging in the list
    /// (``HotspotProbability``); nil computes none. Divergence method only.
    public var probabilityReplicates: Int?

    public init(year: Int, share: Double = 0.10, count: Int? = nil, policy: SelectionPolicy = .regional,
                method: EmissionIndexMethod = .divergence, probabilityReplicates: Int? = nil) {
        self.year = year
        self.share = share
        self.count = count
        self.policy = policy
        self.method = method
        self.probabilityReplicates = probabilityReplicates
    }

    /// The list, with every cell's index (for reviews and reports).
    public struct Result: Sendable {
        public let list: HotspotList
        public let cells: [Cell]
        public let index: [Double]
        public let pm25Annual: [Double?]
        /// Every cell's probability of belonging in the list's share; nil when not computed.
        public let probability: [Double]?
    }

    /// Computes and stores the year's list (replacing a list of that year).
    @discardableResult
    public func run(store: any Store, progress: ProgressReporter = SilentProgress()) throws -> Result {
        let result = try compute(store: store, progress: progress)
        try store.saveHotspotList(result.list)
        return result
    }

    /// `hotgrid review`: this year's list decided against last year's with hysteresis
    /// (``HotspotReview``), stored with its changes.
    public func review(store: any Store, progress: ProgressReporter = SilentProgress()) throws -> (result: Result, changes: [HotspotChange]) {
        guard let previous = try store.hotspotList(year: year - 1) else { throw SelectionError.noPreviousList(year: year) }
        let r = try EmissionIndexRun(year: year, method: method).run(store: store, progress: progress)
        let ranking = Self.choose(cells: r.cells, index: r.index, share: 1, count: r.cells.count, policy: .regional)
            .map { (cell: r.cells[$0].id, index: r.index[$0]) }
        let target = count ?? Int((share * Double(r.cells.count)).rounded())
        let probability = try probabilities(r, policy: .regional, count: target, progress: progress)
        let position = Dictionary(uniqueKeysWithValues: r.cells.enumerated().map { ($1.id, $0) })
        let (cells, changes) = HotspotReview().review(previous: previous, ranking: ranking, target: target,
                                                      probability: probability.map { p in { position[$0].map { p[$0] } } })
        let entries = cells.enumerated().map { rank, cell in
            HotspotEntry(cell: cell, rank: rank + 1, emissionIndex: position[cell].map { r.index[$0] } ?? .nan,
                         pm25Annual: position[cell].flatMap { r.pm25Annual[$0] }, probability: position[cell].flatMap { probability?[$0] })
        }.filter { $0.emissionIndex.isFinite }
        let list = HotspotList(year: year, method: method.rawValue, policy: .regional, entries: entries, settings: settings(r))
        try store.saveHotspotList(list, changes: changes, reviewedAgainst: year - 1)
        return (Result(list: list, cells: r.cells, index: r.index, pm25Annual: r.pm25Annual, probability: probability), changes)
    }

    public func compute(store: any Store, progress: ProgressReporter = SilentProgress()) throws -> Result {
        let r = try EmissionIndexRun(year: year, method: method).run(store: store, progress: progress)
        let chosen = Self.choose(cells: r.cells, index: r.index, share: share, count: count, policy: policy)
        let probability = try probabilities(r, policy: policy, count: count, progress: progress)
        let entries = chosen.enumerated().map { rank, i in
            HotspotEntry(cell: r.cells[i].id, rank: rank + 1, emissionIndex: r.index[i], pm25Annual: r.pm25Annual[i], probability: probability?[i])
        }
        return Result(list: HotspotList(year: year, method: method.rawValue, policy: policy, entries: entries, settings: settings(r)),
                      cells: r.cells, index: r.index, pm25Annual: r.pm25Annual, probability: probability)
    }

    /// The index's constants, and how the probabilities were resampled when they were.
    private func settings(_ r: EmissionIndexRun.Result) -> [String] {
        r.settings + (probabilityReplicates.map { n in
            ["probabilities: \(n) moving-block bootstrap replicates of the \(r.days) days (blocks of \(HotspotProbability().blockDays) days)"]
        } ?? [])
    }

    /// Every cell's probability of being selected as the list was, when asked for.
    private func probabilities(_ r: EmissionIndexRun.Result, policy: SelectionPolicy, count: Int?,
                               progress: ProgressReporter) throws -> [Double]? {
        guard let replicates = probabilityReplicates else { return nil }
        guard let resampling = r.resampling else { throw SelectionError.noResampling(method: method) }
        var bootstrap = HotspotProbability()
        bootstrap.replicates = replicates
        bootstrap.seed = UInt64(year)
        let cells = r.cells, share = share
        progress.begin("Probabilities: \(replicates) replicates of the year's days", total: replicates)
        defer { progress.end("\(replicates) replicates") }
        return bootstrap.probabilities(contributions: resampling.contributions, refine: resampling.refine,
                                       select: { Self.choose(cells: cells, index: $0, share: share, count: count, policy: policy) },
                                       progress: { progress.advance(by: $0) })
    }

    /// Dense indices of the selected cells, heaviest first; ties go to the smaller cell id.
    static func choose(cells: [Cell], index: [Double], share: Double, count: Int?, policy: SelectionPolicy) -> [Int] {
        let ranked = cells.indices.filter { index[$0].isFinite }.sorted {
            index[$0] != index[$1] ? index[$0] > index[$1] : cells[$0].id < cells[$1].id
        }
        switch policy {
        case .regional:
            let k = count ?? Int((share * Double(cells.count)).rounded())
            return Array(ranked.prefix(max(0, k)))
        case .perCity:
            let perCity = Dictionary(grouping: cells.indices, by: { cells[$0].cityCode }).mapValues { Int((share * Double($0.count)).rounded()) }
            var taken: [String: Int] = [:]
            return ranked.filter { i in
                let city = cells[i].cityCode
                guard taken[city, default: 0] < max(1, perCity[city] ?? 0) else { return false }
                taken[city, default: 0] += 1
                return true
            }
        }
    }
}
