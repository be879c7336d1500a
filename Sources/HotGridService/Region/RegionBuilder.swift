import HotGridCore
import HotGridGeo

/// Cuts counties into national-grid cells: every cell that overlaps them, with the area inside
/// each county, assigned to the city and then the county of that city holding the largest share.
enum RegionBuilder {
    static func build(name: String, counties: [CountyBoundary], resolution: GridResolution,
                      progress: ProgressReporter) throws -> Region {
        guard !counties.isEmpty else { throw ServiceError.noCells(region: name) }
        let grid = GridSpec(resolution: resolution)
        var shares: [CellID: [CountyShare]] = [:]
        var countyAreas: [String: Double] = [:]
        progress.begin("Overlaying \(counties.count) counties on \(resolution.meters) m cells", total: counties.count)
        for boundary in counties {
            countyAreas[boundary.county.code] = boundary.polygons.reduce(0) { $0 + $1.area }
            for (cell, area) in CellOverlay.coveredAreas(of: boundary.polygons, grid: grid) {
                shares[cell, default: []].append(CountyShare(countyCode: boundary.county.code, area: area))
            }
            progress.advance(by: 1)
        }
        progress.end("\(shares.count) cells")
        guard !shares.isEmpty else { throw ServiceError.noCells(region: name) }

        let cityOfCounty = Dictionary(counties.map { ($0.county.code, $0.city.code) }, uniquingKeysWith: { a, _ in a })
        let ids = shares.keys.sorted()
        progress.begin("Locating cell centres", total: ids.count)
        let centers = try NationalGrid().centers(of: ids)
        progress.end("done")
        try refuseOverlaps(shares, counties: counties, cellArea: resolution.cellArea)
        var cells = zip(ids, centers).map { id, center -> Cell in
            let cellShares = (shares[id] ?? []).sorted { ($0.area, $1.countyCode) > ($1.area, $0.countyCode) }
            let (city, county) = owner(of: cellShares, cityOfCounty: cityOfCounty)
            // Overlapping user polygons could claim more than the cell; it cannot hold more than itself.
            let inside = min(resolution.cellArea, cellShares.reduce(0) { $0 + $1.area })
            return Cell(id: id, cityCode: city, countyCode: county, longitude: center.longitude,
                        latitude: center.latitude, areaInside: inside, countyShares: cellShares)
        }
        giveEveryCountyACell(&cells, counties: counties)
        var cities: [String: AdminUnit] = [:]
        for boundary in counties where cities[boundary.city.code] == nil { cities[boundary.city.code] = boundary.city }
        return Region(name: name, resolution: resolution,
                      cities: cities.values.sorted { $0.code < $1.code },
                      counties: counties.map(\.county).sorted { $0.code < $1.code },
                      countyAreas: countyAreas, cells: cells)
    }

    /// Counties that claim the same land: where a cell's county shares add up to more than the
    /// cell, the excess is land two counties both hold. Boundary files digitised at different
    /// times overlap in slivers along shared edges; a real overlap (a county twice, or a county
    /// drawn over its neighbour) would count its area twice, so a pair overlapping by more than 1 %
    /// (measured in whole cells only, so a lower bound)
    /// of the smaller county is refused, naming both. (The bundled boundaries overlap nowhere.)
    static func refuseOverlaps(_ shares: [CellID: [CountyShare]], counties: [CountyBoundary], cellArea: Double) throws {
        var excess: [String: Double] = [:]
        for cellShares in shares.values where cellShares.count > 1 {
            let over = cellShares.reduce(0) { $0 + $1.area } - cellArea
            guard over > 1e-6 * cellArea else { continue }
            let top = cellShares.sorted { ($0.area, $1.countyCode) > ($1.area, $0.countyCode) }.prefix(2).map(\.countyCode).sorted()
            excess[top.joined(separator: "|"), default: 0] += over
        }
        let byCode = Dictionary(counties.map { ($0.county.code, $0) }, uniquingKeysWith: { a, _ in a })
        for (pair, area) in excess.sorted(by: { $0.value > $1.value }) {
            let codes = pair.split(separator: "|").map(String.init)
            guard codes.count == 2, let a = byCode[codes[0]], let b = byCode[codes[1]] else { continue }
            let smaller = min(a.polygons.reduce(0) { $0 + $1.area }, b.polygons.reduce(0) { $0 + $1.area })
            if area > 0.01 * smaller {
                throw ServiceError.overlappingCounties(a: "\(a.county.code) \(a.county.name)", b: "\(b.county.code) \(b.county.name)",
                                                       squareKilometres: area / 1e6, share: area / smaller)
            }
        }
    }

    /// A county smaller than a cell may hold the largest share of none (Yangquan's 矿区, 12 km²,
    /// lies across seven cells). So that no county escapes supervision, such a county takes the
    /// cell where its share is largest, provided the cell's owner keeps at least one other cell.
    /// The shares stay as measured.
    static func giveEveryCountyACell(_ cells: inout [Cell], counties: [CountyBoundary]) {
        var owned: [String: Int] = [:]
        for cell in cells { owned[cell.countyCode, default: 0] += 1 }
        var candidates: [String: [(index: Int, area: Double)]] = [:]
        for (index, cell) in cells.enumerated() {
            for share in cell.countyShares where owned[share.countyCode] == nil {
                candidates[share.countyCode, default: []].append((index, share.area))
            }
        }
        for boundary in counties.sorted(by: { $0.county.code < $1.county.code }) {
            let code = boundary.county.code
            guard owned[code] == nil, let options = candidates[code] else { continue }
            let ranked = options.sorted { ($0.area, cells[$1.index].id) > ($1.area, cells[$0.index].id) }
            guard let pick = ranked.first(where: { owned[cells[$0.index].countyCode, default: 0] > 1 }) else { continue }
            let cell = cells[pick.index]
            owned[cell.countyCode, default: 0] -= 1
            owned[code] = 1
            cells[pick.index] = Cell(id: cell.id, cityCode: boundary.city.code, countyCode: code,
                                     longitude: cell.longitude, latitude: cell.latitude,
                                     areaInside: cell.areaInside, countyShares: cell.countyShares)
        }
    }

    /// The city with the largest total share, then its county with the largest share; ties go to
    /// the smaller code so the choice never depends on input order.
    static func owner(of shares: [CountyShare], cityOfCounty: [String: String]) -> (city: String, county: String) {
        var byCity: [String: Double] = [:]
        for share in shares { byCity[cityOfCounty[share.countyCode] ?? "", default: 0] += share.area }
        let city = byCity.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? ""
        let county = shares.filter { cityOfCounty[$0.countyCode] == city }
            .max { ($0.area, $1.countyCode) < ($1.area, $0.countyCode) }?.countyCode ?? ""
        return (city, county)
    }
}
