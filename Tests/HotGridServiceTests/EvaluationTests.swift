import Foundation
import Testing
import HotGridSimulation
import HotGridSQLite
@testable import HotGridLab
@testable import HotGridService

@Suite("hotgrid evaluate: skill on a world with known truth")
struct EvaluationTests {
    @Test("On a tuning world the emission index beats every baseline a user could compute, and the report shows it")
    func beatsBaselines() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let evaluation = SkillEvaluation(cities: ["130100", "130600"], year: 2017, worlds: [EvaluationWorld(variant: .standard, seed: 2)])
        let results = try evaluation.run(workFolder: scratch.path("work"), storeAt: { SQLiteAddress(path: $0 + "/world.sqlite") })
        let skill = try #require(results.first)
        #expect(!skill.world.heldOut && EvaluationWorld(variant: .standard, seed: 101).heldOut && EvaluationWorld(variant: .heldoutA, seed: 1).heldOut)
        let satellite = try #require(skill.method(SkillEvaluation.satelliteLabel)), stations = try #require(skill.method("stations only (annual mean)"))
        let highPass = try #require(skill.method("high-pass of HotGrid's annual mean"))
        let hotgrid = skill.hotgrid
        #expect(hotgrid.precision >= 0.7, "\(hotgrid.precision)")
        let annualMean = try #require(skill.method("HotGrid's annual mean"))
        for baseline in [satellite, stations, highPass, annualMean] {
            #expect(hotgrid.precision > baseline.precision + 0.1, "\(baseline.label): \(baseline.precision)")
        }
        #expect(hotgrid.annualR2! >= satellite.annualR2! && hotgrid.annualR2! > stations.annualR2!)
        #expect(skill.monthlyR2 > 0.9 && skill.monthlyPatternR2 > 0.7)
        #expect(hotgrid.curve.count == 30 && abs(hotgrid.curve[9] - hotgrid.precision) < 1e-12)
        // The probabilities carry information: surer cells are more often true top emitters, and they beat no skill.
        let calibration = try #require(skill.calibration)
        print("probabilities: \(calibration.text)")
        let sure = calibration.bins[3], unlikely = calibration.bins[0]
        #expect(sure.cells > 0 && unlikely.cells > 0 && sure.trulyTop > unlikely.trulyTop + 0.5)
        #expect(calibration.brier < calibration.climatology)
        #expect(calibration.bins.map(\.cells).reduce(0, +) == skill.cells.count)
        let left = try FileManager.default.contentsOfDirectory(atPath: scratch.path("work"))
        #expect(left.isEmpty, "each world removed once scored")

        let html = SkillReport(results: results, region: "2+26", year: 2017).page.html.description
        #expect(html.contains("调参世界 Tuning worlds") && !html.contains("留出世界"))
        #expect(html.contains(String(format: "<td>%.2f</td>", hotgrid.precision)))
        #expect(html.components(separatedBy: "<svg").count - 1 == 5, "four maps and the curve")
        #expect(html.contains("入选概率的校准") && html.contains(String(format: "<td>%.3f</td>", calibration.brier)))
        let verdict = try #require(SkillReport.verdict(results))
        #expect(verdict.median == hotgrid.precision && verdict.fieldHolds)
    }
}
