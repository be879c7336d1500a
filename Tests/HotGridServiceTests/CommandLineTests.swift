import Foundation
import Testing
import HotGridGeo

@Suite("The hotgrid command")
struct CommandLineTests {
    @Test("init, region and cells work end to end on two cities")
    func endToEnd() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let db = scratch.path("two.sqlite")
        let initRun = try hotgrid(["init", "--db", db, "--region", "2+26", "--cities", "410600,140300"])
        #expect(initRun.status == 0, "\(initRun.stderr)")
        #expect(initRun.stdout.contains("cells of 3000 m"))
        let summary = try hotgrid(["region", "--db", db])
        #expect(summary.status == 0)
        #expect(summary.stdout.contains("阳泉市") && summary.stdout.contains("鹤壁市"))
        let out = scratch.path("cells.geojson")
        let cells = try hotgrid(["cells", "--db", db, "--format", "geojson", "--out", out])
        #expect(cells.status == 0, "\(cells.stderr)")
        #expect(FileManager.default.fileExists(atPath: out))
        let again = try hotgrid(["init", "--db", db, "--region", "2+26", "--cities", "410600"])
        #expect(again.status != 0)
        #expect(again.stderr.contains("already exists") && again.stderr.contains("--force"))
        let forced = try hotgrid(["init", "--db", db, "--region", "2+26", "--cities", "410600", "--force"])
        #expect(forced.status == 0)
    }

    @Test("ingest stations, ingest field and inventory work end to end on real Beijing data")
    func ingestEndToEnd() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let db = scratch.path("bj.sqlite")
        #expect(try hotgrid(["init", "--db", db, "--region", "2+26", "--cities", "110100"]).status == 0)
        let stations = try hotgrid(["ingest", "stations", "--db", db, "--stations", try fixture("beijing-prsa/stations.csv"),
                                    "--observations", try fixture("beijing-prsa/observations.csv")])
        #expect(stations.status == 0, "\(stations.stderr)")
        #expect(stations.stdout.contains("Station-days: 180"))
        // CNEMC's files as published: stations outside the region summarised, all of them in a file beside the database.
        let cnemc = try hotgrid(["ingest", "stations", "--db", db, "--cnemc", try fixture("cnemc"), "--station-list", try fixture("cnemc/station-list.csv")])
        #expect(cnemc.status == 0, "\(cnemc.stderr)")
        #expect(cnemc.stdout.contains("Stations: 3 in the region, background sites (对照点) among them: 0; 6 listed")
                && cnemc.stdout.contains("2 outside the region, kept out: 1042A, 3207A"))
        #expect(try String(contentsOfFile: db + ".stations-outside.txt", encoding: .utf8) == "1042A\n3207A\n")
        #expect(cnemc.stdout.contains("Station-days: 6 (6 valid, 0 below 20 valid hours) 2019-01-05 … 2019-01-06"))
        // The hourly real-time files carry positions: no station list needed, 对照点 from the name.
        let live = try hotgrid(["ingest", "stations", "--db", db, "--cnemc", try fixture("cnemc-live")])
        #expect(live.status == 0 && live.stdout.contains("background sites (对照点) among them: 1"), "\(live.stdout)\(live.stderr)")
        let both = try hotgrid(["ingest", "stations", "--db", db, "--cnemc", try fixture("cnemc"), "--stations", try fixture("beijing-prsa/stations.csv")])
        #expect(both.status != 0 && both.stderr.contains("Give either --cnemc"))
        let tif = scratch.path("aod.tif")
        do {
            let raster = try RasterFile(creatingGeoTIFF: tif, width: 40, height: 40, bandCount: 1,
                                        geoTransform: GeoTransform(originX: 115, pixelWidth: 0.05, originY: 41.2, pixelHeight: -0.05),
                                        crs: .wgs84(), noData: -1)
            try raster.write(band: 1, width: 40, height: 40, values: [Double](repeating: 0.42, count: 1600))
        }
        let field = try hotgrid(["ingest", "field", "--db", db, "--variable", "aod", "--file", tif, "--date", "2016-01-15"])
        #expect(field.status == 0, "\(field.stderr)")
        #expect(field.stdout.contains("aod: 1 days 2016-01-15"))
        let inventory = try hotgrid(["inventory", "--db", db])
        #expect(inventory.status == 0)
        #expect(inventory.stdout.contains("aod") && inventory.stdout.contains("2016-01-15"))
        #expect(inventory.stdout.contains("1003A") && inventory.stdout.contains("东四"))
        let bad = try hotgrid(["ingest", "field", "--db", db, "--variable", "ozone", "--file", tif])
        #expect(bad.status != 0 && bad.stderr.contains("ozone"))
        let noDate = try hotgrid(["ingest", "field", "--db", db, "--variable", "aod", "--file", tif])
        #expect(noDate.status != 0 && noDate.stderr.contains("--date"))
    }

    @Test("Bad input exits non-zero with one line naming the problem, and leaves no database", arguments: [
        (["--region", "nowhere"], "unknown region 'nowhere'"),
        (["--region", "2+26", "--cities", "123456"], "no city with adcode 123456"),
        (["--boundaries", "/no/such.geojson"], "/no/such.geojson: no such file"),
        (["--region", "2+26", "--cell-size", "2000"], "--cell-size must be 3000, 1000 or 500"),
        ([], "Give --region NAME"),
    ])
    func badInput(arguments: [String], message: String) throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let db = scratch.path("bad.sqlite")
        let run = try hotgrid(["init", "--db", db] + arguments)
        #expect(run.status != 0)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(try scratch.contents().isEmpty)
    }

    @Test("demo builds the whole system for one city, leaves nothing half-built, and serves what it built when run again")
    func demo() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let dir = scratch.path("demo")
        let run = try hotgrid(["demo", "--dir", dir, "--cities", "410600", "--no-serve"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("[9/9]") && run.stdout.contains("7 problems: 2 closed (1 on time), 1 duplicate, 4 open (2 overdue)"), "\(run.stdout)")
        #expect(run.stdout.contains("password hotgrid-demo") && run.stdout.contains("officer (city_officer)"))
        #expect(try scratch.contents() == ["demo"])
        let again = try hotgrid(["demo", "--dir", dir, "--no-serve"])
        #expect(again.status == 0 && again.stdout.contains("already built"), "\(again.stderr)")
        let audit = try hotgrid(["audit", "verify", "--db", dir + "/hotgrid.sqlite"])
        #expect(audit.status == 0 && audit.stdout.contains("intact"), "\(audit.stdout)")
        let other = scratch.path("other")
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: false)
        let refused = try hotgrid(["demo", "--dir", other, "--no-serve"])
        #expect(refused.status != 0 && refused.stderr.contains("holds no demo database") && refused.stderr.contains("--force"))
    }
}
