import HotGridCore

/// An observation's time stamp in Beijing time (UTC+8): a whole day, or one hour of a day.
struct ObservationTime: Equatable {
    let day: Day
    /// 0…23, or nil for a value reported for the whole day.
    let hour: Int?

    /// Years an observation may be from: automatic PM2.5 monitoring began in the 2000s.
    static let plausibleYears = 1980...2100

    /// Parses ISO 8601 as observation files write it: `2017-01-01` (a daily value),
    /// `2017-01-01T08:00`, `2017-01-01 08:00:00`, optionally with `Z`, `+08:00` or `+0800`.
    /// Without an offset the time is Beijing time. Returns a reason when it cannot.
    static func parse(_ text: String) -> Result<ObservationTime, Problem> {
        let b = Array(text.utf8)
        guard b.count >= 10, let day = Day(String(decoding: b[0..<10], as: UTF8.self)) else {
            return .failure(Problem("time '\(text)' is not an ISO 8601 date-time like 2017-01-01T08:00"))
        }
        guard Self.plausibleYears.contains(day.components.year) else {
            return .failure(Problem("time '\(text)' is in \(day.components.year); observations are from \(Self.plausibleYears.lowerBound) to \(Self.plausibleYears.upperBound)"))
        }
        if b.count == 10 { return .success(ObservationTime(day: day, hour: nil)) }
        guard b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: " "), b.count >= 13,
              let hour = decimal(b[11..<13]) else {
            return .failure(Problem("time '\(text)' is not an ISO 8601 date-time like 2017-01-01T08:00"))
        }
        var i = 13, minute = 0, second = 0.0
        if i < b.count, b[i] == UInt8(ascii: ":") {
            guard i + 3 <= b.count, let m = decimal(b[(i + 1)..<(i + 3)]) else { return .failure(Problem("time '\(text)' has no minutes after ':'")) }
            minute = m
            i += 3
            if i < b.count, b[i] == UInt8(ascii: ":") {
                var j = i + 1
                while j < b.count, (b[j] >= 48 && b[j] <= 57) || b[j] == UInt8(ascii: ".") { j += 1 }
                guard let s = Double(String(decoding: b[(i + 1)..<j], as: UTF8.self)) else { return .failure(Problem("time '\(text)' has bad seconds")) }
                second = s
                i = j
            }
        }
        var offsetMinutes = 8 * 60
        if i < b.count {
            let zone = String(decoding: b[i...], as: UTF8.self)
            guard let parsed = Self.offset(zone) else { return .failure(Problem("time '\(text)' has an unreadable UTC offset '\(zone)'")) }
            offsetMinutes = parsed
        }
        guard hour < 24, minute < 60, second < 60 else { return .failure(Problem("time '\(text)' is out of range (hours 00–23)")) }
        let beijing = day.ordinal * 1440 + hour * 60 + minute - offsetMinutes + 8 * 60
        guard second == 0, beijing % 60 == 0 else {
            return .failure(Problem("time '\(text)' is not on the hour; give hourly values"))
        }
        let localDay = Int((Double(beijing) / 1440).rounded(.down))
        return .success(ObservationTime(day: Day(ordinal: localDay), hour: (beijing - localDay * 1440) / 60))
    }

    /// Minutes east of UTC for `Z`, `+08`, `+08:00`, `+0800`, `-05:30`.
    private static func offset(_ zone: String) -> Int? {
        if zone == "Z" { return 0 }
        let b = Array(zone.utf8)
        guard let sign = b.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        let digits = b.dropFirst().filter { $0 != UInt8(ascii: ":") }
        guard digits.count == 2 || digits.count == 4, let hh = decimal(digits.prefix(2)),
              let mm = digits.count == 4 ? decimal(digits.suffix(2)) : 0, hh <= 14, mm < 60 else { return nil }
        return (sign == UInt8(ascii: "-") ? -1 : 1) * (hh * 60 + mm)
    }

    /// The value of a run of ASCII digits; nil when any byte is not a digit.
    private static func decimal<S: Collection>(_ digits: S) -> Int? where S.Element == UInt8 {
        guard !digits.isEmpty else { return nil }
        var value = 0
        for byte in digits {
            guard byte >= 48, byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }

    struct Problem: Error, Equatable {
        let message: String
        init(_ message: String) { self.message = message }
    }
}
