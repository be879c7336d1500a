import ArgumentParser
import Foundation
import HotGridLab
import HotGridService
import HotGridSimulation

struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Measure the method's skill on simulated worlds with known truth, beside the baselines.",
        discussion: """
            For each world (a --variant of hotgrid simulate and a seed) it simulates one year, loads it into a \
            fresh database, estimates daily PM2.5, picks the 10 % hotspot list and scores them against the truth: \
            precision at 10 % (the share of the true top 10 % emitters among the listed cells), the annual mean's \
            r² against the true annual mean, monthly R² (all cell-months, and the spatial pattern with each month's \
            regional mean removed). Beside HotGrid: ranking by its annual mean, by a high-pass of it (the cell \
            minus the mean of the cells within 15 km), by the satellite average and its high-pass, the stations \
            alone, and two oracles that see the truth (the true annual mean and its high-pass).

            --worlds held-out (the default: heldout-a … heldout-d with seeds 101-103, never used to choose \
            anything), tuning (standard, hourly, coarse-sparse, dense-clean with seeds 1-3), all, or variant \
            names separated by commas. --report writes an HTML page with the verdict, every world's figures, \
            the precision-by-share curves and maps of truth, estimate and emission index side by side.
            """
    )

    @Option(help: "held-out, tuning, all, or variant names (comma-separated).") var worlds = "held-out"
    @Option(help: "Seeds (comma-separated); default 101,102,103 for held-out worlds, 1,2,3 otherwise.") var seeds: String?
    @Option(help: "A bundled region: 2+26, fenwei or yrd.") var region = "2+26"
    @Option(help: "Cities of the region to simulate (comma-separated adcodes); default Shijiazhuang, Baoding, Xingtai.")
    var cities = "130100,130600,130500"
    @Option(help: "The year simulated and listed.") var year = 2017
    @Option(help: "Write the HTML report here.") var report: String?
    @Option(help: "Scratch folder for the worlds (each removed once scored).") var work: String?

    func chosenWorlds() throws -> [EvaluationWorld] {
        let variants: [WorldVariant]
        switch worlds {
        case "held-out": variants = WorldVariant.heldOut
        case "tuning": variants = WorldVariant.tuning
        case "all": variants = WorldVariant.tuning + WorldVariant.heldOut
        default:
            variants = try worlds.split(separator: ",").map { name in
                guard let v = WorldVariant.named(String(name)) else {
                    throw ValidationError("--worlds: no variant '\(name)'. Use held-out, tuning, all or names from: \(WorldVariant.names.joined(separator: ", ")).")
                }
                return v
            }
        }
        return try variants.flatMap { variant in
            try seedList(heldOut: WorldVariant.heldOut.contains(variant)).map { EvaluationWorld(variant: variant, seed: $0) }
        }
    }

    func seedList(heldOut: Bool) throws -> [UInt64] {
        guard let seeds else { return heldOut ? [101, 102, 103] : [1, 2, 3] }
        return try seeds.split(separator: ",").map {
            guard let s = UInt64($0) else { throw ValidationError("--seeds: '\($0)' is not a whole number; give seeds like 101,102,103.") }
            return s
        }
    }

    func validate() throws {
        _ = try chosenWorlds()
        guard (1900...2100).contains(year) else { throw ValidationError("--year must be a year like 2017 (got \(year)).") }
    }

    func run() throws {
        let started = Date()
        let list = try chosenWorlds()
        let evaluation = SkillEvaluation(region: region, cities: cities.split(separator: ",").map(String.init), year: year, worlds: list)
        let work = self.work ?? FileManager.default.temporaryDirectory.appendingPathComponent("hotgrid-evaluate-\(getpid())").path
        defer { if self.work == nil { try? FileManager.default.removeItem(atPath: work) } }
        say("Evaluating \(list.count) worlds of \(year) over \(cities) …")
        say("  " + Self.header)
        var done = 0
        let results = try evaluation.run(workFolder: work, storeAt: { StoreChoice.address($0 + "/world.sqlite") }) { skill in
            done += 1
            let elapsed = Date().timeIntervalSince(started)
            let eta = elapsed / Double(done) * Double(list.count - done)
            say("  " + Self.row(skill) + String(format: "   [%d/%d, ETA %.0f s]", done, list.count, eta))
            if let calibration = skill.calibration { say("      probabilities: " + calibration.text) }
        }
        for (name, group) in [("held-out", results.filter(\.world.heldOut)), ("tuning", results.filter { !$0.world.heldOut })] {
            guard let v = SkillReport.verdict(group) else { continue }
            say(String(format: "%@ worlds (%d): median precision %.2f, lowest %.2f; annual r² ≥ calibrated satellite average on every world: %@",
                         name, group.count, v.median, v.lowest, v.fieldHolds ? "yes" : "no"))
        }
        if let report {
            try OutputFile.write(SkillReport(results: results, region: region, year: year).page.html.data, to: report)
            say("Report: \(report)")
        }
        say(String(format: "Done in %.1f s, peak memory %d MB", Date().timeIntervalSince(started), peakMemoryMegabytes()))
    }

    /// A line on standard output at once (unbuffered), so each world shows as it is scored,
    /// also into a file or a pipe.
    private func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static let header = "world               held  stations  precision  mean   hi-pass  sat avg  stations  oracle-hp   r² HotGrid  r² sat   monthly  m-pattern"

    static func row(_ s: WorldSkill) -> String {
        func p(_ label: String) -> String { s.method(label).map { String(format: "%9.2f", $0.precision) } ?? "        —" }
        return s.world.label.padding(toLength: 20, withPad: " ", startingAt: 0) + (s.world.heldOut ? "yes " : "no  ")
            + String(format: "%9d %10.2f", s.stations, s.hotgrid.precision)
            + p("HotGrid's annual mean") + p("high-pass of HotGrid's annual mean") + p(SkillEvaluation.satelliteLabel)
            + p("stations only (annual mean)") + p("oracle: high-pass of the true annual mean")
            + String(format: "   %9.3f %8.3f %9.3f %9.3f", s.hotgrid.annualR2 ?? .nan,
                     s.method(SkillEvaluation.satelliteLabel)?.annualR2 ?? .nan, s.monthlyR2, s.monthlyPatternR2)
    }
}
