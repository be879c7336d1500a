import Foundation
import HotGridService
import HotGridAnalysis
import HotGridCore
import HotGridSimulation
import HotGridStore

/// `hotgrid evaluate`: the whole chain (simulate → ingest → estimate → select) on simulated
/// worlds whose truth is known, scored against that truth beside the baselines a user could
/// pick instead, so the method's skill can be shown and defended.
///
/// Each world is built in its own folder under the work folder and removed when scored. The
/// period is one calendar year: the year the hotspot list is chosen for.
public struct SkillEvaluation {
    public var region: String
    public var cities: [String]?
    public var year: Int
    public var worlds: [EvaluationWorld]

    public init(region: String = "2+26", cities: [String]? = nil, year: Int = 2017, worlds: [EvaluationWorld]) {
        self.region = region
        self.cities = cities
        self.year = year
        self.worlds = worlds
    }

    /// Runs every world in turn, each in its own store `storeAt(folder)` (a fresh folder per world); `scored` is called with
    /// each world's result as it comes.
    public func run(workFolder: String, storeAt: (String) -> any StoreAddress, progress: ProgressReporter = SilentProgress(),
                    scored: (WorldSkill) -> Void = { _ in }) throws -> [WorldSkill] {
        try FileManager.default.createDirectory(atPath: workFolder, withIntermediateDirectories: true)
        var results: [WorldSkill] = []
        for world in worlds {
            let folder = URL(fileURLWithPath: workFolder).appendingPathComponent("\(world.variant.name)-\(world.seed)").path
            defer { try? FileManager.default.removeItem(atPath: folder) }
            try? FileManager.default.removeItem(atPath: folder)
            let skill = try evaluate(world, folder: folder, store: storeAt(folder), progress: progress)
            scored(skill)
            results.append(skill)
        }
        return results
    }

    func evaluate(_ world: EvaluationWorld, folder: String, store address: any StoreAddress, progress: ProgressReporter) throws -> WorldSkill {
        let from = Day(year: year, month: 1, day: 1)!, to = Day(year: year, month: 12, day: 31)!
        let worldFolder = folder + "/world"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        _ = try SimulationRun(region: region, cities: cities, from: from, to: to, seed: world.seed, variant: world.variant)
            .run(folder: worldFolder, progress: progress)
        try RegionSetup(source: .bundled(region: region), cities: cities).run(into: address, progress: progress)
        let store = try address.open()
        let stations = try StationIngest(stationsPath: worldFolder + "/stations.csv", observationsPath: worldFolder + "/observations.csv")
            .run(store: store, progress: progress)
        for variable in [FieldVariable.pm25Satellite, .u10, .v10, .blh, .precip] {
            _ = try FieldIngest(variable: variable, path: worldFolder + "/fields/\(variable.rawValue).nc").run(store: store, progress: progress)
        }
        let cells = try store.cells()
        let truth = try WorldTruth(folder: worldFolder, cells: cells)

        let stationsOnly = try annualMean(of: EstimateRun(from: from, to: to, method: .stationsOnly), store: store, cells: cells, progress: progress)
        var clock = Date()
        let estimate = try EstimateRun(from: from, to: to).run(store: store, progress: progress)
        let estimateSeconds = Date().timeIntervalSince(clock)
        clock = Date()
        let selection = try HotspotSelection(year: year, probabilityReplicates: Self.probabilityReplicates).compute(store: store, progress: progress)
        let selectSeconds = Date().timeIntervalSince(clock)
        let estimateDays = try store.fieldDays(FieldVariable.pm25.rawValue, from: from, to: to)
        let estimateMean = Self.means(estimateDays.map(\.values), cells: cells.count)
        let satelliteMean = Self.means(try store.fieldDays(FieldVariable.pm25Satellite.rawValue, from: from, to: to).map(\.values), cells: cells.count)

        func skill(_ label: String, _ ranking: [Double], field: [Double]? = nil) -> MethodSkill {
            MethodSkill(label: label, ranking: ranking, emission: truth.emission, field: field, truthMean: truth.meanPM25)
        }
        let methods = [
            skill(Self.hotgridLabel, selection.index, field: estimateMean),
            skill("HotGrid's annual mean", estimateMean, field: estimateMean),
            skill("high-pass of HotGrid's annual mean", HighPass.apply(estimateMean, cells: cells)),
            skill(Self.satelliteLabel, satelliteMean, field: satelliteMean),
            skill("high-pass of the satellite average", HighPass.apply(satelliteMean, cells: cells)),
            skill("stations only (annual mean)", stationsOnly, field: stationsOnly),
            skill("oracle: the true annual mean", truth.meanPM25),
            skill("oracle: high-pass of the true annual mean", HighPass.apply(truth.meanPM25, cells: cells)),
        ]
        let (monthly, pattern) = Self.monthlyR2(days: estimateDays, truth: truth.monthly, cells: cells.count)
        return WorldSkill(world: world, cells: cells, stations: stations.stationsInRegion, methods: methods,
                          monthlyR2: monthly, monthlyPatternR2: pattern, diagnostics: estimate.diagnostics,
                          estimateSeconds: estimateSeconds, selectSeconds: selectSeconds, truthEmission: truth.emission,
                          truthMean: truth.meanPM25, estimateMean: estimateMean, emissionIndex: selection.index,
                          calibration: selection.probability.map { ProbabilityCalibration(probability: $0, truth: truth.emission, share: 0.10) })
    }

