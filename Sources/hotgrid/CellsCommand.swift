import ArgumentParser
import HotGridService
import HotGridStore

extension CellExport.Format: ExpressibleByArgument {}

struct CellsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cells",
        abstract: "Export every cell of the region as CSV or GeoJSON.",
        discussion: """
            Columns (CSV) and properties (GeoJSON): \(CellExport.columns.joined(separator: ", ")). \
            lon, lat: the cell centre, WGS84. area_km2: the part of the cell inside the region. \
            GeoJSON features carry the cell's square as a WGS84 polygon and the cell id as `id`.
            """
    )

    @Option(help: "The HotGrid database.")
    var db: String

    @Option(help: "csv or geojson.")
    var format: CellExport.Format = .csv

    @Option(help: "Write to this file instead of standard output.")
    var out: String?

    func run() throws {
        let data = try CellExport(store: StoreChoice.open(db)).render(format)
        try OutputFile.write(data, to: out)
    }
}
