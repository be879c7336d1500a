import Foundation
import HotGridCore

/// The month's warning cells of every city, by the ministry's three kinds.
///
/// For each city and kind the top `quota` hotspot cells by the kind's value are warned: the
/// month's mean PM2.5, its percent change on the same month a year earlier, its percent change on
/// the month before. Only cells with valid means in the months a kind compares take part in it
/// (a percent change also needs a positive earlier mean). Ties go to the larger value, then the
/// smaller cell id. A cell chosen for several kinds is warned once with all its reasons.
public enum WarningSelection {
    /// One hotspot cell with its monthly means (nil = below the validity rule or not estimated).
    public struct Candidate: Sendable {
        public let cell: CellID
        public let cityCode: String
        public let month: Double?
        public let monthBefore: Double?
        public let yearBefore: Double?

        public init(cell: CellID, cityCode: String, month: Double?, monthBefore: Double?, yearBefore: Double?) {
            self.cell = cell
            self.cityCode = cityCode
            self.month = month
            self.monthBefore = monthBefore
            self.yearBefore = yearBefore
        }

        /// `100 × (m − earlier) / earlier` where both are valid and earlier is positive.
        static func change(_ m: Double?, over earlier: Double?) -> Double? {
            guard let m, let earlier, earlier > 0 else { return nil }
            return 100 * (m - earlier) / earlier
        }

        var yearOnYear: Double? { Self.change(month, over: yearBefore) }
        var monthOnMonth: Double? { Self.change(month, over: monthBefore) }

        func value(for reason: WarningReason) -> Double? {
            switch reason {
            case .highestConcentration: month
            case .worstYearOnYear: yearOnYear
            case .worstMonthOnMonth: monthOnMonth
            }
        }
    }

    /// The warned cells, in cell-id order.
    public static func select(_ candidates: [Candidate], quota: WarningQuota) -> [WarningCell] {
        var reasons: [Int: [WarningReason]] = [:]
        for (_, members) in Dictionary(grouping: candidates.indices, by: { candidates[$0].cityCode }) {
            let n = quota.cells(forHotspotCells: members.count)
            for reason in WarningReason.allCases {
                let ranked = members.compactMap { i in candidates[i].value(for: reason).map { (i, $0) } }.sorted {
                    $0.1 != $1.1 ? $0.1 > $1.1 : candidates[$0.0].cell < candidates[$1.0].cell
                }
                for (i, _) in ranked.prefix(n) { reasons[i, default: []].append(reason) }
            }
        }
        return reasons.keys.sorted { candidates[$0].cell < candidates[$1].cell }.map { i in
            let c = candidates[i]
            return WarningCell(cell: c.cell, reasons: reasons[i]!, pm25: c.month!, yearOnYearPercent: c.yearOnYear,
                               monthOnMonthPercent: c.monthOnMonth)
        }
    }
}
