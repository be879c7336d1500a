import HotGridCore

/// CNEMC's real-time release as archived hour by hour: a header such as
/// `timepoint,stationcode,longitude,latitude,area,positionname,primarypollutant,aqi,pm10,pm10_24h,pm2_5,…`
/// and one row per station. `timepoint` (Beijing time) ends the hour, as in the wide files.
/// Column names are matched without case or underscores (`time_point`, `PM2_5` and `pm2.5` are the
/// same); `_24h` and `_8h` columns and the AQI are not read.
enum CNEMCLiveFile {
    /// A header name as compared: lower case, without `_`, `.`, `-` or spaces.
    static func normalized(_ name: String) -> String {
        String(name.lowercased().filter { !"_.- ".contains($0) })
    }

    /// The hourly pollutant columns, by normalized name.
    static let pollutants: [String: Pollutant] = Dictionary(uniqueKeysWithValues: Pollutant.allCases.map { (normalized($0.rawValue), $0) })

    /// The hour stamp a `timepoint` such as `2022-01-04T16:00:00` (or `2022-01-04 16:00`, with
    /// `+08:00` at most) names; nil for anything else, a time off the hour among them.
    static func stamp(_ text: String) -> (date: Day, hour: Int)? {
        var rest = Substring(text)
        if rest.hasSuffix("+08:00") { rest = rest.dropLast(6) }
        let parts = rest.split(whereSeparator: { $0 == "T" || $0 == " " })
        guard parts.count == 2, let date = Day(String(parts[0])), (2013...2100).contains(date.components.year) else { return nil }
        let clock = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(clock.count), clock.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
              let hour = Int(clock[0]), (0...23).contains(hour), clock.dropFirst().allSatisfy({ $0 == "00" }) else { return nil }
        return (date, hour)
    }
}

extension CNEMCIngest {
    /// Reads one live file into `state`: each row of a region's station is one hour of its values.
    func readLive(_ path: String, into state: inout Reading) throws {
        let reader = try CSVReader(path: path)
        var index: [String: Int] = [:]
        try reader.read(header: { header in
            for (i, name) in header.enumerated() where index[CNEMCLiveFile.normalized(name)] == nil { index[CNEMCLiveFile.normalized(name)] = i }
            guard index["pm25"] != nil else {
                throw IngestError.missingColumn(path: path, column: "pm2_5", present: header)
            }
        }) { line, fields in
            func value(_ column: String) -> String {
                guard let i = index[column], i < fields.count else { return "" }
                return fields[i].trimmingCharacters(in: .whitespaces)
            }
            let timepoint = value("timepoint"), code = value("stationcode")
            guard let (date, hour) = CNEMCLiveFile.stamp(timepoint) else {
                throw IngestError.badRow(path: path, line: line, problem: "timepoint '\(timepoint.prefix(40))' is not an hour such as 2022-01-04T16:00:00 from 2013 on (Beijing time)")
            }
            guard !code.isEmpty else { return try skipOrThrow(path, line, "stationcode is empty", summary: &state.summary) }
            let position = CNEMCStationList.position(lon: value("longitude"), lat: value("latitude"))
            state.daysRead.insert(date)
            state.summary.hourRows += 1
            guard state.roster.admits(code: code, name: value("positionname"), position: position) else { return }
            var values: [Pollutant: Double] = [:]
            for (column, pollutant) in CNEMCLiveFile.pollutants where index[column] != nil {
                values[pollutant] = try hourlyValue(value(column), of: pollutant, station: code, in: path, line: line, state: &state)
            }
            let stamp = HourStamp(endingAt: date, hour: hour)
            let pm25 = values.removeValue(forKey: .pm25)
            do {
                try state.aggregator.add(station: code, day: stamp.day, hour: stamp.hour, pm25: pm25, others: values)
            } catch {
                try skipOrThrow(path, line, "station \(code) has \(timepoint) (\(stamp.day) \(stamp.hour):00–\(stamp.hour + 1):00) twice, in this or an earlier file",
                                summary: &state.summary)
            }
        }
    }
}
