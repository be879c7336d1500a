import Foundation
import HotGridAnalysis
import HotGridLab
import HotGridService

/// `estimate --cv` as a table: per split, the product and the baselines, daily and monthly,
/// against the stations and (simulated worlds) against the truth.
struct CrossValidationReport {
    let result: CrossValidation
    let from: String
    let to: String

    init(_ result: CrossValidation, from: String, to: String) {
        self.result = result
        self.from = from
        self.to = to
    }

    var text: String {
        var lines = ["Station-held-out cross-validation, \(from) … \(to), \(result.stations) stations, \(result.folds) folds"]
        for split in result.splits {
            let how = split.scheme == .random ? "random folds" : "spatially blocked folds (clusters of neighbouring stations held out whole)"
            lines.append("")
            lines.append(String(format: "%@; a held-out station's nearest kept station: median %.0f km", how, split.medianNearestKept / 1000))
            let references: [(String, KeyPath<CrossValidation.Score, AgreementMetrics?>, KeyPath<CrossValidation.Score, AgreementMetrics?>)] =
                [("vs stations", \.dailyOptional, \.monthlyOptional), ("vs truth", \.dailyTruth, \.monthlyTruth)]
            for (name, daily, monthly) in references where split.scores.first?[keyPath: daily] != nil {
                lines.append("  " + name.padding(toLength: 32, withPad: " ", startingAt: 0) + Self.header + "   " + Self.header.replacingOccurrences(of: "daily  ", with: "monthly"))
                for score in split.scores {
                    lines.append("    " + score.label.padding(toLength: 30, withPad: " ", startingAt: 0)
                                 + Self.cell(score[keyPath: daily]) + "   " + Self.cell(score[keyPath: monthly]))
                }
            }
        }
        return lines.joined(separator: "\n")
    }
}

extension CrossValidationReport {
    static let header = "daily   R²    RMSE   bias       N"

    /// One metric set in fixed columns (µg/m³ for RMSE and bias).
    static func cell(_ m: AgreementMetrics?) -> String {
        guard let m else { return String(repeating: " ", count: header.count) }
        let r2 = m.r2.isFinite ? String(format: "%5.3f", m.r2) : "  —  "
        return String(format: "      %@ %6.1f %6.1f %7d", r2, m.rmse, m.meanBias, m.count)
    }
}

extension CrossValidation.Score {
    var dailyOptional: AgreementMetrics? { daily }
    var monthlyOptional: AgreementMetrics? { monthly }
}
