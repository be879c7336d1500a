import Foundation
import HotGridAnalysis
import HotGridCore
import HotGridGeo
import HotGridStore

/// `hotgrid ingest field`: a daily gridded field (NetCDF with a CF time axis, or a GeoTIFF for
/// one day) in any CRS and resolution becomes one value per cell and day, the area-weighted
/// mean of the source pixels covering the cell, with exact coverage fractions.
public struct FieldIngest {
    public var variable: FieldVariable
    public var path: String
    /// The variable's name inside the file; by default the canonical name, or the file's only variable.
    public var sourceVariable: String?
    /// Applied after the file's own scale_factor/add_offset: canonical = value × scale + offset.
    public var scale: Double
    public var offset: Double
    /// The day of a file without a time axis.
    public var date: Day?
    /// A cell whose valid pixels cover less than this share of it is missing that day.
    public var minimumCoverage: Double
    /// A value the file uses for "no data" without declaring it (`_FillValue`), e.g. −999.
    public var fillValue: Double?
    /// Make an implausible pixel missing and count it instead of refusing the import.
    public var skipBadValues = false
    /// For a folder of one file per day (ChinaHighPM2.5's daily files, a GeoTIFF a day): where
    /// the date sits in the file names, with `%Y`, `%m`, `%d` or `%j` (day of the year), e.g.
    /// `CHAP_PM2.5_D1K_%Y%m%d`. Files whose names do not match are left out and counted.
    public var datePattern: String?

    public init(variable: FieldVariable, path: String, sourceVariable: String? = nil, scale: Double = 1,
                offset: Double = 0, date: Day? = nil, minimumCoverage: Double = 0.5, fillValue: Double? = nil, skipBadValues: Bool = false,
                datePattern: String? = nil) {
        self.datePattern = datePattern
        self.fillValue = fillValue
        self.skipBadValues = skipBadValues
        self.variable = variable
        self.path = path
        self.sourceVariable = sourceVariable
        self.scale = scale
        self.offset = offset
        self.date = date
        self.minimumCoverage = minimumCoverage
    }

    /// What an import took.
    public struct Summary: Sendable, Equatable {
        public var days: [Day] = []
        /// Cells that at least one source pixel overlaps.
        public var cellsCovered = 0
        public var cells = 0
        /// Source pixels per covered cell, on average.
        public var pixelsPerCell = 0.0
        /// Present cell-days over all cell-days imported.
        public var presentShare = 0.0
        /// The source grid's size in pixels.
        public var sourceWidth = 0
        public var sourceHeight = 0
        /// Steps per day of a sub-daily file (24 for ERA5's hours); 1 for a daily one.
        public var stepsPerDay = 1
        /// Beijing-time days of a sub-daily file without all their steps: not stored.
        public var incompleteDays: [Day] = []
        /// The unit conversion the file's `units` called for ("K → °C"), when no --scale/--offset was given.
        public var conversion: String?
        /// Implausible pixel values made missing under ``FieldIngest/skipBadValues``.
        public var skippedValues = 0
        /// Files of a folder whose names do not match ``FieldIngest/datePattern``.
        public var unmatchedFiles = 0
    }

