import Foundation
import HotGridCore
import HotGridPages

/// The report of `hotgrid evaluate`: the verdict against the acceptance bar on held-out and on
/// tuning worlds, and the page (`SkillReportPage`) showing every world's figures and maps.
public struct SkillReport {
    public let results: [WorldSkill]
    public let region: String
    public let year: Int

    public init(results: [WorldSkill], region: String, year: Int) {
        self.results = results
        self.region = region
        self.year = year
    }

    /// Median and lowest HotGrid precision over `worlds`, and whether every world's annual r²
    /// reaches the calibrated satellite average's.
    public static func verdict(_ worlds: [WorldSkill]) -> (median: Double, lowest: Double, fieldHolds: Bool)? {
        guard !worlds.isEmpty else { return nil }
        let p = worlds.map(\.hotgrid.precision).sorted()
        let median = p.count % 2 == 1 ? p[p.count / 2] : (p[p.count / 2 - 1] + p[p.count / 2]) / 2
        let holds = worlds.allSatisfy { w in
            (w.hotgrid.annualR2 ?? 0) >= (w.method(SkillEvaluation.satelliteLabel)?.annualR2 ?? 1)
        }
        return (median, p[0], holds)
    }

    /// The report's page: held-out worlds, then tuning worlds, each with its verdict; the curves
    /// over the held-out worlds (the tuning ones when none is held out).
    public var page: SkillReportPage {
        let heldOut = results.filter(\.world.heldOut), tuning = results.filter { !$0.world.heldOut }
        let groups = [("留出世界 Held-out worlds", heldOut), ("调参世界 Tuning worlds", tuning)].compactMap { name, group -> SkillReportPage.Group? in
            Self.verdict(group).map { v in
                SkillReportPage.Group(name: name, medianPrecision: v.median, lowestPrecision: v.lowest, fieldHolds: v.fieldHolds, worlds: group.map(Self.world))
            }
        }
        let labels = SkillReportPage.Labels(
            satellite: SkillEvaluation.satelliteLabel, stations: "stations only (annual mean)",
            curves: [SkillEvaluation.hotgridLabel, SkillEvaluation.satelliteLabel, "high-pass of HotGrid's annual mean", "oracle: high-pass of the true annual mean"])
        return SkillReportPage(region: region, year: year, groups: groups, curveWorlds: (heldOut.isEmpty ? tuning : heldOut).map(Self.world),
                               worlds: results.map(Self.world), labels: labels, replicates: SkillEvaluation.probabilityReplicates)
    }

    private static func world(_ w: WorldSkill) -> SkillReportPage.World {
        let calibration = w.calibration.map { c in
            SkillReportPage.Calibration(brier: c.brier, climatology: c.climatology, bins: c.bins.map {
                .init(range: $0.range, cells: $0.cells, meanProbability: $0.meanProbability, trulyTop: $0.trulyTop)
            })
        }
        return SkillReportPage.World(
            label: w.world.label, variant: w.world.variant.name, stations: w.stations, cells: w.cells,
            methods: w.methods.map { .init(label: $0.label, precision: $0.precision, annualR2: $0.annualR2, curve: $0.curve) },
            monthlyR2: w.monthlyR2, monthlyPatternR2: w.monthlyPatternR2, calibration: calibration, truthEmission: w.truthEmission,
            truthMean: w.truthMean, estimateMean: w.estimateMean, emissionIndex: w.emissionIndex)
    }
}
