import Foundation
import Testing
import HotGridCore
@testable import HotGridGeo

@Suite("Reading rasters through GDAL")
struct RasterFileTests {
    @Test("A GeoTIFF written through GDAL reads back window by window, with its georeferencing and no-data")
    func geoTIFFRoundTrip() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("raster-\(UUID().uuidString).tif").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let transform = GeoTransform(originX: 110, pixelWidth: 0.25, originY: 40, pixelHeight: -0.25)
        do {
            let file = try RasterFile(creatingGeoTIFF: path, width: 4, height: 3, bandCount: 2,
                                      geoTransform: transform, crs: .wgs84(), noData: -9999)
            try file.write(band: 1, width: 4, height: 3, values: (0..<12).map(Double.init))
            try file.write(band: 2, column: 1, row: 1, width: 2, height: 1, values: [7.5, 8.5])
        }
        let file = try RasterFile(path: path)
        #expect(file.width == 4 && file.height == 3 && file.bandCount == 2)
        #expect(file.geoTransform == transform)
        #expect(try #require(file.spatialReference).isSame(as: .wgs84()))
        let window = try file.read(band: 1, column: 1, row: 1, width: 2, height: 2)
        #expect(window.values == [5, 6, 9, 10])
        let second = try file.read(band: 2)
        #expect(second.noData == -9999)
        #expect(second.value(column: 0, row: 0) == nil)
        #expect(second.value(column: 1, row: 1) == 7.5)
        #expect(second.value(column: 2, row: 1) == 8.5)
        #expect(transform.point(column: 4, row: 3) == ProjectedPoint(x: 111, y: 39.25))
    }

    @Test("Bands and windows outside the raster are refused, naming the file")
    func outOfRange() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("small-\(UUID().uuidString).tif").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try RasterFile(creatingGeoTIFF: path, width: 2, height: 2, bandCount: 1,
                           geoTransform: GeoTransform(originX: 0, pixelWidth: 1, originY: 2, pixelHeight: -1),
                           crs: .nationalGrid(), noData: 0)
        let file = try RasterFile(path: path)
        #expect(throws: GeoError.bandOutOfRange(path: path, band: 3, bandCount: 1)) { try file.read(band: 3) }
        #expect(throws: GeoError.self) { try file.read(band: 1, column: 1, row: 1, width: 2, height: 2) }
    }
}
