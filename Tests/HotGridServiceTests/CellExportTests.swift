import Foundation
import Testing
import HotGridCore
import HotGridSQLite
import HotGridStore
@testable import HotGridService

@Suite("Exporting cells and summarising the region")
struct CellExportTests {
    private func hebi(_ scratch: Scratch) throws -> SQLiteStore {
        let path = scratch.path("hebi.sqlite")
        try RegionSetup(source: .bundled(region: "2+26"), cities: ["410600"]).run(into: SQLiteAddress(path: path))
        return try SQLiteStore(opening: path)
    }

    @Test("CSV: the documented columns, one row per cell")
    func csv() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let store = try hebi(scratch)
        let text = String(decoding: try CellExport(store: store).render(.csv), as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(lines.first == "cell_id,city_code,city_name,county_code,county_name,lon,lat,area_km2")
        #expect(lines.count == (try store.cells().count) + 1)
        let fields = lines[1].split(separator: ",").map(String.init)
        #expect(CellID(fields[0]) != nil)
        #expect(fields[1] == "410600" && fields[2] == "鹤壁市")
        #expect((113.5...115).contains(Double(fields[5])!) && (35...36.5).contains(Double(fields[6])!))
        #expect((0...9).contains(Double(fields[7])!))
    }

    @Test("GeoJSON: a feature per cell with the same properties and its square, centre inside")
    func geojson() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let store = try hebi(scratch)
        let data = try CellExport(store: store).render(.geojson)
        let collection = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(collection["type"] as? String == "FeatureCollection")
        let features = try #require(collection["features"] as? [[String: Any]])
        #expect(features.count == (try store.cells().count))
        let first = features[0]
        let properties = try #require(first["properties"] as? [String: Any])
        #expect(Set(properties.keys) == Set(CellExport.columns))
        #expect(first["id"] as? String == properties["cell_id"] as? String)
        let geometry = try #require(first["geometry"] as? [String: Any])
        let ring = try #require((geometry["coordinates"] as? [[[Double]]])?.first)
        #expect(ring.count == 5 && ring.first == ring.last)
        let lon = properties["lon"] as! Double, lat = properties["lat"] as! Double
        #expect(ring.map { $0[0] }.min()! < lon && lon < ring.map { $0[0] }.max()!)
        #expect(ring.map { $0[1] }.min()! < lat && lat < ring.map { $0[1] }.max()!)
    }

    @Test("Output files appear whole or not at all")
    func outputFile() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let target = scratch.path("cells.csv")
        try OutputFile.write(Data("a,b\n".utf8), to: target)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "a,b\n")
        #expect(throws: OutputError.self) { try OutputFile.write(Data("x".utf8), to: scratch.path("no/such/dir/cells.csv")) }
        #expect(try scratch.contents() == ["cells.csv"])
    }

    @Test("CSV fields with commas or quotes are quoted")
    func csvQuoting() {
        var table = CSVTable(header: ["a", "b"])
        table.append(["x,y", "say \"hi\""])
        #expect(String(decoding: table.data, as: UTF8.self) == "a,b\n\"x,y\",\"say \"\"hi\"\"\"\n")
    }

    @Test("The region summary lists every city with its cells and a total, aligned for Chinese names")
    func summary() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let store = try hebi(scratch)
        let text = try RegionReport(store: store).render()
        let cells = try store.cells().count
        #expect(text.contains("鹤壁市"))
        #expect(text.contains("Hebi"))
        let lines = text.split(separator: "\n")
        let total = try #require(lines.last)
        #expect(total.contains("合计") && total.contains(" \(cells) "))
        let widths = lines.dropFirst().filter { !$0.hasPrefix("─") }.map { TextTable.displayWidth(String($0)) }
        #expect(Set(widths).count == 1, "every row of the table is as wide as the header")
    }
}
