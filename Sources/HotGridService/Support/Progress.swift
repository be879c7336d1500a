/// Where long work reports how far it got; the command line draws counts, rate and ETA from it.
public protocol ProgressReporter: AnyObject {
    /// A new stage of `total` steps begins.
    func begin(_ stage: String, total: Int)
    /// `steps` more steps of the current stage are done.
    func advance(by steps: Int)
    /// The current stage is over; `summary` says what it produced.
    func end(_ summary: String)
}

/// Reports nothing, for callers without a terminal (tests, the server).
public final class SilentProgress: ProgressReporter {
    public init() {}
    public func begin(_ stage: String, total: Int) {}
    public func advance(by steps: Int) {}
    public func end(_ summary: String) {}
}
