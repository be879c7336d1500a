import Foundation
import HotGridCore

/// The API's rows as they go over the wire: snake_case keys, each value rounded to what it
/// means (0.1 µg/m³, 1e-6°), a cell's place spread into the row.
enum PublicRows {
    /// A cell's place: `cell_id, city_code, city_name, county_code, county_name, lon, lat`.
    struct Place: Encodable, Sendable {
        let location: CellLocation

        enum Keys: String, CodingKey { case cellID = "cell_id", cityCode = "city_code", cityName = "city_name", countyCode = "county_code", countyName = "county_name", lon, lat }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(location.cell.description, forKey: .cellID)
            try c.encode(location.cityCode, forKey: .cityCode)
            try c.encode(location.cityName, forKey: .cityName)
            try c.encode(location.countyCode, forKey: .countyCode)
            try c.encode(location.countyName, forKey: .countyName)
            try c.encode(location.longitude, forKey: .lon)
            try c.encode(location.latitude, forKey: .lat)
        }
    }

    /// `v` to the nearest 1/`perUnit` (10: one decimal), as the old rows printed it.
    static func rounded(_ v: Double, _ perUnit: Double) -> Double { (v * perUnit).rounded() / perUnit }
    static func rounded(_ v: Double?, _ perUnit: Double) -> Double? { v.map { rounded($0, perUnit) } }

    /// One warned cell of a month.
    struct Warning: Encodable, Sendable {
        let month: Month
        let warned: Placed<WarningCell>

        enum Keys: String, CodingKey { case month, reasons, pm25, yoyChangePct = "yoy_change_pct", momChangePct = "mom_change_pct" }

        func encode(to encoder: any Encoder) throws {
            try Place(location: warned.place).encode(to: encoder)
            var c = encoder.container(keyedBy: Keys.self)
            let w = warned.value
            try c.encode(month.description, forKey: .month)
            try c.encode(w.reasons.map(\.rawValue), forKey: .reasons)
            try c.encode(rounded(w.pm25, 10), forKey: .pm25)
            try c.encode(rounded(w.yearOnYearPercent, 10), forKey: .yoyChangePct)
            try c.encode(rounded(w.monthOnMonthPercent, 10), forKey: .momChangePct)
        }
    }

    /// One cell of a hotspot list.
    struct Hotspot: Encodable, Sendable {
        let year: Int
        let entry: Placed<HotspotEntry>

        enum Keys: String, CodingKey { case year, rank, probability, emissionIndex = "emission_index", pm25Annual = "pm25_annual" }

        func encode(to encoder: any Encoder) throws {
            try Place(location: entry.place).encode(to: encoder)
            var c = encoder.container(keyedBy: Keys.self)
            let e = entry.value
            try c.encode(year, forKey: .year)
            try c.encode(e.rank, forKey: .rank)
            try c.encode(rounded(e.emissionIndex, 1000), forKey: .emissionIndex)
            try c.encode(rounded(e.pm25Annual, 100), forKey: .pm25Annual)
            try c.encode(rounded(e.probability, 1000), forKey: .probability)
        }
    }

    /// A cell's monthly mean PM2.5 with its data capture; pm25 is null below China's validity rule.
    struct Mean: Encodable, Sendable {
        let month: Month
        let mean: Placed<PeriodMean>

        enum Keys: String, CodingKey { case month, pm25, validDays = "valid_days", expectedDays = "expected_days" }

        func encode(to encoder: any Encoder) throws {
            try Place(location: mean.place).encode(to: encoder)
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(month.description, forKey: .month)
            try c.encode(rounded(mean.value.mean, 10), forKey: .pm25)
            try c.encode(mean.value.validDays, forKey: .validDays)
            try c.encode(mean.value.expectedDays, forKey: .expectedDays)
        }
    }

    /// An escalation, as published.
    struct EscalationRow: Encodable, Sendable {
        let escalation: Placed<Escalation>

        enum Keys: String, CodingKey {
            case month, rule, actions, cellID = "cell_id", cityCode = "city_code", countyCode = "county_code"
            case consecutiveMonths = "consecutive_months", warningsInWindow = "warnings_in_window"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            let e = escalation.value
            try c.encode(e.month.description, forKey: .month)
            try c.encode(e.cell.description, forKey: .cellID)
            try c.encode(escalation.place.cityCode, forKey: .cityCode)
            try c.encode(escalation.place.countyCode, forKey: .countyCode)
            try c.encode(e.rule, forKey: .rule)
            try c.encode(e.consecutiveMonths, forKey: .consecutiveMonths)
            try c.encode(e.warningsInWindow, forKey: .warningsInWindow)
            try c.encode(e.actions.map(\.rawValue), forKey: .actions)
        }
    }

    /// A publication's facts (its content is downloaded separately).
    struct PublicationInfo: Encodable, Sendable {
        let publication: Publication

        enum Keys: String, CodingKey { case id, month, sha256, replaces, publishedAt = "published_at" }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(publication.id, forKey: .id)
            try c.encode(publication.month.description, forKey: .month)
            try c.encode(publication.publishedAt, forKey: .publishedAt)
            try c.encode(publication.sha256, forKey: .sha256)
            try c.encode(publication.replaces, forKey: .replaces)
        }
    }

    /// What the public may know of a cell.
    struct CellReport: Encodable, Sendable {
        let record: CellRecord

        enum Keys: String, CodingKey { case place, months, hotspotYears = "hotspot_years", hotspotLists = "hotspot_lists", openProblems = "open_problems" }

        struct Listing: Encodable {
            let year: Int
            let rank: Int
            let probability: Double?
        }

        struct MonthRow: Encodable {
            let month: String
            let pm25: Double?
            let validDays: Int
            let expectedDays: Int
            let reasons: [String]
            let escalations: [String]

            enum CodingKeys: String, CodingKey { case month, pm25, reasons, escalations, validDays = "valid_days", expectedDays = "expected_days" }
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(Place(location: record.place), forKey: .place)
            try c.encode(record.listings.map(\.year), forKey: .hotspotYears)
            try c.encode(record.listings.map { Listing(year: $0.year, rank: $0.rank, probability: $0.probability) }, forKey: .hotspotLists)
            try c.encode(record.months.map { m in
                MonthRow(month: m.month.description, pm25: rounded(m.mean.mean, 10), validDays: m.mean.validDays, expectedDays: m.mean.expectedDays,
                         reasons: m.reasons.map(\.rawValue), escalations: m.escalations)
            }, forKey: .months)
            try c.encode(record.openProblems, forKey: .openProblems)
        }
    }
}
