import Foundation
import HotGridCore

/// The yearly review of the hotspot list, with hysteresis so cells near the cut do not flicker
/// in and out from one year to the next:
///
/// - a listed cell **stays** while its new rank is within the exit band (`exitBand` × target);
/// - beyond it, it **leaves** only on marked improvement: its emission index fell by at least
///   `improvement` (20 %); otherwise it stays;
/// - an unlisted cell **enters** when its rank is within the entry band (`entryBand` × target),
///   then the best-ranked remaining cells fill the list up to the target.
///
/// Where each cell's probability of belonging in the list is known (``HotspotProbability``), cells
/// the data cannot separate do not churn: a listed cell whose probability is still at least
/// `uncertain` stays whatever its rank, and an unlisted cell enters through the entry band only if
/// its probability is at least 1 − `uncertain` (it may still fill the list by rank).
public struct HotspotReview: Sendable {
    public var entryBand = 0.8
    public var exitBand = 1.25
    public var improvement = 0.2
    public var uncertain = 0.25

    public init() {}

    /// `ranking`: this year's cells with their index, heaviest first; `probability`: each cell's
    /// probability of belonging in this year's list, when known. Returns the new list's cells
    /// (heaviest first) and every change with its reason.
    public func review(previous: HotspotList, ranking: [(cell: CellID, index: Double)], target: Int,
                       probability: ((CellID) -> Double?)? = nil) -> (cells: [CellID], changes: [HotspotChange]) {
        let before = Dictionary(uniqueKeysWithValues: previous.entries.map { ($0.cell, $0.emissionIndex) })
        var rank: [CellID: Int] = [:]
        for (i, r) in ranking.enumerated() { rank[r.cell] = i + 1 }
        let exitRank = Int((exitBand * Double(target)).rounded()), entryRank = Int((entryBand * Double(target)).rounded())
        var selected = Set<CellID>(), changes: [HotspotChange] = []
        let current = Dictionary(uniqueKeysWithValues: ranking.map { ($0.cell, $0.index) })
        for entry in previous.entries {
            let r = rank[entry.cell] ?? Int.max
            let now = current[entry.cell] ?? .nan
            let change = entry.emissionIndex != 0 ? (now - entry.emissionIndex) / abs(entry.emissionIndex) : 0
            let changeText = now.isFinite ? "index \(Self.format(entry.emissionIndex)) → \(Self.format(now)) (\(Self.percent(change)))" : "no index this year"
            let rankText = r == Int.max ? "unranked" : "rank \(r)"
            let p = probability?(entry.cell)
            if r <= exitRank {
                selected.insert(entry.cell)
                changes.append(HotspotChange(cell: entry.cell, kind: .staying, reason: "\(rankText) within the exit band (rank ≤ \(exitRank)); \(changeText)"))
            } else if let p, p >= uncertain {
                selected.insert(entry.cell)
                changes.append(HotspotChange(cell: entry.cell, kind: .staying,
                                             reason: "\(rankText) beyond the exit band (\(exitRank)) but the data cannot separate it from the list: "
                                                 + "probability \(Self.format(p, 2)) ≥ \(Self.format(uncertain, 2)); \(changeText)"))
            } else if now.isFinite, change > -improvement {
                selected.insert(entry.cell)
                changes.append(HotspotChange(cell: entry.cell, kind: .staying,
                                             reason: "\(rankText) beyond the exit band (\(exitRank)) but no marked improvement: \(changeText), threshold −\(Int(improvement * 100)) %"))
            } else {
                changes.append(HotspotChange(cell: entry.cell, kind: .leaving,
                                             reason: "marked improvement: \(changeText), threshold −\(Int(improvement * 100)) %; \(rankText) beyond the exit band (\(exitRank))"))
            }
        }
        for (i, r) in ranking.enumerated() where before[r.cell] == nil {
            let p = probability?(r.cell)
            let inBand = i + 1 <= entryRank && (p ?? 1) >= 1 - uncertain
            if !inBand, selected.count >= target { continue }
            selected.insert(r.cell)
            let sure = p.map { ", probability \(Self.format($0, 2))" } ?? ""
            let reason = inBand ? "newly heavy: rank \(i + 1) within the entry band (rank ≤ \(entryRank)), index \(Self.format(r.index))\(sure)"
                                : "fills the list to \(target) cells: rank \(i + 1), index \(Self.format(r.index))\(sure)"
            changes.append(HotspotChange(cell: r.cell, kind: .entering, reason: reason))
        }
        let ordered = ranking.map(\.cell).filter { selected.contains($0) } + previous.entries.map(\.cell).filter { selected.contains($0) && rank[$0] == nil }
        return (ordered, changes)
    }

    static func format(_ v: Double, _ digits: Int = 1) -> String { v.isFinite ? String(format: "%.\(digits)f", v) : "—" }
    static func percent(_ v: Double) -> String { v.isFinite ? "\(v >= 0 ? "+" : "")\(Int((v * 100).rounded())) %" : "—" }
}
