import Foundation
import HotGridCore

/// Places sources where such sources are: heavy industry clustered in some cities' industrial
/// zones, boilers and construction around towns (denser in urban districts), open burning and
/// scattered workshops in the countryside, cement plants along the ridge, traffic along the
/// roads between county seats. Rates are log-normal, so a few sources dominate, as in reality.
struct SourceBuilder {
    let grid: SimulationGrid
    let region: Region
    let terrain: Terrain
    /// Window index of each region cell.
    let cellIndex: [CellID: Int]
    let seats: [String: ProjectedPoint]

    init(grid: SimulationGrid, region: Region, terrain: Terrain) {
        self.grid = grid
        self.region = region
        self.terrain = terrain
        var cellIndex: [CellID: Int] = [:]
        for cell in region.cells { cellIndex[cell.id] = grid.index(of: cell.id) }
        self.cellIndex = cellIndex
        seats = Self.countySeats(region: region, grid: grid)
    }

    /// A county's seat: the area-weighted centre of its cells.
    static func countySeats(region: Region, grid: SimulationGrid) -> [String: ProjectedPoint] {
        var sums: [String: (x: Double, y: Double, w: Double)] = [:]
        for cell in region.cells {
            guard let index = grid.index(of: cell.id) else { continue }
            let c = grid.center(index)
            let s = sums[cell.countyCode] ?? (0, 0, 0)
            sums[cell.countyCode] = (s.x + c.x * cell.areaInside, s.y + c.y * cell.areaInside, s.w + cell.areaInside)
        }
        return sums.mapValues { ProjectedPoint(x: $0.x / $0.w, y: $0.y / $0.w) }
    }

    /// Scales every rate so the region emits ~3 t of primary PM2.5 per km² and year, as North
    /// China's inventories (MEIC) put it.
    static let intensity = 3.0

    func isUrban(_ county: AdminUnit) -> Bool { Self.isUrban(county, in: region) }

    /// Urban districts are the small counties (under 300 km²).
    static func isUrban(_ county: AdminUnit, in region: Region) -> Bool { (region.countyAreas[county.code] ?? 0) < 300e6 }

    func build(rng: inout SeededGenerator) -> [EmissionSource] {
        var sources: [EmissionSource] = []
        func add(_ type: SourceType, _ p: ProjectedPoint, median: Double, sigma: Double, rng: inout SeededGenerator) {
            guard let cell = GridSpec(resolution: .m3000).cell(containing: p), cellIndex[cell] != nil else { return }
            sources.append(EmissionSource(id: sources.count + 1, type: type, position: p,
                                          tonnesPerYear: Self.intensity * rng.logNormal(median: median, sigma: sigma)))
        }
        func near(_ p: ProjectedPoint, _ radius: Double, rng: inout SeededGenerator) -> ProjectedPoint {
            ProjectedPoint(x: p.x + radius * rng.normal(), y: p.y + radius * rng.normal())
        }
        let counties = region.counties.sorted { $0.code < $1.code }
        let countiesByCity = Dictionary(grouping: counties, by: { $0.parentCode ?? "" })
        // Heavy industry: a third of the cities (at least one) host industrial zones.
        let cities = region.cities.sorted(by: { $0.code < $1.code })
        var industrial = Set<String>()
        while industrial.count < max(1, Int((Double(cities.count) * 0.35).rounded())) {
            industrial.insert(cities[rng.index(cities.count)].code)
        }
        for city in cities {
            let cityCounties = countiesByCity[city.code] ?? []
            guard !cityCounties.isEmpty else { continue }
            if industrial.contains(city.code) {
                for _ in 0..<(1 + rng.index(2)) {
                    let county = cityCounties[rng.index(cityCounties.count)]
                    guard let seat = seats[county.code] else { continue }
                    let zone = near(seat, 6_000, rng: &rng)
                    for _ in 0..<(2 + rng.index(5)) { add(.steelPlant, near(zone, 3_000, rng: &rng), median: 1000, sigma: 0.7, rng: &rng) }
                    for _ in 0..<(1 + rng.index(4)) { add(.cokePlant, near(zone, 4_000, rng: &rng), median: 600, sigma: 0.6, rng: &rng) }
                    for _ in 0..<(4 + rng.index(7)) { add(.materialYard, near(zone, 6_000, rng: &rng), median: 100, sigma: 0.6, rng: &rng) }
                }
            }
            for _ in 0..<(1 + rng.index(3)) {
                let county = cityCounties[rng.index(cityCounties.count)]
                guard let seat = seats[county.code] else { continue }
                add(.cementPlant, near(seat, 12_000, rng: &rng), median: 320, sigma: 0.6, rng: &rng)
            }
        }
        // Towns and countryside.
        let cellsByCounty = Dictionary(grouping: region.cells, by: \.countyCode)
        for county in counties {
            guard let seat = seats[county.code], let cells = cellsByCounty[county.code] else { continue }
            let urban = isUrban(county)
            let spread = max(3_000, (region.countyAreas[county.code] ?? 0).squareRoot() / 4)
            for _ in 0..<(urban ? 25 : 10) { add(.boiler, near(seat, spread, rng: &rng), median: 10, sigma: 0.8, rng: &rng) }
            for _ in 0..<(urban ? 6 : 2) { add(.constructionSite, near(seat, spread, rng: &rng), median: 48, sigma: 0.7, rng: &rng) }
            guard !urban else { continue }
            for _ in 0..<8 { add(.openBurning, randomPoint(in: cells, rng: &rng), median: 24, sigma: 0.5, rng: &rng) }
            if rng.uniform() < 0.4 {
                let village = randomPoint(in: cells, rng: &rng)
                for _ in 0..<(4 + rng.index(7)) { add(.scatteredWorkshop, near(village, 1_500, rng: &rng), median: 40, sigma: 0.6, rng: &rng) }
            }
        }
        // Roads: every county seat to its two nearest neighbours, a source every 3 km.
        let seatList = counties.compactMap { c in seats[c.code].map { (c, $0) } }
        var roads: Set<[Int]> = []
        for (i, (_, a)) in seatList.enumerated() {
            let nearest = seatList.indices.filter { $0 != i }
                .sorted { Self.distance(a, seatList[$0].1) < Self.distance(a, seatList[$1].1) }.prefix(2)
            for j in nearest { roads.insert([min(i, j), max(i, j)]) }
        }
        for road in roads.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let (ca, a) = seatList[road[0]], (cb, b) = seatList[road[1]]
            let steps = max(1, Int(Self.distance(a, b) / 3_000))
            let busy = isUrban(ca) || isUrban(cb) ? 1.5 : 1
            for s in 0..<steps {
                let t = (Double(s) + 0.5) / Double(steps)
                let p = ProjectedPoint(x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y))
                add(.traffic, p, median: 9.6 * busy * Self.distance(a, b) / Double(steps) / 3_000, sigma: 0.2, rng: &rng)
            }
        }
        return sources
    }

    private func randomPoint(in cells: [Cell], rng: inout SeededGenerator) -> ProjectedPoint {
        let cell = cells[rng.index(cells.count)]
        let b = GridSpec.bounds(of: cell.id)
        return ProjectedPoint(x: rng.uniform(b.minX, b.maxX), y: rng.uniform(b.minY, b.maxY))
    }

    static func distance(_ a: ProjectedPoint, _ b: ProjectedPoint) -> Double {
        ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
    }
}
