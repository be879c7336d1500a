import Foundation
import HotGridCore
import HotGridService
import Hummingbird

/// `/api/v1` for everyone: region, hotspot lists, warnings, escalations, publications, a cell's
/// months, and OGC API – Features style GeoJSON collections.
struct PublicAPI: Sendable {
    let catalog: PublicCatalog
    /// Encoded warning pages and collection items by query and list stamp: a city's list is read
    /// far more often than made.
    let cache: ResponseCache

    func register(on api: RouterGroup<AppRequestContext>) {
        api.get("hotspots") { request, _ in
            let list = try catalog.hotspots(year: try request.int("year"), city: request.uri.queryParameters.get("city"))
            return Envelope(list.cells.map { PublicRows.Hotspot(year: list.year, entry: $0) }, paging: try Paging(request))
        }
        api.get("warnings") { request, _ in
            let month = try request.month("month") ?? catalog.latestWarningMonth()
            guard let month, let stamp = try catalog.warningStamp(month) else { throw APIError.notFound("no warning list yet") }
            let city = request.uri.queryParameters.get("city"), paging = try Paging(request)
            return try cache.response(key: "\(month)|\(city ?? "")|\(paging.page)|\(paging.limit)|\(stamp)") {
                try Envelope(catalog.warnings(month: month, city: city).map { PublicRows.Warning(month: month, warned: $0) }, paging: paging).data()
            }
        }
        api.get("means") { request, _ in
            guard let month = try request.month("month") else { throw APIError.badRequest("give month=YYYY-MM", fields: ["month": ""]) }
            let q = request.uri.queryParameters
            guard let rows = try catalog.monthlyMeans(month: month, city: q.get("city"), county: q.get("county")) else {
                throw APIError.notFound("no daily estimate in \(month)")
            }
            return Envelope(rows.map { PublicRows.Mean(month: month, mean: $0) }, paging: try Paging(request))
        }
        api.get("escalations") { request, _ in
            Envelope(try catalog.escalations(month: try request.month("month"), city: request.uri.queryParameters.get("city")).map(PublicRows.EscalationRow.init),
                     paging: try Paging(request))
        }
        api.get("publications") { request, _ in
            Envelope(try catalog.publications(month: try request.month("month")).map(PublicRows.PublicationInfo.init), paging: try Paging(request))
        }
        api.get("publications/:id/:format") { request, context in
            guard let id = context.parameters.get("id", as: Int.self) else { throw APIError.notFound("no such publication") }
            guard let format = context.parameters.get("format").flatMap(Publishing.Format.init) else {
                throw APIError.notFound("formats: csv, geojson, html")
            }
            let publishing = Publishing(store: catalog.store, region: catalog.region)
            let data = try publishing.render(publishing.publication(id: id), format: format)
            let type = switch format {
            case .csv: "text/csv; charset=utf-8"
            case .geojson: "application/geo+json"
            case .html: "text/html; charset=utf-8"
            }
            return JSONBody.bytes(data, contentType: type)
        }
        api.get("cells/:id") { _, context in
            guard let id = context.parameters.get("id").flatMap(CellID.init) else { throw APIError.notFound("cell ids look like 3K-R01234-C05678") }
            return try JSONBody.response(PublicRows.CellReport(record: catalog.cellReport(id)))
        }
        api.get("collections") { request, _ in
            try JSONBody.response(["collections": Collection.allCases.map { c in
                ["id": c.rawValue, "title": c.title, "items": "/api/v1/collections/\(c.rawValue)/items"]
            }])
        }
        api.get("collections/:name/items") { request, context in
            guard let collection = context.parameters.get("name").flatMap(Collection.init) else {
                throw APIError.notFound("collections: \(Collection.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            // Cached by query and what it depends on: the month's list stamp for warnings, the list years for hotspots.
            let stamp: String = switch collection {
            case .cells: "cells"
            case .hotspots: try catalog.store.hotspotListYears().map(String.init).joined(separator: ",")
            case .warnings: try (request.uri.queryParameters.get("datetime").flatMap(Month.init) ?? catalog.latestWarningMonth())
                .flatMap { try catalog.warningStamp($0) } ?? "none"
            }
            let query = try ItemsQuery(request)
            return try cache.response(key: "items|\(collection.rawValue)|\(query.canonical)|\(stamp)", contentType: "application/geo+json") {
                try items(collection, query)
            }
        }
    }

    /// The GeoJSON collections.
    enum Collection: String, CaseIterable {
        case cells, hotspots, warnings

        var title: String {
            switch self {
            case .cells: "The region's cells"
            case .hotspots: "Hotspot cells of a year (datetime=YYYY, latest by default)"
            case .warnings: "Warned cells of a month (datetime=YYYY-MM, latest by default)"
            }
        }
    }

    /// What `…/items` reads from its query, checked, and the same in a canonical order: the cache key
    /// and the links, so parameters it does not read neither split the cache nor echo back.
    struct ItemsQuery {
        let bbox: [Double]?
        let limit: Int
        let offset: Int
        let datetime: String?

        init(_ request: Request) throws {
            let q = request.uri.queryParameters
            bbox = try q.get("bbox").map { text -> [Double] in
                let v = text.split(separator: ",").compactMap { Double($0) }
                guard v.count == 4, v.allSatisfy(\.isFinite), v[0] <= v[2], v[1] <= v[3] else {
                    throw APIError.badRequest("bbox is min lon,min lat,max lon,max lat", fields: ["bbox": text])
                }
                return v
            }
            limit = try q.get("limit").map { text -> Int in
                guard let n = Int(text), (1...10_000).contains(n) else { throw APIError.badRequest("limit must be 1 to 10000", fields: ["limit": text]) }
                return n
            } ?? 1000
            offset = try q.get("offset").map { text -> Int in
                guard let n = Int(text), n >= 0 else { throw APIError.badRequest("offset must be 0 or more", fields: ["offset": text]) }
                return n
            } ?? 0
            datetime = q.get("datetime")
        }

        /// The query of the page at `offset`, canonical.
        func query(offset: Int) -> String {
            var parts = ["limit=\(limit)", "offset=\(offset)"]
            if let bbox { parts.append("bbox=" + bbox.map { "\($0)" }.joined(separator: ",")) }
            if let datetime { parts.append("datetime=" + (datetime.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")) }
            return parts.joined(separator: "&")
        }

        var canonical: String { query(offset: offset) }
    }

    /// A page of features with `numberMatched`, `numberReturned` and `self`/`next` links.
    func items(_ collection: Collection, _ query: ItemsQuery) throws -> Data {
        let (bbox, limit, offset, datetime) = (query.bbox, query.limit, query.offset, query.datetime)
        var features: [(CellID, [String: FeatureValue])] = []
        switch collection {
        case .cells:
            for c in catalog.cells where catalog.cell(c.id, in: bbox) {
                features.append((c.id, ["cell_id": .text(c.id.description), "city_code": .text(c.cityCode), "county_code": .text(c.countyCode)]))
            }
        case .hotspots:
            let year = try datetime.map { text -> Int in
                guard let y = Int(text), text.count == 4 else { throw APIError.badRequest("datetime is a year, YYYY", fields: ["datetime": text]) }
                return y
            }
            let list = try catalog.hotspots(year: year)
            for h in list.cells where catalog.cell(h.place.cell, in: bbox) {
                features.append((h.place.cell, ["cell_id": .text(h.place.cell.description), "rank": .number(Double(h.value.rank)), "year": .number(Double(list.year)),
                                                "city_code": .text(h.place.cityCode), "county_name": .text(h.place.countyName)]))
            }
        case .warnings:
            let month = try datetime.map { text -> Month in
                guard let m = Month(text) else { throw APIError.badRequest("datetime is a month, YYYY-MM", fields: ["datetime": text]) }
                return m
            } ?? catalog.latestWarningMonth()
            guard let month else { throw APIError.notFound("no warning list yet") }
            for w in try catalog.warnings(month: month) where catalog.cell(w.place.cell, in: bbox) {
                features.append((w.place.cell, ["cell_id": .text(w.place.cell.description), "month": .text(month.description),
                                                "reasons": .text(w.value.reasons.map(\.rawValue).joined(separator: ";")),
                                                "pm25": .number(PublicRows.rounded(w.value.pm25, 10)), "city_code": .text(w.place.cityCode),
                                                "county_name": .text(w.place.countyName)]))
            }
        }
        let page = features.dropFirst(offset).prefix(limit)
        let path = "/api/v1/collections/\(collection.rawValue)/items?"
        var links = [["rel": "self", "type": "application/geo+json", "href": path + query.canonical]]
        if offset < features.count - limit {
            links.append(["rel": "next", "type": "application/geo+json", "href": path + query.query(offset: offset + limit)])
        }
        let body = FeatureCollection(features: page.map { id, properties in
            FeatureCollection.Feature(id: id.description, geometry: .init(coordinates: [catalog.ring(id) ?? []]), properties: properties)
        }, numberMatched: features.count, numberReturned: page.count, links: links)
        return try JSONBody.encoder.encode(body)
    }
}

/// A GeoJSON property value.
enum FeatureValue: Encodable, Sendable {
    case text(String), number(Double)

    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case let .text(t): try c.encode(t)
        case let .number(n): try c.encode(n)
        }
    }
}

/// An OGC API – Features page of cells.
struct FeatureCollection: Encodable {
    struct Feature: Encodable {
        struct Geometry: Encodable {
            var type = "Polygon"
            let coordinates: [[[Double]]]
        }
        var type = "Feature"
        let id: String
        let geometry: Geometry
        let properties: [String: FeatureValue]
    }
    var type = "FeatureCollection"
    let features: [Feature]
    let numberMatched: Int
    let numberReturned: Int
    let links: [[String: String]]
}

extension Request {
    /// An integer query parameter, or a 400 naming it.
    func int(_ name: String) throws -> Int? {
        try uri.queryParameters.get(name).map { text in
            guard let n = Int(text) else { throw APIError.badRequest("\(name) must be a whole number", fields: [name: text]) }
            return n
        }
    }

    /// A `YYYY-MM` query parameter, or a 400 naming it.
    func month(_ name: String) throws -> Month? {
        try uri.queryParameters.get(name).map { text in
            guard let m = Month(text) else { throw APIError.badRequest("\(name) must be a month like 2018-12", fields: [name: text]) }
            return m
        }
    }
}