    public func run(store: any Store, progress: ProgressReporter = SilentProgress()) throws -> Summary {
        let (files, unmatched) = try dailyFiles()
        let raster = try openVariable(files?.first?.path ?? path)
        let plan = try files.map { DayPlan(days: $0.map { ($0.day, [1]) }) } ?? dayPlan(raster)
        let days = plan.days.map(\.day)
        var (scale, offset) = (self.scale, self.offset)
        var conversion: String?
        if scale == 1, offset == 0, let units = try raster.metadata(band: 1, key: "units"), let c = variable.conversion(fromUnits: units) {
            (scale, offset, conversion) = (c.scale, c.offset, c.note)
        }
        guard let crs = raster.spatialReference ?? raster.impliedGeographicCRS else { throw IngestError.noCRS(path: path) }
        let cells = try store.cells().map(\.id)
        guard !cells.isEmpty else { throw IngestError.noRegion(path: store.location) }

        progress.begin("Computing pixel coverage of \(cells.count) cells", total: 1)
        let weights = try CellResampler.weights(cells: cells, raster: raster, crs: crs)
        var summary = Summary()
        summary.cells = cells.count
        summary.sourceWidth = raster.width
        summary.sourceHeight = raster.height
        summary.cellsCovered = weights.coveredCellCount
        progress.end("\(summary.cellsCovered) cells covered")
        guard summary.cellsCovered > 0 else { throw IngestError.noOverlap(path: path, extent: try extent(raster, crs: crs)) }
        summary.pixelsPerCell = Double(weights.pixels.count) / Double(summary.cellsCovered)
        // Each pixel the cells read, once: the plausibility check runs over these every day.
        let usedPixels = Array(Set(weights.pixels)).sorted()

        var present = 0
        try store.importField(variable: variable.rawValue, source: path, summary: {
            "\(days.count) days \(days.first.map(String.init) ?? "")…\(days.last.map(String.init) ?? ""), \(present) cell-days present"
        }) { sink in
            progress.begin("Ingesting \(variable.rawValue) from \(URL(fileURLWithPath: path).lastPathComponent)", total: days.count)
            for (index, (day, bands)) in plan.days.enumerated() {
                let source = index == 0 || files == nil ? raster : try sameGrid(openVariable(files![index].path), as: raster)
                var values = try daily(source, bands: bands)
                if let fillValue {
                    for i in values.indices where Double(values[i]) == fillValue { values[i] = .nan }
                }
                if scale != 1 || offset != 0 {
                    for i in values.indices { values[i] = Float(Double(values[i]) * scale + offset) }
                }
                try checkPlausible(&values, day: day, bands: bands, pixels: usedPixels, width: raster.width, summary: &summary)
                let means = values.withUnsafeBufferPointer { weights.cellMeans(of: $0, minimumCoverage: minimumCoverage) }
                present += means.reduce(0) { $0 + ($1.isNaN ? 0 : 1) }
                try sink.put(day: day, values: means)
                progress.advance(by: 1)
            }
            progress.end("\(days.count) days")
        }
        summary.days = days
        summary.stepsPerDay = plan.stepsPerDay
        summary.incompleteDays = plan.incomplete
        summary.conversion = conversion
        summary.unmatchedFiles = unmatched
        summary.presentShare = Double(present) / Double(max(1, days.count * cells.count))
        return summary
    }

