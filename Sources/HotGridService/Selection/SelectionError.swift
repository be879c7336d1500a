import HotGridAnalysis
import HotGridCore

/// Why a hotspot selection cannot run.
public enum SelectionError: ExplainedError, Equatable {
    case noEstimate(year: Int)
    case noMeteorology(year: Int, method: EmissionIndexMethod)
    case noList(year: Int)
    case noPreviousList(year: Int)
    case noResampling(method: EmissionIndexMethod)

    public func message(for audience: Audience) -> String {
        switch self {
        case let .noEstimate(year):
            audience.text("no PM2.5 estimate for \(year).", commandLineHint: "Run `hotgrid estimate --from \(year)-01-01 --to \(year)-12-31` first.")
        case let .noMeteorology(year, method):
            audience.text("the \(method.rawValue) index needs u10, v10 and blh for \(year).", commandLineHint: "Load them with `hotgrid ingest field`.")
        case let .noList(year):
            audience.text("no hotspot list for \(year).", commandLineHint: "Make it with `hotgrid select --year \(year)`.")
        case let .noPreviousList(year):
            "no hotspot list for \(year - 1) to review against. Select \(year - 1) first."
        case let .noResampling(method):
            audience.text("probabilities come from resampling the days of the divergence index; the \(method.rawValue) method has none.",
                          commandLineHint: "Use --method divergence.")
        }
    }
}
