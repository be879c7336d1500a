import Foundation
import Testing
import HotGridCore
@testable import HotGridGeo

/// The county boundaries shipped with HotGrid, read straight from the source tree.
let bundledCounties = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Sources/HotGridService/Resources/boundaries/regions-2p26-fenwei-yrd-counties.geojson").path

@Suite("Reading vector files through GDAL")
struct VectorFileTests {
    @Test("The bundled file has 760 county polygons with the documented fields, in WGS84")
    func bundled() throws {
        let file = try VectorFile(path: bundledCounties)
        #expect(Set(["adcode", "name", "city_adcode", "city_name", "region"]).isSubset(of: Set(file.fieldNames)))
        let crs = try #require(file.spatialReference)
        #expect(crs.isSame(as: .wgs84()))
        let features = try file.readFeatures(fields: ["adcode", "name", "region"])
        #expect(features.count == 760)
        #expect(features.allSatisfy { !$0.polygons.isEmpty && $0.attributes["adcode"]?.count == 6 })
        let regions = Dictionary(grouping: features, by: { $0.attributes["region"] ?? "" }).mapValues(\.count)
        #expect(regions == ["2+26": 327, "fenwei": 128, "yrd": 305])
        let dongcheng = try #require(features.first { $0.attributes["adcode"] == "110101" })
        #expect(dongcheng.attributes["name"] == "东城区")
        let lon = dongcheng.polygons[0].rings[0][0].x
        #expect((116...117).contains(lon))
    }

    @Test("Projected to the grid CRS, Beijing's Dongcheng district measures about 42 km²")
    func projected() throws {
        let features = try VectorFile(path: bundledCounties).readFeatures(fields: ["adcode"], projectingTo: .nationalGrid())
        let dongcheng = try #require(features.first { $0.attributes["adcode"] == "110101" })
        let area = dongcheng.polygons.reduce(0) { $0 + $1.area } / 1e6
        #expect(abs(area - 41.98) < 0.1)
        let x = dongcheng.polygons[0].rings[0][0].x
        #expect((900_000...1_000_000).contains(x))
    }

    @Test("A missing field is named with the fields that exist")
    func missingField() throws {
        let file = try VectorFile(path: bundledCounties)
        #expect {
            try file.readFeatures(fields: ["county_code"])
        } throws: { error in
            guard case let GeoError.missingField(path, field, available) = error else { return false }
            return path == bundledCounties && field == "county_code" && available.contains("adcode")
        }
    }

    @Test("A file that is not there or not vector data is refused with its path")
    func unreadable() throws {
        #expect(throws: GeoError.cannotOpen(path: "/no/such/file.geojson", reason: "no such file")) {
            try VectorFile(path: "/no/such/file.geojson")
        }
        let junk = FileManager.default.temporaryDirectory.appendingPathComponent("junk-\(UUID().uuidString).geojson")
        try Data("this is not geojson".utf8).write(to: junk)
        defer { try? FileManager.default.removeItem(at: junk) }
        #expect(throws: GeoError.self) { try VectorFile(path: junk.path) }
    }
}
