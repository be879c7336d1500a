import Foundation
import HotGridCore

/// The HTML report of `hotgrid evaluate`: the verdict against the acceptance bar, every world's
/// figures (held-out and tuning worlds apart), the precision-by-rank curves, and for each variant
/// its truth, estimate and emission index side by side. One self-contained file (inline SVG, no
/// script, nothing fetched), Chinese first.
public struct SkillReportPage: Sendable {
    /// How one way of ranking cells did on a world.
    public struct Method: Sendable {
        public let label: String
        /// Precision at 10 %.
        public let precision: Double
        /// The annual mean's r² against the truth, for a method that is a field.
        public let annualR2: Double?
        /// Precision at 1 %, 2 %, … 30 %.
        public let curve: [Double]

        public init(label: String, precision: Double, annualR2: Double?, curve: [Double]) {
            self.label = label
            self.precision = precision
            self.annualR2 = annualR2
            self.curve = curve
        }
    }

    /// The hotspot probabilities against the truth: Brier score, its no-skill value, and bins.
    public struct Calibration: Sendable {
        /// A range of probabilities, the cells given one in it, and the share of them truly top emitters.
        public struct Bin: Sendable {
            public let range: ClosedRange<Double>
            public let cells: Int
            public let meanProbability: Double
            public let trulyTop: Double

            public init(range: ClosedRange<Double>, cells: Int, meanProbability: Double, trulyTop: Double) {
                self.range = range
                self.cells = cells
                self.meanProbability = meanProbability
                self.trulyTop = trulyTop
            }
        }

        public let brier: Double
        public let climatology: Double
        public let bins: [Bin]

        public init(brier: Double, climatology: Double, bins: [Bin]) {
            self.brier = brier
            self.climatology = climatology
            self.bins = bins
        }
    }

    /// One simulated world's figures and maps (values by dense cell index).
    public struct World: Sendable {
        public let label: String
        /// Worlds of one variant share their maps: one set is drawn per variant.
        public let variant: String
        public let stations: Int
        public let cells: [Cell]
        /// HotGrid first, then the baselines, then the oracles.
        public let methods: [Method]
        public let monthlyR2: Double
        public let monthlyPatternR2: Double
        public let calibration: Calibration?
        public let truthEmission: [Double]
        public let truthMean: [Double]
        public let estimateMean: [Double]
        public let emissionIndex: [Double]

        public init(label: String, variant: String, stations: Int, cells: [Cell], methods: [Method], monthlyR2: Double, monthlyPatternR2: Double,
                    calibration: Calibration?, truthEmission: [Double], truthMean: [Double], estimateMean: [Double], emissionIndex: [Double]) {
            self.label = label
            self.variant = variant
            self.stations = stations
            self.cells = cells
            self.methods = methods
            self.monthlyR2 = monthlyR2
            self.monthlyPatternR2 = monthlyPatternR2
            self.calibration = calibration
            self.truthEmission = truthEmission
            self.truthMean = truthMean
            self.estimateMean = estimateMean
            self.emissionIndex = emissionIndex
        }

        func method(_ label: String) -> Method? { methods.first { $0.label == label } }
    }

    /// Held-out or tuning worlds, with the verdict on them.
    public struct Group: Sendable {
        public let name: String
        public let medianPrecision: Double
        public let lowestPrecision: Double
        /// Whether every world's annual r² reaches the calibrated satellite average's.
        public let fieldHolds: Bool
        public let worlds: [World]

        public init(name: String, medianPrecision: Double, lowestPrecision: Double, fieldHolds: Bool, worlds: [World]) {
            self.name = name
            self.medianPrecision = medianPrecision
            self.lowestPrecision = lowestPrecision
            self.fieldHolds = fieldHolds
            self.worlds = worlds
        }
    }

    /// The methods the report names: the satellite and stations-only baselines (r² columns) and
    /// the curves drawn, HotGrid's first.
    public struct Labels: Sendable {
        public let satellite: String
        public let stations: String
        public let curves: [String]

        public init(satellite: String, stations: String, curves: [String]) {
            self.satellite = satellite
            self.stations = stations
            self.curves = curves
        }
    }

    let region: String
    let year: Int
    let groups: [Group]
    /// The worlds the curves are the median of.
    let curveWorlds: [World]
    /// Every world; the first of each variant is mapped.
    let worlds: [World]
    let labels: Labels
    /// How many resamplings the probabilities come from.
    let replicates: Int

