import HotGridCore

/// Turns hourly (or daily) station values into daily means under HJ 663-2013, keeping each
/// day's coverage and refusing the same hour twice.
public struct HourlyAggregator: Sendable {
    /// Why a value could not be added.
    public enum Conflict: Error, Equatable, Sendable {
        /// The station already has a value for this hour.
        case duplicateHour
        /// The day already has a daily value, or hourly values when a daily one comes.
        case mixedHourlyAndDaily
        /// The day already has a daily value.
        case duplicateDay
    }

    private struct Key: Hashable { let station: String; let day: Int }
    private struct Tally {
        var sum = 0.0
        var valid = 0
        var hoursSeen: UInt32 = 0
        var daily: Double??
        /// Sums and valid hours of the other pollutants.
        var others: [Pollutant: (sum: Double, valid: Int)] = [:]
    }

    private var tallies: [Key: Tally] = [:]

    public init() {}

    /// Adds one hour's values (`pm25` nil: the hour was reported missing; `others`: the other
    /// pollutants present that hour). `hour` is the hour's start, 0…23, Beijing time.
    public mutating func add(station: String, day: Day, hour: Int, pm25: Double?, others: [Pollutant: Double] = [:]) throws(Conflict) {
        let key = Key(station: station, day: day.ordinal)
        var tally = tallies[key] ?? Tally()
        guard tally.daily == nil else { throw .mixedHourlyAndDaily }
        let bit = UInt32(1) << UInt32(hour)
        guard tally.hoursSeen & bit == 0 else { throw .duplicateHour }
        tally.hoursSeen |= bit
        if let pm25 {
            tally.sum += pm25
            tally.valid += 1
        }
        for (pollutant, value) in others {
            let t = tally.others[pollutant] ?? (0, 0)
            tally.others[pollutant] = (t.sum + value, t.valid + 1)
        }
        tallies[key] = tally
    }

    /// Adds a value reported for the whole day (`pm25` nil: reported missing).
    public mutating func addDaily(station: String, day: Day, pm25: Double?) throws(Conflict) {
        let key = Key(station: station, day: day.ordinal)
        if let tally = tallies[key] {
            throw tally.daily == nil ? .mixedHourlyAndDaily : .duplicateDay
        }
        var tally = Tally()
        tally.daily = .some(pm25)
        tallies[key] = tally
    }

    /// Forgets every station-day not in `days` (a day only partly in the files read).
    public mutating func keep(days: Set<Day>) {
        tallies = tallies.filter { days.contains(Day(ordinal: $0.key.day)) }
    }

    /// The station-days, sorted by station then day. Hourly days with fewer than
    /// ``ValidityRule/minimumHoursPerDay`` valid hours have no mean but keep their hour count.
    public func days() -> [StationDay] {
        tallies.map { key, tally in
            let day = Day(ordinal: key.day)
            if let daily = tally.daily {
                return StationDay(stationID: key.station, day: day, pm25: daily, validHours: nil)
            }
            let mean = tally.valid >= ValidityRule.minimumHoursPerDay ? tally.sum / Double(tally.valid) : nil
            let others = tally.others.filter { $0.value.valid >= ValidityRule.minimumHoursPerDay }.mapValues { $0.sum / Double($0.valid) }
            return StationDay(stationID: key.station, day: day, pm25: mean, validHours: tally.valid, others: others)
        }.sorted { ($0.stationID, $0.day) < ($1.stationID, $1.day) }
    }
}
