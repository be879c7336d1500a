import Foundation
import Testing
import HotGridCore
import HotGridGeo
import HotGridSQLite
import HotGridStore
@testable import HotGridService

/// A database of Hebi's 239 cells, small and real.
private func hebiDatabase(_ scratch: Scratch) throws -> SQLiteStore {
    let path = scratch.path("hebi.sqlite")
    try RegionSetup(source: .bundled(region: "2+26"), cities: ["410600"]).run(into: SQLiteAddress(path: path))
    return try SQLiteStore(opening: path)
}

/// The Albers frame around the region's cells, snapped to the 3 km grid.
private func frame(_ cells: [Cell]) -> (minX: Double, maxY: Double, columns: Int, rows: Int) {
    let rects = cells.map { GridSpec.bounds(of: $0.id) }
    let minX = rects.map(\.minX).min()!, maxX = rects.map(\.maxX).max()!
    let minY = rects.map(\.minY).min()!, maxY = rects.map(\.maxY).max()!
    return (minX, maxY, Int((maxX - minX) / 3000), Int((maxY - minY) / 3000))
}

@Suite("Ingesting gridded fields")
struct FieldIngestTests {
    @Test("A linear field on 1.5 km pixels aligned with the grid gives each cell its centre's value")
    func alignedLinearField() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let store = try hebiDatabase(scratch)
        let cells = try store.cells()
        let f = frame(cells)
        let path = scratch.path("linear.tif")
        let width = f.columns * 2, height = f.rows * 2
        let value = { (x: Double, y: Double) in 50 + (x - f.minX) / 1000 - (f.maxY - y) / 2000 }
        do {
            let raster = try RasterFile(creatingGeoTIFF: path, width: width, height: height, bandCount: 1,
                                        geoTransform: GeoTransform(originX: f.minX, pixelWidth: 1500, originY: f.maxY, pixelHeight: -1500),
                                        crs: .nationalGrid(), noData: -1)
            let values = (0..<(width * height)).map { i in value(f.minX + (Double(i % width) + 0.5) * 1500, f.maxY - (Double(i / width) + 0.5) * 1500) }
            try raster.write(band: 1, width: width, height: height, values: values)
        }
        let summary = try FieldIngest(variable: .blh, path: path, date: Day("2017-06-01")).run(store: store)
        #expect(summary.cellsCovered == cells.count)
        #expect(summary.pixelsPerCell == 4)
        let stored = try #require(try store.fieldDay("blh", on: Day("2017-06-01")!))
        for (cell, v) in zip(cells, stored) {
            let c = GridSpec.bounds(of: cell.id).center
            #expect(abs(Double(v) - value(c.x, c.y)) < 1e-4)
        }
    }

    @Test("A pixel half inside a cell counts half; no-data pixels stay out; too little coverage is missing")
    func halfPixels() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let store = try hebiDatabase(scratch)
        let cells = try store.cells()
        let f = frame(cells)
        // 3 km pixels shifted half a cell east: every cell is half pixel j, half pixel j + 1.
        let width = f.columns + 1, height = f.rows
        let path = scratch.path("half.tif")
        let first = try #require(cells.first)
        let column = Int((GridSpec.bounds(of: first.id).minX - (f.minX - 1500)) / 3000)
        let row = Int((f.maxY - GridSpec.bounds(of: first.id).maxY) / 3000)
        do {
            let raster = try RasterFile(creatingGeoTIFF: path, width: width, height: height, bandCount: 1,
                                        geoTransform: GeoTransform(originX: f.minX - 1500, pixelWidth: 3000, originY: f.maxY, pixelHeight: -3000),
                                        crs: .nationalGrid(), noData: -9999)
            // Pixel value = 10 × its column; the first cell's right-hand pixel has no data.
            var values = (0..<(width * height)).map { Double(10 * ($0 % width)) }
            values[row * width + column + 1] = -9999
            try raster.write(band: 1, width: width, height: height, values: values)
        }
        let day = Day("2017-06-01")!
        _ = try FieldIngest(variable: .precip, path: path, date: day).run(store: store)
        let stored = try #require(try store.fieldDay("precip", on: day))
        for (index, cell) in cells.enumerated().dropFirst() {
            let j = Int((GridSpec.bounds(of: cell.id).minX - (f.minX - 1500)) / 3000)
            if cell.id.row == first.id.row, j == column + 1 {
                #expect(stored[index] == Float(10 * (j + 1)), "its left half has no data: the right half's value")
            } else {
                #expect(stored[index] == Float(10 * j + 5), "\(cell.id)")
            }
        }
        #expect(stored[0] == Float(10 * column), "half the cell is covered: the covered half's value")
        _ = try FieldIngest(variable: .precip, path: path, date: day, minimumCoverage: 0.6).run(store: store)
        #expect(try store.fieldDay("precip", on: day)?[0].isNaN == true)
    }

    @Test("A lat/lon NetCDF without grid mapping (ERA5-like) ingests day by day, with cloud gaps missing")
    func netCDF() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let store = try hebiDatabase(scratch)
        let cells = try store.cells()
        let lattice = Lattice.geographic(covering: cells.map { LonLat(longitude: $0.longitude, latitude: $0.latitude) }, pixel: 0.05)
        let path = scratch.path("t2m.nc")
        let days = [Day("2017-01-30")!, Day("2017-01-31")!, Day("2017-02-01")!]
        do {
            let writer = try NetCDFWriter(path: path, variable: "t2m", units: "K", longName: "2 m temperature", lattice: lattice, days: days)
            for d in days.indices {
                // Kelvin; on day 2 the western half is cloud.
                let values = (0..<(lattice.columns * lattice.rows)).map { i -> Float in
                    d == 1 && i % lattice.columns < lattice.columns / 2 ? .nan : Float(273.15 + Double(d))
                }
                try writer.write(day: d, values: values)
            }
        }
        let summary = try FieldIngest(variable: .t2m, path: path, offset: -273.15).run(store: store)
        #expect(summary.days == days)
        #expect(summary.cellsCovered == cells.count)
        let day0 = try #require(try store.fieldDay("t2m", on: days[0]))
        #expect(day0.allSatisfy { abs($0 - 0) < 1e-4 })
        let day1 = try #require(try store.fieldDay("t2m", on: days[1]))
        let split = lattice.minX + Double(lattice.columns / 2) * lattice.cellWidth
        for (cell, v) in zip(cells, day1) {
            if cell.longitude < split - 0.03 { #expect(v.isNaN) }
            if cell.longitude > split + 0.03 { #expect(abs(v - 1) < 1e-4) }
        }
        let inventory = try #require(try store.fieldInventory().first)
        #expect(inventory.variable == "t2m" && inventory.days == 3 && inventory.firstDay == days[0])
        #expect(inventory.presentShare > 0.7 && inventory.presentShare < 0.9)
    }

    @Test("A NetCDF of several variables (as an ERA5 download of u10, v10, blh and tp is) gives each by --source-variable, and lists them when the name is wrong")
    func severalVariables() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let store = try hebiDatabase(scratch)
        let cells = try store.cells()
        let lattice = Lattice.geographic(covering: cells.map { LonLat(longitude: $0.longitude, latitude: $0.latitude) }, pixel: 0.25)
        let path = scratch.path("met.nc")
        let days = [Day("2017-01-01")!, Day("2017-01-02")!]
        let names = ["u10", "v10", "blh", "tp"]
        do {
            let writer = try NetCDFWriter(path: path, variables: names.map { NetCDFWriter.Variable(name: $0, units: "1", longName: $0) },
                                          lattice: lattice, days: days)
            for d in days.indices {
                for v in names.indices {
                    try writer.write(day: d, values: [Float](repeating: Float(10 * v + d), count: lattice.columns * lattice.rows), variable: v)
                }
            }
        }
        for (variable, index) in [(FieldVariable.u10, 0), (.v10, 1), (.blh, 2)] {
            let summary = try FieldIngest(variable: variable, path: path, sourceVariable: names[index]).run(store: store)
            #expect(summary.days == days)
            #expect(try store.fieldDay(variable.rawValue, on: days[1])?.allSatisfy { abs($0 - Float(10 * index + 1)) < 1e-4 } == true)
        }
        // Without --source-variable the canonical name is looked for.
        _ = try FieldIngest(variable: .u10, path: path).run(store: store)
        // What was stored, as `hotgrid field` gives it back.
        let csv = String(decoding: try FieldExport(store: store).render(variable: .v10, from: days[0], to: days[1]), as: UTF8.self)
        let rows = csv.split(separator: "\n")
        #expect(rows.first == "cell_id,day,value" && rows.count == 1 + 2 * cells.count)
        #expect(rows[1] == "\(cells[0].id),2017-01-01,10.0" && rows.last == "\(cells.last!.id),2017-01-02,11.0")
        #expect(throws: ServiceError.nothingStored(variable: "rh", from: days[0], to: days[1])) {
            try FieldExport(store: store).render(variable: .rh, from: days[0], to: days[1])
        }
        #expect(throws: GeoError.noSuchVariable(path: path, variable: "precip", available: names)) {
            try FieldIngest(variable: .precip, path: path).run(store: store)
        }
    }

    @Test("Hourly ERA5 in both CDS layouts becomes Beijing-time daily values: means, tp summed in mm, t2m in °C; incomplete days reported, not stored",
          arguments: [NetCDFWriter.Layout.era5Classic, .era5])
    func hourlyERA5(layout: NetCDFWriter.Layout) throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let store = try hebiDatabase(scratch)
        let cells = try store.cells()
        let lattice = Lattice.geographic(covering: cells.map { LonLat(longitude: $0.longitude, latitude: $0.latitude) }, pixel: 0.25)
        let path = scratch.path("era5.nc")
        // 72 hours from 2017-01-01 00:00 UTC; step k's values: u10 = k m/s, t2m = 273.15 + k/10 K, tp = k/10,000 m.
        let start = Double(Day("2017-01-01")!.ordinal) * 86_400, hours = 72
        let variables = [NetCDFWriter.Variable(name: "u10", units: "m s**-1", longName: "10 metre U wind component", packing: (0.01, 0)),
                         NetCDFWriter.Variable(name: "t2m", units: "K", longName: "2 metre temperature", packing: (0.01, 273.15)),
                         NetCDFWriter.Variable(name: "tp", units: "m", longName: "Total precipitation", packing: (1e-6, 0))]
        do {
            let writer = try NetCDFWriter(path: path, variables: variables, lattice: lattice, times: (0..<hours).map { start + Double($0) * 3_600 },
                                          layout: layout)
            let n = lattice.columns * lattice.rows
            for k in 0..<hours {
                for (v, value) in [Double(k), 273.15 + Double(k) / 10, Double(k) / 10_000].enumerated() {
                    try writer.write(day: k, values: [Float](repeating: Float(value), count: n), variable: v)
                }
            }
        }
        // The classic layout is netCDF3 with int16 packed values, the current one NetCDF-4 (HDF5) with floats.
        let magic = try Data(contentsOf: URL(fileURLWithPath: path)).prefix(4)
        #expect(layout == .era5Classic ? magic == Data("CDF\u{1}".utf8) : magic.dropFirst() == Data("HDF".utf8))
        let packed = try RasterFile(path: "NETCDF:\"\(path)\":u10")
        #expect((packed.metadata(key: "u10#scale_factor") != nil) == (layout == .era5Classic))
        let (jan2, jan3) = (Day("2017-01-02")!, Day("2017-01-03")!)
        // Beijing's 2 January is 16:00 UTC of the 1st to 16:00 of the 2nd: instants k = 16…39; amounts ending k = 17…40.
        let expected: [(FieldVariable, String, [Double], String?)] = [
            (.u10, "u10", [27.5, 51.5], nil),
            (.t2m, "t2m", [2.75, 5.15], "K → °C"),
            (.precip, "tp", [Double((17...40).reduce(0, +)) / 10, Double((41...64).reduce(0, +)) / 10], "m → mm"),
        ]
        for (variable, name, values, conversion) in expected {
            let summary = try FieldIngest(variable: variable, path: path, sourceVariable: name).run(store: store)
            #expect(summary.days == [jan2, jan3] && summary.stepsPerDay == 24, "\(name)")
            #expect(summary.incompleteDays == [Day("2017-01-01")!, Day("2017-01-04")!], "\(name)")
            #expect(summary.conversion == conversion, "\(name)")
            for (day, value) in zip([jan2, jan3], values) {
                let stored = try #require(try store.fieldDay(variable.rawValue, on: day))
                #expect(stored.allSatisfy { abs(Double($0) - value) < 0.01 }, "\(name) \(day): \(stored.first ?? .nan) vs \(value)")
            }
        }
    }

    @Test("Garbage is not data: an undeclared −999, 3e38, an overflowing --scale are refused by day, band and pixel, the database unchanged; --fill-value and --skip-bad-values")
    func implausibleValues() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let store = try hebiDatabase(scratch)
        let cells = try store.cells()
        let lattice = Lattice.geographic(covering: cells.map { LonLat(longitude: $0.longitude, latitude: $0.latitude) }, pixel: 0.05)
        let n = lattice.columns * lattice.rows, middle = lattice.rows / 2 * lattice.columns + lattice.columns / 2
        func file(_ name: String, bad: Float) throws -> String {
            let path = scratch.path(name)
            let writer = try NetCDFWriter(path: path, variable: "blh", units: "m", longName: "boundary layer height", lattice: lattice,
                                          days: [Day("2017-01-01")!, Day("2017-01-02")!])
            try writer.write(day: 0, values: [Float](repeating: 800, count: n))
            var values = [Float](repeating: 900, count: n)
            values[middle] = bad
            try writer.write(day: 1, values: values)
            return path
        }
        let before = try fingerprint(of: store.path)
        for (path, scale) in [(try file("fill.nc", bad: -999), 1.0), (try file("huge.nc", bad: 3e38), 1.0), (try file("ok.nc", bad: 900), 1e308)] {
            #expect {
                try FieldIngest(variable: .blh, path: path, scale: scale).run(store: store)
            } throws: { error in
                let text = "\(error)"
                return text.contains(path) && text.contains("2017-0") && text.contains("band") && text.contains("pixel column") && text.contains("--fill-value")
            }
        }
        #expect(try fingerprint(of: store.path) == before)
        // Named as missing, −999 is a gap; skipped, 3e38 is one too, and counted.
        let filled = try FieldIngest(variable: .blh, path: try file("fill2.nc", bad: -999), fillValue: -999).run(store: store)
        #expect(filled.days.count == 2 && filled.skippedValues == 0)
        let skipped = try FieldIngest(variable: .blh, path: try file("huge2.nc", bad: 3e38), skipBadValues: true).run(store: store)
        #expect(skipped.skippedValues == 1)
        #expect(try store.fieldDay("blh", on: Day("2017-01-02")!)?.allSatisfy { $0.isNaN || abs($0 - 900) < 1e-3 } == true)
    }

    @Test("A folder of one GeoTIFF a day (as ChinaHighPM2.5 ships) is read by --date-pattern; other files are counted, a second file for a day or another grid refused")
    func dailyFolder() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let store = try hebiDatabase(scratch)
        let folder = scratch.url.appendingPathComponent("chap").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        func tif(_ name: String, value: Double, size: Int = 40) throws {
            let raster = try RasterFile(creatingGeoTIFF: folder + "/" + name, width: size, height: size, bandCount: 1,
                                        geoTransform: GeoTransform(originX: 113.5, pixelWidth: 0.05, originY: 36.5, pixelHeight: -0.05),
                                        crs: .wgs84(), noData: -1)
            try raster.write(band: 1, width: size, height: size, values: [Double](repeating: value, count: size * size))
        }
        for (day, value) in [("20190102", 20.0), ("20190101", 10.0), ("20190103", 30.0)] { try tif("CHAP_PM2.5_D1K_\(day)_V4.tif", value: value) }
        try Data("notes".utf8).write(to: URL(fileURLWithPath: folder + "/readme.txt"))
        #expect { try FieldIngest(variable: .pm25Satellite, path: folder).run(store: store) } throws: { "\($0)".contains("--date-pattern") }
        let summary = try FieldIngest(variable: .pm25Satellite, path: folder, datePattern: "CHAP_PM2.5_D1K_%Y%m%d").run(store: store)
        #expect(summary.days == ["2019-01-01", "2019-01-02", "2019-01-03"].map { Day($0)! } && summary.unmatchedFiles == 1)
        #expect(try store.fieldDay("pm25_satellite", on: Day("2019-01-03")!)?.contains { abs($0 - 30) < 1e-4 } == true)
        // Day of the year works too.
        #expect(DatePattern("A%Y%j").day(in: "MCD19A2.A2019032.h27v05.tif") == Day("2019-02-01"))
        try tif("CHAP_PM2.5_D1K_20190104_V4.tif", value: 40, size: 30)
        #expect { try FieldIngest(variable: .pm25Satellite, path: folder, datePattern: "CHAP_PM2.5_D1K_%Y%m%d").run(store: store) } throws: {
            "\($0)".contains("20190104") && "\($0)".contains("share one grid")
        }
        try FileManager.default.removeItem(atPath: folder + "/CHAP_PM2.5_D1K_20190104_V4.tif")
        try tif("CHAP_PM2.5_D1K_20190103_V5.tif", value: 30)
        #expect { try FieldIngest(variable: .pm25Satellite, path: folder, datePattern: "CHAP_PM2.5_D1K_%Y%m%d").run(store: store) } throws: {
            "\($0)".contains("are both 2019-01-03")
        }
    }

    @Test("ChinaHighPM2.5 as NetCDF (variable PM2.5, uint16 packed, fill 65535, 0.01°, latitude ascending, the date in the name) in a folder by --date-pattern")
    func chapNetCDF() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let store = try hebiDatabase(scratch)
        let cells = try store.cells()
        let lattice = Lattice.geographic(covering: cells.map { LonLat(longitude: $0.longitude, latitude: $0.latitude) }, pixel: 0.01)
        let south = lattice.maxY - Double(lattice.rows) * lattice.cellHeight
        let folder = scratch.url.appendingPathComponent("chap-nc").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // PM2.5 rising 100 µg/m³ per degree northward, so a flipped file would show; the western
        // tenth of day 2 is fill (65535), as CHAP marks pixels it has no estimate for.
        let west = lattice.minX + 0.1 * Double(lattice.columns) * lattice.cellWidth
        for (index, name) in ["20190102", "20190101"].enumerated() {
            let day = Day(year: 2019, month: 1, day: Int(name.suffix(2))!)!
            let writer = try NetCDFWriter(path: "\(folder)/CHAP_PM2.5_D1K_\(name)_V4.nc",
                                          variables: [.init(name: "PM2.5", units: "µg/m3", longName: "PM2.5", packing: (0.1, 0))],
                                          lattice: lattice, times: [Double(day.ordinal) * 86_400], layout: .chap)
            let values = (0..<(lattice.rows * lattice.columns)).map { i -> Float in
                let (row, column) = (i / lattice.columns, i % lattice.columns)
                let lat = lattice.maxY - (Double(row) + 0.5) * lattice.cellHeight, lon = lattice.minX + (Double(column) + 0.5) * lattice.cellWidth
                return index == 0 && lon < west ? .nan : Float(10 + 100 * (lat - south))
            }
            try writer.write(day: 0, values: values)
        }
        let summary = try FieldIngest(variable: .pm25Satellite, path: folder, sourceVariable: "PM2.5", datePattern: "CHAP_PM2.5_D1K_%Y%m%d").run(store: store)
        #expect(summary.days == [Day("2019-01-01")!, Day("2019-01-02")!])
        let first = try #require(try store.fieldDay("pm25_satellite", on: Day("2019-01-01")!))
        let second = try #require(try store.fieldDay("pm25_satellite", on: Day("2019-01-02")!))
        for (i, cell) in cells.enumerated() {
            let want = Float(10 + 100 * (cell.latitude - south))
            #expect(abs(first[i] - want) < 0.6, "\(cell.id): \(first[i]) for \(want)")
            if cell.longitude < west - 0.03 { #expect(second[i].isNaN, "\(cell.id) lies in the fill") }
            if cell.longitude > west + 0.03 { #expect(abs(second[i] - want) < 0.6) }
        }
        #expect(!second.contains { $0 > 1000 }, "65535 × 0.1 is never a value")
    }

    @Test("A global file on 0…360° longitude (as ERA5 and reanalyses ship) places the region where it is")
    func longitudeZeroTo360() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let store = try hebiDatabase(scratch)
        let cells = try store.cells()
        let lattice = Lattice(minX: -0.125, maxY: 90.125, cellWidth: 0.25, cellHeight: 0.25, columns: 1440, rows: 721)
        let path = scratch.path("global.nc")
        do {
            let writer = try NetCDFWriter(path: path, variable: "blh", units: "m", longName: "boundary layer height", lattice: lattice,
                                          days: [Day("2019-01-01")!])
            // The value is the pixel's longitude: any shift or wrap of the grid shows in the cells.
            try writer.write(day: 0, values: (0..<(lattice.rows * lattice.columns)).map { Float(Double($0 % lattice.columns) * 0.25) })
        }
        _ = try FieldIngest(variable: .blh, path: path).run(store: store)
        let day = try #require(try store.fieldDay("blh", on: Day("2019-01-01")!))
        for (i, cell) in cells.enumerated() { #expect(abs(Double(day[i]) - cell.longitude) < 0.2, "\(cell.id): \(day[i])") }
    }

    @Test("Bad files are refused with the reason, the database unchanged")
    func badFiles() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let store = try hebiDatabase(scratch)
        let lattice = Lattice(minX: 113.5, maxY: 36.5, cellWidth: 0.1, cellHeight: 0.1, columns: 20, rows: 20)
        let nc = scratch.path("blh.nc")
        do {
            let writer = try NetCDFWriter(path: nc, variable: "blh", units: "m", longName: "boundary layer height",
                                          lattice: lattice, days: [Day("2017-01-01")!])
            try writer.write(day: 0, values: [Float](repeating: 500, count: 400))
        }
        _ = try FieldIngest(variable: .blh, path: nc).run(store: store)
        let before = try fingerprint(of: store.path)

        #expect(throws: GeoError.noSuchVariable(path: nc, variable: "boundary_layer_height", available: ["blh"])) {
            try FieldIngest(variable: .blh, path: nc, sourceVariable: "boundary_layer_height").run(store: store)
        }
        let noCRS = scratch.path("nocrs.tif")
        _ = try RasterFile(creatingGeoTIFF: noCRS, width: 2, height: 2, bandCount: 1,
                           geoTransform: GeoTransform(originX: 114, pixelWidth: 0.1, originY: 36, pixelHeight: -0.1), crs: nil, noData: 0)
        #expect(throws: IngestError.noCRS(path: noCRS)) { try FieldIngest(variable: .blh, path: noCRS, date: Day("2017-01-02")).run(store: store) }
        let elsewhere = scratch.path("andes.tif")
        _ = try RasterFile(creatingGeoTIFF: elsewhere, width: 2, height: 2, bandCount: 1,
                           geoTransform: GeoTransform(originX: -70, pixelWidth: 0.1, originY: -30, pixelHeight: -0.1), crs: .wgs84(), noData: 0)
        #expect {
            try FieldIngest(variable: .blh, path: elsewhere, date: Day("2017-01-02")).run(store: store)
        } throws: { error in
            guard case let IngestError.noOverlap(path, extent) = error else { return false }
            return path == elsewhere && extent.contains("-70")
        }
        #expect(throws: IngestError.noDate(path: elsewhere)) { try FieldIngest(variable: .blh, path: elsewhere).run(store: store) }
        // A NetCDF cut short: GDAL cannot read it.
        let truncated = scratch.path("truncated.nc")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: nc))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: truncated))
        #expect(throws: (any Error).self) { try FieldIngest(variable: .blh, path: truncated).run(store: store) }
        #expect(throws: GeoError.cannotOpen(path: scratch.path("none.nc"), reason: "no such file")) {
            try FieldIngest(variable: .blh, path: scratch.path("none.nc")).run(store: store)
        }
        #expect(try fingerprint(of: store.path) == before)
    }

    @Test("A failure in the middle of an import rolls the whole import back")
    func rollback() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let store = try hebiDatabase(scratch)
        let before = try fingerprint(of: store.path)
        let count = try store.cellCount()
        struct Broken: Error {}
        #expect(throws: Broken.self) {
            try store.importField(variable: "aod", source: "test", summary: { "" }) { sink in
                try sink.put(day: Day("2017-01-01")!, values: [Float](repeating: 0.5, count: count))
                try sink.put(day: Day("2017-01-02")!, values: [Float](repeating: 0.6, count: count))
                throw Broken()
            }
        }
        #expect(try fingerprint(of: store.path) == before)
        #expect(try store.fieldDay("aod", on: Day("2017-01-01")!) == nil)
    }
}
