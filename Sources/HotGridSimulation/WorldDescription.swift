import Foundation
import HotGridCore
import HotGridGeo

extension Simulator {
    /// README.txt: what the world is made of, so a user knows what the files hold and why.
    static func writeReadme(world: World, variant: WorldVariant, meteorology: MeteorologyFiles, stations: Int, precision: Double, folder: String) throws {
        let days = world.weather.map(\.day)
        let counts = Dictionary(grouping: world.sources, by: \.type)
        let basin = try NationalGrid().unproject([world.terrain.basinCenter])[0]
        let ridge = try NationalGrid().unproject([ProjectedPoint(x: world.terrain.ridgeX, y: world.terrain.basinCenter.y)])[0]
        let total = world.sources.reduce(0) { $0 + $1.tonnesPerYear }
        var text = """
            HotGrid simulated world
            =======================
            Region: \(world.region.name), \(world.region.cells.count) cells of 3 km, \(world.region.counties.count) counties, \(world.region.cities.count) cities.
            Days: \(days.first.map(String.init) ?? "") to \(days.last.map(String.init) ?? "") (\(days.count) days). Seed: \(world.seed).
            Variant: \(variant.name) (\(world.variant.physics.rawValue) physics, \(world.variant.inflow.rawValue) inflow). Same seed, region, dates and variant give byte-identical files.

            Files
            -----
            stations.csv          station_id,name,lon,lat (\(stations) stations: \(networkText(variant)))
            observations.csv      station_id,time,pm25: hourly, Beijing time, whole µg/m³; ~2 % missing hours and outages of 1-3 days
            fields/pm25_satellite.nc  \(satelliteText(variant))
            \(meteorology == .daily ? "fields/u10.nc, v10.nc, blh.nc, precip.nc  daily ERA5-like meteorology, 0.25°, CF lat/lon, no grid mapping"
                : "fields/era5.nc        hourly u10, v10, blh, tp (m) as the CDS delivers ERA5 since 2024, 0.25°, UTC valid_time")
            truth/emissions.csv   every source: type, position, cell, annual mean primary PM2.5 (t/yr), seasonal schedule
            truth/cells.csv       every cell: true emission (t/yr), its rank, top10 (1 = among the 10 % most emitting), mean true PM2.5
            truth/cells_monthly.csv  cell_id,month,pm25: every cell's true monthly mean PM2.5 (month YYYY-MM; a month cut by the period is the mean of its days)
            truth/stations_daily.csv  station_id,day,pm25: the true daily PM2.5 of each station's cell (what the station would read without noise)

            Sources (\(world.sources.count), \(String(format: "%.0f", total)) t/yr)
            -------

            """
        for type in SourceType.allCases {
            let list = counts[type] ?? []
            let name = type.rawValue.padding(toLength: 20, withPad: " ", startingAt: 0)
            text += name + String(format: "%6d sources %10.0f t/yr  schedule ", list.count, list.reduce(0) { $0 + $1.tonnesPerYear })
                + "\(type.schedule)\n"
        }
        if !world.outsideSources.isEmpty {
            text += String(format: "Outside the region: %d upwind sources, %.0f t/yr, in a ring %d-%d km beyond the window's edge (not in the truth files)\n",
                           world.outsideSources.count, world.outsideSources.reduce(0) { $0 + $1.tonnesPerYear },
                           3 * OutsideSources.nearest, 3 * OutsideSources.farthest)
        }
        text += """

            Schedules average 1 over a year: heating ×2.2 from 15 Nov to 15 Mar and ×0.4 otherwise; construction
            stops December–February; open burning only in the wheat (10–30 June) and maize (October) harvests.

            Weather
            -------
            Daily regional wind: north-westerly in winter, southerly in summer, autoregressive day to day; boundary layer
            ~400 m in winter, ~1,100 m in summer; rain mostly in summer; stagnant winter episodes of 3-7 days with a quarter
            of the wind and half the boundary layer.

            Terrain
            -------
            A north-south ridge (\(Int(world.terrain.ridgeHeight)) m, ~\(Int(world.terrain.ridgeWidth / 1000)) km wide) near lon \(String(format: "%.2f", ridge.longitude)), and west of it a basin
            centred at lon \(String(format: "%.2f", basin.longitude)), lat \(String(format: "%.2f", basin.latitude)): on calm days its
            mixing height drops by up to 60 % (blh.nc shows it), trapping what is emitted there.\(world.variant.physics == .puffTransport ? " The ridge blocks the\n  wind across it (-80 % on the crest) and channels it along (+30 %); the basin halves the wind." : "")

            \(physicsText(world))
            How hard it is
            --------------
            Ranking cells by their true mean PM2.5 finds \(String(format: "%.1f", 100 * precision)) % of the true top-10 % emitting
            cells: transport, the basin and the background hide the emitters from a concentration ranking.

            """
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent("README.txt"))
    }
}