    /// A folder's files by day, from their names (nil when `path` is a file), and how many did not match.
    func dailyFiles() throws -> ([(day: Day, path: String)]?, Int) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return (nil, 0) }
        guard let datePattern else {
            throw IngestError.cannotRead(path: path, reason: "is a folder: give --date-pattern (e.g. CHAP_PM2.5_D1K_%Y%m%d) to read one file per day, or name a file")
        }
        let pattern = DatePattern(datePattern)
        var files: [(day: Day, path: String)] = [], unmatched = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: path).sorted() where !name.hasPrefix(".") {
            guard let day = pattern.day(in: name) else { unmatched += 1; continue }
            if let earlier = files.first(where: { $0.day == day }) {
                throw IngestError.cannotRead(path: path, reason: "\((earlier.path as NSString).lastPathComponent) and \(name) are both \(day)")
            }
            files.append((day, (path as NSString).appendingPathComponent(name)))
        }
        guard !files.isEmpty else { throw IngestError.cannotRead(path: path, reason: "no file name matches --date-pattern \(datePattern)") }
        return (files.sorted { $0.day < $1.day }, unmatched)
    }

    /// `raster` when it has `reference`'s grid; a folder's files must share one.
    private func sameGrid(_ raster: RasterFile, as reference: RasterFile) throws -> RasterFile {
        guard raster.width == reference.width, raster.height == reference.height, raster.geoTransform == reference.geoTransform else {
            throw IngestError.cannotRead(path: raster.path, reason: "its grid (\(raster.width)×\(raster.height)) differs from \(reference.path)'s; "
                                         + "the files of a folder must share one grid")
        }
        guard raster.bandCount == 1 else { throw IngestError.ambiguousBands(path: raster.path, bands: raster.bandCount) }
        return raster
    }

    /// The file, or its subdataset holding the variable asked for.
    private func openVariable(_ path: String) throws -> RasterFile {
        let file = try RasterFile(path: path)
        let subdatasets = file.subdatasetNames
        let wanted = sourceVariable ?? variable.rawValue
        if file.bandCount == 0 || !subdatasets.isEmpty {
            let names = subdatasets.map { String($0.split(separator: ":").last ?? "") }
            if let index = names.firstIndex(of: wanted) { return try RasterFile(path: subdatasets[index]) }
            throw GeoError.noSuchVariable(path: path, variable: wanted, available: names)
        }
        // One variable: it is the one asked for unless --source-variable names another.
        if let name = try file.metadata(band: 1, key: "NETCDF_VARNAME"), let sourceVariable, name != sourceVariable {
            throw GeoError.noSuchVariable(path: path, variable: sourceVariable, available: [name])
        }
        return file
    }

    /// Which bands make each stored day: one band a day for a daily file; for a sub-daily one
    /// (ERA5's hours, in UTC) the steps of each Beijing-time day, an instantaneous value at t in
    /// the day holding t, an amount over the step ending at t in the day holding the step's start.
    /// A day without all its steps is left out and reported.
    struct DayPlan {
        var days: [(day: Day, bands: [Int])] = []
        var stepsPerDay = 1
        var incomplete: [Day] = []
    }

    func dayPlan(_ raster: RasterFile) throws -> DayPlan {
        if let date {
            guard raster.bandCount == 1 else { throw IngestError.ambiguousBands(path: path, bands: raster.bandCount) }
            return DayPlan(days: [(date, [1])])
        }
        guard let times = try raster.bandTimes() else {
            if raster.bandCount == 1 { throw IngestError.noDate(path: path) }
            throw IngestError.ambiguousBands(path: path, bands: raster.bandCount)
        }
        var seen: [Double: Int] = [:]
        for (index, t) in times.enumerated() {
            let year = Day(ordinal: Int((t / 86_400).rounded(.down))).components.year
            guard ObservationTime.plausibleYears.contains(year) else {
                throw GeoError.badTimeAxis(path: path, reason: "band \(index + 1) falls in the year \(year); check the time axis's units")
            }
            if let earlier = seen[t] { throw GeoError.badTimeAxis(path: path, reason: "bands \(earlier + 1) and \(index + 1) have the same time") }
            seen[t] = index
        }
        let sorted = times.sorted()
        let step = zip(sorted.dropFirst(), sorted).map { $0 - $1 }.min() ?? 86_400
        var plan = DayPlan()
        if step >= 86_400 {
            // Daily (or coarser): each band is the day of its time stamp.
            var byDay: [Day: Int] = [:]
            for (index, t) in times.enumerated() {
                let day = Day(ordinal: Int((t / 86_400).rounded(.down)))
                if let earlier = byDay[day] {
                    throw GeoError.badTimeAxis(path: path, reason: "bands \(earlier + 1) and \(index + 1) are both \(day); give daily data")
                }
                byDay[day] = index
                plan.days.append((day, [index + 1]))
            }
            return plan
        }
        guard step >= 60, (86_400 / step).rounded() * step == 86_400 else {
            throw GeoError.badTimeAxis(path: path, reason: "steps of \(Int(step)) s do not divide a day into equal parts")
        }
        plan.stepsPerDay = Int(86_400 / step)
        let shift = 8 * 3_600 - (variable.isAccumulated ? step : 0)
        var bands: [Day: [Int]] = [:]
        for (index, t) in times.enumerated() {
            bands[Day(ordinal: Int(((t + shift) / 86_400).rounded(.down))), default: []].append(index + 1)
        }
        for day in bands.keys.sorted() {
            if bands[day]!.count == plan.stepsPerDay { plan.days.append((day, bands[day]!)) } else { plan.incomplete.append(day) }
        }
        return plan
    }

    /// Refuses (or, with `skipBadValues`, makes missing and counts) a pixel the cells use whose
    /// value is infinite or outside the variable's plausible range, naming the day, band and pixel.
    private func checkPlausible(_ values: inout [Float], day: Day, bands: [Int], pixels: [Int32], width: Int, summary: inout Summary) throws {
        let range = variable.plausibleRange
        for p in pixels {
            let i = Int(p), v = values[i]
            guard !v.isNaN, !v.isFinite || !range.contains(Double(v)) else { continue }
            guard skipBadValues else {
                let band = bands.count == 1 ? "band \(bands[0])" : "bands \(bands[0])…\(bands.last!)"
                throw IngestError.implausibleValue(path: path, variable: variable.rawValue, day: day, band: band,
                                                   column: i % width, row: i / width, value: Double(v), range: range, unit: variable.unit)
            }
            values[i] = .nan
            summary.skippedValues += 1
        }
    }

    /// The day's values from its bands: the band itself, or the mean (sum, for amounts) of its
    /// steps, missing where any step is.
    private func daily(_ raster: RasterFile, bands: [Int]) throws -> [Float] {
        guard bands.count > 1 else { return try raster.readPhysical(band: bands[0]) }
        var total = try raster.readPhysical(band: bands[0]).map(Double.init)
        for band in bands.dropFirst() {
            let values = try raster.readPhysical(band: band)
            for i in total.indices { total[i] += Double(values[i]) }
        }
        let divisor = variable.isAccumulated ? 1 : Double(bands.count)
        return total.map { Float($0 / divisor) }
    }

    private func extent(_ raster: RasterFile, crs: SpatialReference) throws -> String {
        let l = try raster.lattice()
        let maxX = l.minX + Double(l.columns) * l.cellWidth, minY = l.maxY - Double(l.rows) * l.cellHeight
        let unit = crs.isGeographic ? "°" : " m"
        return String(format: "x %.4g…%.4g%@, y %.4g…%.4g%@", l.minX, maxX, unit, minY, l.maxY, unit)
    }
}

