import Foundation
import HotGridCore
import HotGridPages
import HotGridStore

/// `hotgrid publish`: the month's public warning list, frozen.
///
/// The public list is the warning list's CSV (cell id, city, county, coordinates, reasons and the
/// monthly values; nothing confidential). Its bytes are stored with the publication time and their
/// SHA-256, so the CSV a citizen downloads can be checked with `sha256sum`. Publishing a month
/// whose list has changed stores a correction naming the publication it replaces; publishing an
/// unchanged list returns the publication already made. GeoJSON and HTML are drawn from the
/// frozen CSV, and the page's map from the hotspot cells stored with it, so every format of a
/// publication says the same thing, however the hotspot list changes later.
public struct Publishing {
    public enum Format: String, Sendable, CaseIterable {
        case csv, geojson, html
    }

    private let store: any Store
    /// The region the pages are drawn on; read from the store when not given.
    private let region: RegionDirectory?

    public init(store: any Store, region: RegionDirectory? = nil) {
        self.store = store
        self.region = region
    }

    /// Publishes `month`'s stored warning list; `isNew` is false when it was already published as is.
    public func publish(month: Month) throws -> (publication: Publication, isNew: Bool) {
        guard let list = try store.warningList(month: month) else { throw WarningError.noWarningList(month) }
        let content = try WarningExport(store: store).csv([list])
        let hotspots = try store.hotspotList(year: list.hotspotYear)?.entries.map(\.cell) ?? []
        return try store.publish(month: month, content: String(decoding: content, as: UTF8.self), sha256: Self.sha256(content),
                                 hotspotCells: hotspots)
    }

    /// A stored publication by id.
    public func publication(id: Int) throws -> Publication {
        guard let p = try store.publication(id: id) else { throw WarningError.noPublication(id: id) }
        return p
    }

    /// `publication` in `format`.
    public func render(_ publication: Publication, format: Format) throws -> Data {
        switch format {
        case .csv: return Data(publication.content.utf8)
        case .geojson: return try geojson(publication)
        case .html: return try page(publication).html.data
        }
    }

    /// The publication's page: its frozen rows over the region's cells, shading the hotspot cells
    /// stored with it (publications from before those were stored shade the list as it stands).
    private func page(_ publication: Publication) throws -> PublicationPage {
        let region = try self.region ?? RegionDirectory(store: store)
        let hotspotYear = try store.warningList(month: publication.month)?.hotspotYear
        let shaded = try publication.hotspotCells ?? hotspotYear.flatMap { try store.hotspotList(year: $0) }?.entries.map(\.cell) ?? []
        return PublicationPage(publication: publication, records: try records(publication), cells: region.cells, cityNames: region.cityNames,
                               shaded: Set(shaded))
    }

    /// Hex SHA-256 of `data`.
    public static func sha256(_ data: Data) -> String {
        ContentHash.sha256(data)
    }

    /// The rows of the frozen CSV, by column name.
    public func records(_ publication: Publication) throws -> [[String: String]] {
        var header: [String] = [], rows: [[String: String]] = []
        try CSVReader(data: Data(publication.content.utf8), name: "publication #\(publication.id)").read(header: { header = $0 }) { _, fields in
            rows.append(Dictionary(zip(header, fields), uniquingKeysWith: { a, _ in a }))
        }
        return rows
    }

    private func geojson(_ publication: Publication) throws -> Data {
        let numeric: Set = ["lon", "lat", "pm25", "yoy_change_pct", "mom_change_pct"]
        let features = try records(publication).compactMap { row -> (cell: CellID, properties: [String: PropertyValue])? in
            guard let cell = row["cell_id"].flatMap(CellID.init) else { return nil }
            var properties: [String: PropertyValue] = [:]
            for (key, value) in row {
                properties[key] = numeric.contains(key) ? Double(value).map(PropertyValue.number) ?? .null : .text(value)
            }
            return (cell, properties)
        }
        var metadata: [String: PropertyValue] = ["id": .number(Double(publication.id)), "month": .text(publication.month.description),
                                                 "published_at": .text(publication.publishedAt), "csv_sha256": .text(publication.sha256)]
        metadata["replaces"] = publication.replaces.map { .number(Double($0)) } ?? .null
        return try CellGeoJSON.encode(features, metadata: metadata, metadataKey: "publication")
    }
}
