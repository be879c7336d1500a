import Foundation
import HotGridCore
import HotGridPages
import HotGridService
import Hummingbird

/// The portal's city and county pages: the area's map with its hotspot cells and this month's
/// warned cells, its counties, the warned cells with their changes, and the escalations of the
/// past twelve months.
extension Portal {
    func registerAreas(on router: Router<AppRequestContext>) {
        router.get("cities/:code") { request, context in
            let code = context.parameters.get("code") ?? ""
            guard let name = catalog.cityNames[code] else { throw APIError.notFound("no city \(code) in this region") }
            return try cached(request) {
                try areaPage(name: name, cells: catalog.cells.filter { $0.cityCode == code }, listsHotspots: false,
                             contains: { $0.cityCode == code }, Language(request))
            }
        }
        router.get("counties/:code") { request, context in
            let code = context.parameters.get("code") ?? ""
            let cells = catalog.cells.filter { $0.countyCode == code }
            guard let first = cells.first, let name = catalog.countyNames[code] else { throw APIError.notFound("no county \(code) in this region") }
            return try cached(request) {
                try areaPage(name: "\(catalog.cityNames[first.cityCode] ?? "") \(name)", cells: cells, listsHotspots: true,
                             contains: { $0.countyCode == code }, Language(request))
            }
        }
    }

    /// A city's or county's page: what of the latest month's warnings, the latest hotspot list and
    /// the past year's escalations lies in the area.
    func areaPage(name: String, cells: [Cell], listsHotspots: Bool, contains: (CellLocation) -> Bool, _ language: Language) throws -> HTML {
        let month = try catalog.latestWarningMonth()
        let escalations = try month.map { m in try (0..<12).flatMap { try catalog.escalations(month: m.advanced(by: -$0)) } } ?? []
        return AreaPage(name: name, cells: cells, countyNames: catalog.countyNames, listsHotspots: listsHotspots, month: month,
                        warnings: try month.map { try catalog.warnings(month: $0) }?.filter { contains($0.place) } ?? [],
                        hotspots: ((try? catalog.hotspots(year: nil))?.cells ?? []).filter { contains($0.place) },
                        escalations: escalations.filter { contains($0.place) }).render(language)
    }
}
