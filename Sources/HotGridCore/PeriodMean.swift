/// A cell's mean over a month or a year, with its coverage. The mean is nil when fewer days
/// are valid than the rule asks (27 a month, 25 in February, 324 a year): never averaged from
/// what little there is.
public struct PeriodMean: Sendable, Equatable {
    public let mean: Double?
    public let validDays: Int
    public let expectedDays: Int

    public init(mean: Double?, validDays: Int, expectedDays: Int) {
        self.mean = mean
        self.validDays = validDays
        self.expectedDays = expectedDays
    }
}
