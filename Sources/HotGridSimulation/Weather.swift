import Foundation
import HotGridCore

/// One day's regional weather.
public struct DailyWeather: Sendable, Equatable {
    public let day: Day
    /// Wind at 10 m towards east and north, m/s.
    public let u: Double
    public let v: Double
    /// Boundary-layer height over open land, m.
    public let blh: Double
    /// Regional mean precipitation, mm/day.
    public let precip: Double
    /// True inside a stagnant winter episode.
    public let stagnant: Bool

    public var speed: Double { (u * u + v * v).squareRoot() }
    /// 1 on a calm day, falling towards 0 as the wind picks up.
    public var stagnation: Double { exp(-speed / 2) }
}

/// Synoptic weather for North China: north-westerlies in winter, southerlies in summer, an
/// autoregressive day-to-day wander, a seasonal boundary layer (low in winter), rain mostly in
/// summer, and stagnant winter episodes of a few days with weak wind and a shallow boundary layer.
public enum WeatherGenerator {
    public static func series(days: [Day], rng: inout SeededGenerator) -> [DailyWeather] {
        var u = 0.0, v = 0.0, episodeLeft = 0
        return days.map { day in
            let (_, month, _) = day.components
            let season = Self.season(day)
            let meanU = 1.5 * season, meanV = -1.5 * season + 0.5
            u = meanU + 0.6 * (u - meanU) + 2.2 * rng.normal()
            v = meanV + 0.6 * (v - meanV) + 2.2 * rng.normal()
            let winter = [11, 12, 1, 2].contains(month)
            if episodeLeft == 0, winter, rng.uniform() < 0.06 { episodeLeft = 3 + rng.index(5) }
            let stagnant = episodeLeft > 0
            if stagnant { episodeLeft -= 1 }
            let calm = stagnant ? 0.25 : 1.0
            let rainChance = 0.2 - 0.17 * season
            let precip = rng.uniform() < rainChance ? rng.logNormal(median: 4 + 4 * (1 - season), sigma: 0.9) : 0
            var blh = (750 - 350 * season) * rng.logNormal(median: 1, sigma: 0.25)
            if stagnant { blh *= 0.5 }
            return DailyWeather(day: day, u: u * calm, v: v * calm, blh: max(120, blh), precip: precip, stagnant: stagnant)
        }
    }

    /// 1 in mid-January, −1 in mid-July: the phase of the seasons every seasonal term follows.
    static func season(_ day: Day) -> Double {
        cos(2 * Double.pi * (Double(dayOfYear(day)) - 15) / 365.25)
    }

    static func dayOfYear(_ day: Day) -> Int {
        day.ordinal - Day(year: day.components.year, month: 1, day: 1)!.ordinal
    }
}
