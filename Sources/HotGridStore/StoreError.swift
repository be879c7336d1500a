import HotGridCore

/// Why the store could not do what was asked, said so the user can act.
public enum StoreError: ExplainedError, Equatable, Sendable {
    case alreadyExists(path: String)
    case notFound(path: String)
    case notAHotGridDatabase(path: String, reason: String)
    case writeFailed(path: String, reason: String)
    /// The data changed under the request (another user was quicker).
    case conflict(String)

    public func message(for audience: Audience) -> String {
        switch self {
        case let .alreadyExists(path):
            audience.text("\(path) already exists.", commandLineHint: "Pass --force to replace it, or choose another --db.")
        case let .notFound(path):
            audience.text("\(path) does not exist.", commandLineHint: "Create it first with `hotgrid init --db \(path) --region 2+26`.")
        case let .notAHotGridDatabase(path, reason):
            audience.text("\(path) is not a HotGrid database (\(reason)).", commandLineHint: "Point --db at a file made by `hotgrid init`.")
        case let .writeFailed(path, reason):
            "cannot write \(path): \(reason)"
        case let .conflict(reason):
            reason
        }
    }
}