    public init(region: String, year: Int, groups: [Group], curveWorlds: [World], worlds: [World], labels: Labels, replicates: Int) {
        self.region = region
        self.year = year
        self.groups = groups
        self.curveWorlds = curveWorlds
        self.worlds = worlds
        self.labels = labels
        self.replicates = replicates
    }

    public var html: HTML {
        var body: [HTML] = ["<h1>热点网格方法技能评估 <small>Method skill on simulated worlds</small></h1>",
                            """
                            <p>区域 \(region)，\(year) 年；每个模拟世界的真实排放已知。 Region \(region), \(year). \
                            Precision = share of the true top 10 % emitting cells among the 10 % listed. Held-out worlds were never used to choose anything.</p>
                            """]
        for g in groups {
            let field: HTML = g.fieldHolds ? "每个世界年均场 r² 不低于校准卫星均值 annual r² ≥ calibrated satellite average on every world."
                : "<strong>年均场 r² 在部分世界低于校准卫星均值 annual r² below the calibrated satellite average on some worlds.</strong>"
            body.append("<h2>\(g.name)</h2><p>精度中位数 median precision \(g.medianPrecision, format: "%.2f")（要求 ≥ 0.80），最低 lowest \(g.lowestPrecision, format: "%.2f")（要求 ≥ 0.72）；\(field)</p>\(table(g.worlds))\(calibration(g.worlds))")
        }
        body.append("<h2>精度—名次曲线 Precision by share listed</h2>\(curves(curveWorlds))")
        body.append("<h2>地图 Maps</h2><p>Colour = the cell's percentile in the region (light → dark); black edges: the true top 10 % emitters.</p>")
        var shown = Set<String>()
        for w in worlds where shown.insert(w.variant).inserted { body.append(maps(w)) }
        return """
            <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">\
            <title>热点网格方法技能评估</title><style>\(Self.css)</style></head><body>\(body.joined())</body></html>
            """
    }

    private func table(_ worlds: [World]) -> HTML {
        guard let labels = worlds.first?.methods.map(\.label) else { return .empty }
        let head: HTML = "<tr><th>世界 world</th><th>站点 stations</th><th>网格 cells</th>\(labels.map { l -> HTML in "<th>\(l)<br>precision</th>" }.joined())"
            + "<th>年均 r² HotGrid</th><th>r² satellite avg</th><th>r² stations only</th><th>月均 R²</th><th>月均空间 R²</th></tr>"
        let rows = worlds.map { w -> HTML in
            let r2 = [w.methods.first?.annualR2, w.method(self.labels.satellite)?.annualR2, w.method(self.labels.stations)?.annualR2]
            return "<tr><td>\(w.label)</td><td>\(w.stations)</td><td>\(w.cells.count)</td>"
                + w.methods.map { m -> HTML in "<td>\(m.precision, format: "%.2f")</td>" }.joined()
                + r2.map { v -> HTML in "<td>\(v.map { String(format: "%.3f", $0) } ?? "—")</td>" }.joined()
                + "<td>\(w.monthlyR2, format: "%.3f")</td><td>\(w.monthlyPatternR2, format: "%.3f")</td></tr>"
        }
        return "<div class=\"scroll\"><table>\(head)\(rows.joined())</table></div>"
    }

    /// Per world, the hotspot probabilities against the truth: Brier score and, per range of
    /// probability, how many cells and what share of them are truly top emitters.
    private func calibration(_ worlds: [World]) -> HTML {
        guard let edges = worlds.first(where: { $0.calibration != nil })?.calibration?.bins.map(\.range) else { return .empty }
        let head: HTML = "<tr><th>世界 world</th><th>Brier</th><th>无技能 no skill</th>"
            + edges.map { r -> HTML in "<th>入选概率 p \(r.lowerBound, format: "%.1f")–\(r.upperBound, format: "%.1f")<br>cells · mean p · truly top</th>" }.joined()
        let rows = worlds.compactMap { w -> HTML? in
            guard let c = w.calibration else { return nil }
            return "<tr><td>\(w.label)</td><td>\(c.brier, format: "%.3f")</td><td>\(c.climatology, format: "%.3f")</td>"
                + c.bins.map { b -> HTML in
                    b.cells == 0 ? "<td>0</td>" : "<td>\(b.cells) · \(b.meanProbability, format: "%.2f") · \(b.trulyTop, format: "%.2f")</td>"
                }.joined() + "</tr>"
        }
        return "<h3>入选概率的校准 Are the probabilities right?</h3><p>Of the cells given probability p of being in the top 10 %, "
            + "about p should truly be there; days are resampled (\(replicates) replicates), not year-long errors.</p>"
            + "<div class=\"scroll\"><table>\(head)\(rows.joined())</table></div>"
    }

