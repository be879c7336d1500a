import Foundation
import HotGridCore
import HotGridPages
import HotGridService
import Hummingbird

/// The public portal: server-rendered pages, Chinese first (`?lang=en` for English first), drawn
/// from HotGrid's own data with nothing loaded from a network.
struct Portal: Sendable {
    let catalog: PublicCatalog
    /// Rendered map pages by path, language and the data's stamp: drawing a region's map takes
    /// tens of milliseconds, and it changes once a month.
    let cache: ResponseCache

    /// `render()`'s page, from the cache while the warning and hotspot lists stay as they were.
    func cached(_ request: Request, _ render: () throws -> HTML) throws -> Response {
        try cache.response(key: "\(request.uri.path)|\(Language(request).english)|\(catalog.pageStamp())", contentType: "text/html; charset=utf-8") {
            try render().data
        }
    }

    func register(on router: Router<AppRequestContext>) {
        router.get("/") { request, _ in try cached(request) { try home(Language(request)) } }
        router.get("cells/:id") { request, context in
            guard let id = context.parameters.get("id").flatMap(CellID.init) else { throw APIError.notFound("cell ids look like 3K-R01234-C05678") }
            return JSONBody.html(PortalPages.cell(try catalog.cellReport(id), Language(request)))
        }
        router.get("publications") { request, _ in JSONBody.html(PortalPages.publications(try catalog.publications(month: nil), Language(request))) }
        registerAreas(on: router)
    }

    /// The region map with hotspot cells and the latest month's warned cells, and a table per city.
    func home(_ language: Language) throws -> HTML {
        let month = try catalog.latestWarningMonth()
        return PortalPages.home(month: month, cells: catalog.cells, cityNames: catalog.cityNames,
                                warnings: try month.map { try catalog.warnings(month: $0) } ?? [],
                                hotspots: (try? catalog.hotspots(year: nil))?.cells ?? [], language)
    }
}

extension Language {
    /// The language a request asks for: English first with `?lang=en`.
    init(_ request: Request) { self.init(english: request.uri.queryParameters.get("lang") == "en") }
}
