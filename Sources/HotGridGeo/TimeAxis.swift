import Foundation
import HotGridCore

/// Reading a CF time axis (`days since 2017-01-01`, `hours since 1900-01-01 00:00:00`, …) off a
/// NetCDF opened through GDAL, which shows each time step as a band.
extension RasterFile {
    /// The calendar day (of the timestamp, UTC) of every band, or nil when the file has no time
    /// axis. Throws when the axis exists but cannot be read.
    public func bandDays() throws -> [Day]? {
        try bandTimes()?.map { Day(ordinal: Int(($0 / 86_400).rounded(.down))) }
    }

    /// The time stamp of every band in seconds since 1970-01-01 00:00 UTC, or nil when the file
    /// has no time axis (`time`, `valid_time`, any dimension with `… since …` units).
    public func bandTimes() throws -> [Double]? {
        guard let extra = metadata(key: "NETCDF_DIM_EXTRA") else { return nil }
        let dimensions = extra.trimmingCharacters(in: CharacterSet(charactersIn: "{}")).split(separator: ",").map(String.init)
        guard let dimension = dimensions.first(where: { (metadata(key: "\($0)#units") ?? "").contains(" since ") }) else {
            return nil
        }
        let units = metadata(key: "\(dimension)#units") ?? ""
        if let calendar = metadata(key: "\(dimension)#calendar")?.lowercased(),
           !["standard", "gregorian", "proleptic_gregorian"].contains(calendar) {
            throw GeoError.badTimeAxis(path: path, reason: "calendar '\(calendar)' is not supported (use the standard calendar)")
        }
        let axis = try CFTimeUnits(units, path: path)
        return try (1...max(bandCount, 1)).map { band in
            guard let text = try metadata(band: band, key: "NETCDF_DIM_\(dimension)"), let value = Double(text) else {
                throw GeoError.badTimeAxis(path: path, reason: "band \(band) has no \(dimension) value")
            }
            return axis.seconds(of: value)
        }
    }
}

/// CF time units: a step length and a reference time.
struct CFTimeUnits {
    let secondsPerStep: Double
    let referenceSeconds: Double

    init(_ units: String, path: String) throws {
        let parts = units.trimmingCharacters(in: .whitespaces).components(separatedBy: " since ")
        guard parts.count == 2 else { throw GeoError.badTimeAxis(path: path, reason: "units '\(units)' are not '<unit> since <date>'") }
        switch parts[0].lowercased() {
        case "days", "day", "d": secondsPerStep = 86_400
        case "hours", "hour", "h", "hr": secondsPerStep = 3_600
        case "minutes", "minute", "min": secondsPerStep = 60
        case "seconds", "second", "s", "sec": secondsPerStep = 1
        default: throw GeoError.badTimeAxis(path: path, reason: "time unit '\(parts[0])' is not days, hours, minutes or seconds")
        }
        // "2017-01-01", "1900-01-01 00:00:00.0", "1970-01-01T00:00:00Z", "2017-1-1"
        let reference = parts[1].trimmingCharacters(in: .whitespaces)
        let dateAndTime = reference.split(whereSeparator: { $0 == " " || $0 == "T" }).map(String.init)
        let ymd = (dateAndTime.first ?? "").split(separator: "-").compactMap { Int($0) }
        guard ymd.count == 3, let day = Day(year: ymd[0], month: ymd[1], day: ymd[2]) else {
            throw GeoError.badTimeAxis(path: path, reason: "reference date '\(reference)' is not a date")
        }
        var seconds = Double(day.ordinal) * 86_400
        if dateAndTime.count > 1 {
            let hms = dateAndTime[1].trimmingCharacters(in: CharacterSet(charactersIn: "Z")).split(separator: ":").compactMap { Double($0) }
            for (value, scale) in zip(hms, [3_600.0, 60, 1]) { seconds += value * scale }
        }
        referenceSeconds = seconds
    }

    func day(of value: Double) -> Day {
        Day(ordinal: Int((seconds(of: value) / 86_400).rounded(.down)))
    }

    /// Seconds since 1970-01-01 00:00 UTC of a value on this axis.
    func seconds(of value: Double) -> Double { referenceSeconds + value * secondsPerStep }
}
