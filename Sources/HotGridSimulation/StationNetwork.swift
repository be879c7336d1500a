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
/// A variant may ask for another number: fewer keeps one station in each city centre first, then a
/// random choice of the others; more adds stations around the county seats, four times as often in urban
/// districts, as networks are densified where people live.
enum StationNetwork {
    static func place(world: World, count: Int?, rng: inout SeededGenerator) -> [SimulatedStation] {
        let (network, centres) = realNetwork(world: world, rng: &rng)
        guard let count, count != network.count else { return network }
        let positions = count < network.count
            ? thinned(network, centres: centres, to: count, rng: &rng)
            : network.map { ($0.name, $0.position) } + densification(world: world, count: count - network.count, rng: &rng)
        return positions.enumerated().map { k, station in
            SimulatedStation(id: stationID(k), name: station.name, position: station.position,
                             windowIndex: world.grid.nearestIndex(to: station.position))
        }
    }

    static func stationID(_ k: Int) -> String { String(format: "%04dA", 1001 + k) }

    /// A random `count` of the stations, the `centres` first, in their original order.
    private static func thinned(_ network: [SimulatedStation], centres: Set<Int>, to count: Int,
                                rng: inout SeededGenerator) -> [(name: String, position: ProjectedPoint)] {
        func shuffled(_ indices: [Int]) -> [Int] {
            var list = indices
            for i in stride(from: list.count - 1, to: 0, by: -1) { list.swapAt(i, rng.index(i + 1)) }
            return list
        }
        let order = shuffled(network.indices.filter(centres.contains)) + shuffled(network.indices.filter { !centres.contains($0) })
        return order.prefix(count).sorted().map { (network[$0].name, network[$0].position) }
    }

    /// `count` more stations around county seats.
    private static func densification(world: World, count: Int, rng: inout SeededGenerator) -> [(name: String, position: ProjectedPoint)] {
        let region = world.region, regionWindow = Set(world.regionIndices)
        let seats = SourceBuilder.countySeats(region: region, grid: world.grid)
        let counties = region.counties.sorted { $0.code < $1.code }.filter { seats[$0.code] != nil }
        guard !counties.isEmpty else { return [] }
        let weights = counties.map { SourceBuilder.isUrban($0, in: region) ? 4.0 : 1.0 }
        let total = weights.reduce(0, +)
        var added: [(name: String, position: ProjectedPoint)] = [], perCounty: [String: Int] = [:]
        var attempts = 0
        while added.count < count, attempts < 100 * count {
            attempts += 1
            var pick = rng.uniform() * total, k = 0
            while k < counties.count - 1, pick >= weights[k] { pick -= weights[k]; k += 1 }
            let county = counties[k], seat = seats[county.code]!
            let spread = max(3_000, (region.countyAreas[county.code] ?? 0).squareRoot() / 4)
            let p = ProjectedPoint(x: seat.x + spread * rng.normal(), y: seat.y + spread * rng.normal())
            guard regionWindow.contains(world.grid.nearestIndex(to: p)) else { continue }
            perCounty[county.code, default: 0] += 1
            added.append(("\(county.name)加密\(perCounty[county.code]!)号站", p))
        }
        return added
    }

    /// The real-network rule: county seats and urban districts, two more per city centre (the first
    /// of which come back as `centres`, one per city).
    private static func realNetwork(world: World, rng: inout SeededGenerator) -> (stations: [SimulatedStation], centres: Set<Int>) {
        let region = world.region
        let seats = SourceBuilder.countySeats(region: region, grid: world.grid)
        let regionWindow = Set(world.regionIndices)
        var stations: [SimulatedStation] = [], centres = Set<Int>()
        func add(_ name: String, _ p: ProjectedPoint, centre: Bool = false) {
            let index = world.grid.nearestIndex(to: p)
            guard regionWindow.contains(index) else { return }
            if centre { centres.insert(stations.count) }
            stations.append(SimulatedStation(id: stationID(stations.count), name: name, position: p, windowIndex: index))
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
                add("\(city.name)市区\(k)号站", ProjectedPoint(x: centre.x + 4_000 * rng.normal(), y: centre.y + 4_000 * rng.normal()), centre: k == 1)
            }
        }
        return (stations, centres)
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