    /// Replicates behind each world's hotspot probabilities (their calibration is scored).
    public static let probabilityReplicates = 100

    public static let hotgridLabel = "HotGrid (emission index)"
    /// The calibrated satellite average: a linear calibration to the stations leaves its r² and
    /// its ranking unchanged, so the raw average stands for it.
    public static let satelliteLabel = "satellite average (calibrated)"

    private func annualMean(of run: EstimateRun, store: any Store, cells: [Cell], progress: ProgressReporter) throws -> [Double] {
        _ = try run.run(store: store, progress: progress)
        return Self.means(try store.fieldDays(FieldVariable.pm25.rawValue, from: run.from, to: run.to).map(\.values), cells: cells.count)
    }

    /// Per cell, the mean over the days that have a value (NaN where none does).
    static func means(_ days: [[Float]], cells: Int) -> [Double] {
        PeriodMeans.compute(days: days, cellCount: cells, expectedDays: days.count, minimumDays: 1).map { $0.mean ?? .nan }
    }

    /// Pearson r² of the estimate's monthly cell means against the truth's, pooled over every
    /// cell-month, and again with each month's regional mean taken from both.
    static func monthlyR2(days: [(day: Day, values: [Float])], truth: [String: [Double]], cells: Int) -> (Double, Double) {
        let byMonth = Dictionary(grouping: days) { String($0.day.description.prefix(7)) }
        var estimates: [Double] = [], references: [Double] = [], anomalies: [Double] = [], referenceAnomalies: [Double] = []
        for (month, monthDays) in byMonth.sorted(by: { $0.key < $1.key }) {
            guard let reference = truth[month] else { continue }
            let estimate = means(monthDays.map(\.values), cells: cells)
            let pairs = (0..<cells).filter { estimate[$0].isFinite && reference[$0].isFinite }
            guard !pairs.isEmpty else { continue }
            let e = pairs.map { estimate[$0] }, r = pairs.map { reference[$0] }
            let me = e.reduce(0, +) / Double(e.count), mr = r.reduce(0, +) / Double(r.count)
            estimates += e
            references += r
            anomalies += e.map { $0 - me }
            referenceAnomalies += r.map { $0 - mr }
        }
        return (AgreementMetrics(estimates: estimates, observations: references).r2,
                AgreementMetrics(estimates: anomalies, observations: referenceAnomalies).r2)
    }
}