/// Where a date sits in a file name: `%Y` (year), `%m` (month), `%d` (day of month), `%j` (day of
/// the year); everything else must match itself.
struct DatePattern {
    private let tokens: [Token]
    private enum Token { case text(Character), year, month, day, dayOfYear }

    init(_ pattern: String) {
        var tokens: [Token] = [], chars = Array(pattern), i = 0
        while i < chars.count {
            if chars[i] == "%", i + 1 < chars.count, let t = [Character("Y"): Token.year, "m": .month, "d": .day, "j": .dayOfYear][chars[i + 1]] {
                tokens.append(t)
                i += 2
            } else {
                tokens.append(.text(chars[i]))
                i += 1
            }
        }
        self.tokens = tokens
    }

    /// The day the pattern finds anywhere in `name`; nil when it does not match or names no real day.
    func day(in name: String) -> Day? {
        let chars = Array(name)
        for start in chars.indices {
            if let day = match(chars, from: start) { return day }
        }
        return nil
    }

    private func match(_ chars: [Character], from start: Int) -> Day? {
        var i = start, year: Int?, month: Int?, day: Int?, dayOfYear: Int?
        func number(_ width: Int) -> Int? {
            guard i + width <= chars.count, chars[i..<(i + width)].allSatisfy(\.isASCII), let n = Int(String(chars[i..<(i + width)])) else { return nil }
            i += width
            return n
        }
        for token in tokens {
            switch token {
            case let .text(c):
                guard i < chars.count, chars[i] == c else { return nil }
                i += 1
            case .year: guard let n = number(4) else { return nil }; year = n
            case .month: guard let n = number(2) else { return nil }; month = n
            case .day: guard let n = number(2) else { return nil }; day = n
            case .dayOfYear: guard let n = number(3) else { return nil }; dayOfYear = n
            }
        }
        guard let year else { return nil }
        if let dayOfYear, let first = Day(year: year, month: 1, day: 1), (1...366).contains(dayOfYear) {
            let d = first.advanced(by: dayOfYear - 1)
            return d.components.year == year ? d : nil
        }
        guard let month, let day else { return nil }
        return Day(year: year, month: month, day: day)
    }
}
