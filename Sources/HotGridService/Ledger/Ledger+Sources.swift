import Foundation
import HotGridCore
import HotGridStore

extension Ledger {
    /// Columns of a sources CSV; `name, kind, lon, lat` are required.
    public static let sourceColumns = ["name", "kind", "lon", "lat", "census_id", "operator", "notes"]

    /// Imports sources from CSV (WGS84 positions; each placed in its cell), all or none. Every
    /// source must lie in a cell of the importer's area.
    public func importSources(path: String) throws -> [PollutionSource] {
        let reader = try CSVReader(path: path)
        var columns: CSVColumns?
        var sources: [PollutionSource] = []
        var census = Set<String>()
        try reader.read(header: { columns = try CSVColumns(header: $0, required: Array(Self.sourceColumns.prefix(4)), path: path) }) { line, fields in
            let c = columns!
            func fail(_ reason: String) -> LedgerError { .badRow(path: path, line: line, reason: reason) }
            let name = c.value("name", in: fields)
            guard !name.isEmpty else { throw fail("name is empty") }
            guard name.count <= FreeText.short else { throw fail("name has \(name.count) characters; at most \(FreeText.short) are kept") }
            guard let kind = SourceKind(rawValue: c.value("kind", in: fields)) else {
                throw fail("kind '\(c.value("kind", in: fields))' is not one of \(SourceKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard let lon = Double(c.value("lon", in: fields)), let lat = Double(c.value("lat", in: fields)) else {
                throw fail("lon/lat '\(c.value("lon", in: fields))', '\(c.value("lat", in: fields))' are not numbers")
            }
            let position = LonLat(longitude: lon, latitude: lat)
            guard let cell = try? self.cell(at: position, field: .position) else { throw fail("\(lon), \(lat) lies outside the region's cells") }
            do { try policy.check(.importSources, at: place(cell)) } catch let error as LedgerError { throw fail("\(error)") }
            let censusID = c.value("census_id", in: fields)
            guard censusID.isEmpty || census.insert(censusID).inserted else { throw fail("census_id \(censusID) appears twice") }
            sources.append(PollutionSource(id: 0, cell: cell, kind: kind, position: position, name: name, censusID: censusID.nonEmpty,
                                           operatorName: c.value("operator", in: fields).nonEmpty, notes: c.value("notes", in: fields).nonEmpty))
        }
        do {
            return try store.ledger(actor: actor.id) { w in try sources.map(w.addSource) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw LedgerError.badFile(path: path, reason: "not imported (\(error)); a census_id may already be known")
        }
    }

    /// The sources of `cell` as this person may see them.
    public func sources(in cell: CellID) throws -> [SourceView] {
        let open = policy.seesConfidential(at: try place(cell))
        return try store.sources(cell: cell).map { s in
            SourceView(id: s.id, cell: s.cell, kind: s.kind, name: open ? s.name : nil, position: open ? s.position : nil,
                       censusID: open ? s.censusID : nil, operatorName: open ? s.operatorName : nil, notes: open ? s.notes : nil)
        }
    }
}
