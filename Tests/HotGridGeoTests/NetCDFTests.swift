import Foundation
import Testing
import HotGridCore
@testable import HotGridGeo

@Suite("NetCDF through GDAL")
struct NetCDFTests {
    @Test("A daily NetCDF written here reads back with its CF time axis, fill values and lat/lon grid")
    func roundTrip() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("field-\(UUID().uuidString).nc").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let lattice = Lattice(minX: 114, maxY: 40, cellWidth: 0.5, cellHeight: 0.25, columns: 4, rows: 3)
        let days = [Day("2017-12-31")!, Day("2018-01-01")!]
        do {
            let writer = try NetCDFWriter(path: path, variable: "blh", units: "m", longName: "boundary layer height",
                                          lattice: lattice, days: days)
            try writer.write(day: 0, values: (0..<12).map { Float($0) })
            try writer.write(day: 1, values: (0..<12).map { $0 == 5 ? .nan : Float(100 + $0) })
        }
        let file = try RasterFile(path: path)
        #expect(file.width == 4 && file.height == 3 && file.bandCount == 2)
        #expect(try file.bandDays() == days)
        #expect(try file.lattice() == lattice)
        #expect(file.metadata(key: "lat#units") == "degrees_north")
        let first = try file.readPhysical(band: 1)
        let second = try file.readPhysical(band: 2)
        // GDAL shows the rows north-up whatever the file's latitude order.
        let northUp = file.isSouthUp ? stride(from: 2, through: 0, by: -1).flatMap { r in (0..<4).map { r * 4 + $0 } } : Array(0..<12)
        #expect(northUp.map { first[$0] } == (0..<12).map(Float.init))
        #expect(northUp.map { second[$0] }[5].isNaN)
        #expect(northUp.map { second[$0] }[6] == 106)
    }

    @Test("CF time units in days, hours and seconds since a reference", arguments: [
        ("days since 2017-01-01", 31.0, "2017-02-01"),
        ("hours since 1900-01-01 00:00:00.0", 1_034_376.0, "2018-01-01"),
        ("seconds since 1970-01-01T00:00:00Z", 86_400.0 * 365 + 43_200, "1971-01-01"),
        ("days since 2017-1-1", 0.5, "2017-01-01"),
    ])
    func timeUnits(units: String, value: Double, day: String) throws {
        #expect(try CFTimeUnits(units, path: "x.nc").day(of: value).description == day)
    }

    @Test("Time units that are not CF are refused")
    func badUnits() {
        #expect(throws: GeoError.self) { try CFTimeUnits("fortnights since 2017-01-01", path: "x.nc") }
        #expect(throws: GeoError.self) { try CFTimeUnits("days after 2017-01-01", path: "x.nc") }
        #expect(throws: GeoError.self) { try CFTimeUnits("days since yesterday", path: "x.nc") }
    }
}
