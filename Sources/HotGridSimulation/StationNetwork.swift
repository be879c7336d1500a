import Foundation
import HotGridCore

/// A simulated monitoring station.
public struct SimulatedStation: Sendable, Equatable {
    public let id: String
    public let name: String
    public let position: ProjectedPoint
    /// Window index of the station's cell.
    public let windowIndex: Int
}

/// Puts stations where real networks do: one in every county seat and urban district, and two
/// more near each city's centre (its most urban district), a little off the exact centres.
enum StationNetwork {
    static func place(world: World, rng: inout SeededGenerator) -> [SimulatedStation] {
        let region = world.region
        let seats = SourceBuilder.countySeats(region: region, grid: world.grid)
        let regionWindow = Set(world.regionIndices)
        var stations: [SimulatedStation] = []
        func add(_ name: String, _ p: ProjectedPoint) {
            let index = world.grid.nearestIndex(to: p)
            guard regionWindow.contains(index) else { return }
            stations.append(SimulatedStation(id: String(format: "%04dA", 1001 + stations.count), name: name, position: p, windowIndex: index))
        }
        let countiesByCity = Dictionary(grouping: region.counties, by: { $0.parentCode ?? "" })
        for city in region.cities.sorted(by: { $0.code < $1.code }) {
            let counties = (countiesByCity[city.code] ?? []).sorted { $0.code < $1.code }
            for county in counties {
                guard let seat = seats[county.code] else { continue }
                add("\(county.name)站", ProjectedPoint(x: seat.x + 1_000 * rng.normal(), y: seat.y + 1_000 * rng.normal()))
            }
            // The city centre: its smallest county (an urban district, usually).
            guard let core = counties.min(by: { (region.countyAreas[$0.code] ?? 0, $0.code) < (region.countyAreas[$1.code] ?? 0, $1.code) }),
                  let centre = seats[core.code] else { continue }
            for k in 1...2 {
                add("\(city.name)市区\(k)号站", ProjectedPoint(x: centre.x + 4_000 * rng.normal(), y: centre.y + 4_000 * rng.normal()))
            }
        }
        return stations
    }
}

/// Hourly readings of a station: the cell's daily truth shaped by a diurnal cycle (night-time
/// peak), hour-to-hour autocorrelated noise, instrument noise, rounding to whole µg/m³, 2 %
/// missing hours and occasional outages of one to three days.
struct HourlyReadings {
    private var noise = 0.0
    private var outageLeft = 0

    mutating func day(truth: Double, rng: inout SeededGenerator) -> [Int16] {
        if outageLeft == 0, rng.uniform() < 3.0 / 365 { outageLeft = 1 + rng.index(3) }
        let out = outageLeft > 0
        if out { outageLeft -= 1 }
        return (0..<24).map { hour in
            noise = 0.85 * noise + (1 - 0.85 * 0.85).squareRoot() * rng.normal()
            let diurnal = 1 + 0.3 * cos(2 * Double.pi * (Double(hour) - 23) / 24)
            let value = truth * diurnal * exp(0.15 * noise) + 2 * rng.normal()
            let missing = rng.uniform() < 0.02
            return out || missing ? -1 : Int16(max(1, min(2_000, value.rounded())))
        }
    }
}
