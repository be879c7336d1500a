import Foundation
import HotGridService
import HotGridAnalysis
import HotGridCore
import HotGridSimulation

/// One simulated world of an evaluation: a variant and a seed.
public struct EvaluationWorld: Sendable, Equatable {
    public let variant: WorldVariant
    public let seed: UInt64

    public init(variant: WorldVariant, seed: UInt64) {
        self.variant = variant
        self.seed = seed
    }

    /// Held-out worlds are never used to choose anything (``WorldVariant``): a held-out preset,
    /// or any preset with a seed of 101 or more.
    public var heldOut: Bool { WorldVariant.heldOut.contains(variant) || seed >= 101 }
    public var label: String { "\(variant.name) #\(seed)" }
}

/// How well one way of ranking cells did on a world: precision at 10 % against the true
/// emissions, the precision at every share from 1 % to 30 % (the curve), and, for a field, its
/// annual mean's Pearson r² against the true annual mean.
public struct MethodSkill: Sendable {
    public let label: String
    public let precision: Double
    public let annualR2: Double?
    /// Precision at 1 %, 2 %, … 30 %.
    public let curve: [Double]

    static let shares = (1...30).map { Double($0) / 100 }

    init(label: String, ranking: [Double], emission: [Double], field: [Double]? = nil, truthMean: [Double]) {
        self.label = label
        precision = Simulator.precision(ranking: ranking, truth: emission, share: 0.10)
        curve = Self.shares.map { Simulator.precision(ranking: ranking, truth: emission, share: $0) }
        annualR2 = field.map { field in
            let pairs = field.indices.filter { field[$0].isFinite && truthMean[$0].isFinite }
            return AgreementMetrics(estimates: pairs.map { field[$0] }, observations: pairs.map { truthMean[$0] }).r2
        }
    }
}

/// Everything an evaluation measured on one world, and the maps to show it.
public struct WorldSkill: Sendable {
    public let world: EvaluationWorld
    public let cells: [Cell]
    public let stations: Int
    /// HotGrid first, then the baselines a user could compute, then the oracles.
    public let methods: [MethodSkill]
    /// Pooled over every cell-month, and with each month's regional mean removed (the spatial
    /// pattern only, which the regional swing would otherwise dominate).
    public let monthlyR2: Double
    public let monthlyPatternR2: Double
    public let diagnostics: FusionDiagnostics
    public let estimateSeconds: Double
    public let selectSeconds: Double
    public let truthEmission: [Double]
    public let truthMean: [Double]
    public let estimateMean: [Double]
    public let emissionIndex: [Double]
    /// How well the hotspot probabilities match the truth.
    public let calibration: ProbabilityCalibration?

    /// HotGrid's own score (the emission index ranking).
    public var hotgrid: MethodSkill { methods[0] }
    /// The best annual r² among the baselines that are fields a user could compute.
    public func method(_ label: String) -> MethodSkill? { methods.first { $0.label == label } }
}