    /// Median curve over the worlds of HotGrid and of the main baselines.
    private func curves(_ worlds: [World]) -> HTML {
        guard let first = worlds.first else { return .empty }
        let colours = ["#c00", "#06c", "#393", "#999"]
        let w = 600.0, h = 310.0, left = 40.0, bottom = 30.0, top = 10.0
        func x(_ k: Double) -> Double { left + (w - left) * k / 29 }
        var svg: [HTML] = ["<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(w)) \(Int(h))\" class=\"chart\" role=\"img\" aria-label=\"precision by share listed\">"]
        for tick in stride(from: 0.0, through: 1.0, by: 0.2) {
            let y = top + (h - bottom - top) * (1 - tick)
            svg.append("<line x1=\"\(left, format: "%.0f")\" x2=\"\(w, format: "%.0f")\" y1=\"\(y, format: "%.1f")\" y2=\"\(y, format: "%.1f")\" stroke=\"#ddd\"/><text x=\"4\" y=\"\(y + 4, format: "%.1f")\" font-size=\"11\">\(tick, format: "%.1f")</text>")
        }
        for share in [1, 10, 20, 30] {
            svg.append("<text x=\"\(x(Double(share - 1)), format: "%.1f")\" y=\"\(h - 10, format: "%.0f")\" font-size=\"11\" text-anchor=\"middle\">\(share) %</text>")
        }
        svg.append("<line x1=\"\(x(9), format: "%.1f")\" x2=\"\(x(9), format: "%.1f")\" y1=\"0\" y2=\"\(h - bottom, format: "%.0f")\" stroke=\"#888\" stroke-dasharray=\"3 3\"/>")
        var legend: [HTML] = []
        for (label, colour) in zip(labels.curves, colours) where first.method(label) != nil {
            let median = first.method(label)!.curve.indices.map { k -> Double in
                let v = worlds.compactMap { $0.method(label)?.curve[k] }.sorted()
                return v[v.count / 2]
            }
            let points = median.enumerated().map { k, p in String(format: "%.1f,%.1f", x(Double(k)), top + (h - bottom - top) * (1 - p)) }
            svg.append("<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" points=\"\(points.joined(separator: " "))\"/>")
            legend.append("<li><span style=\"color:\(colour)\">■</span> \(label)</li>")
        }
        return "\(svg.joined())</svg><ul class=\"legend\">\(legend.joined())</ul><p>Median over \(worlds.count) worlds of the precision at each share listed.</p>"
    }

    private func maps(_ w: World) -> HTML {
        let k = max(1, Int((0.1 * Double(w.cells.count)).rounded()))
        let top = Set(w.truthEmission.indices.sorted { w.truthEmission[$0] > w.truthEmission[$1] }.prefix(k))
        let panels: [(String, [Double])] = [("真实排放 true emission", w.truthEmission.map { log1p($0) }), ("真实年均 PM2.5 true annual mean", w.truthMean),
                                            ("估计年均 PM2.5 estimated annual mean", w.estimateMean), ("排放指数 emission index", w.emissionIndex)]
        let figures = panels.map { title, values -> HTML in
            "<figure>\(FieldMapSVG(cells: w.cells, values: values, outlined: top, title: title).svg)<figcaption>\(title)</figcaption></figure>"
        }
        let r2 = w.methods.first?.annualR2 ?? .nan
        return "<h3>\(w.label) — precision \(w.methods.first?.precision ?? .nan, format: "%.2f"), annual r² \(r2, format: "%.3f")</h3><div class=\"maps\">\(figures.joined())</div>"
    }

    static let css: HTML = """
        body{font-family:"Noto Sans CJK SC","Noto Sans",sans-serif;margin:1.5rem;max-width:1400px;color:#222}
        small{color:#666;font-weight:normal}table{border-collapse:collapse;font-size:.85rem}
        th,td{border:1px solid #ccc;padding:.25rem .4rem;text-align:right}th{background:#f4f4f4;font-weight:600}
        td:first-child{text-align:left;white-space:nowrap}.scroll{overflow-x:auto}
        .maps{display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:.75rem}
        figure{margin:0}figure svg{width:100%;height:auto;background:#fff}figcaption{font-size:.85rem;text-align:center}
        .chart{width:100%;max-width:600px}.legend{list-style:none;padding:0}
        """
}
