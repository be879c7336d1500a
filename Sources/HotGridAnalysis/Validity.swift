/// China's data-capture rules for PM2.5 aggregates (HJ 663-2013, GB 3095-2012): an aggregate
/// below its rule is missing, never averaged from what little there is.
public enum ValidityRule {
    /// A daily mean needs at least this many valid hourly values.
    public static let minimumHoursPerDay = 20
    /// A monthly mean needs at least this many valid days (25 in February).
    public static func minimumDays(inMonth month: Int) -> Int { month == 2 ? 25 : 27 }
    /// An annual mean needs at least this many valid days.
    public static let minimumDaysPerYear = 324
}
