import Foundation
import HotGridService
import HotGridCore

/// The HTML report of `hotgrid evaluate`: the verdict against the acceptance bar, every world's
/// figures (held-out and tuning worlds apart), the precision-by-rank curves, and for each variant
/// its truth, estimate and emission index side by side. One self-contained file (inline SVG, no
/// script, nothing fetched), Chinese first.
public struct SkillReport {
    public let results: [WorldSkill]
    public let region: String
    public let year: Int

    public init(results: [WorldSkill], region: String, year: Int) {
        self.results = results
        self.region = region
        self.year = year
    }

    /// Median and lowest HotGrid precision over `worlds`, and whether every world's annual r²
    /// reaches the calibrated satellite average's.
    public static func verdict(_ worlds: [WorldSkill]) -> (median: Double, lowest: Double, fieldHolds: Bool)? {
        guard !worlds.isEmpty else { return nil }
        let p = worlds.map(\.hotgrid.precision).sorted()
        let median = p.count % 2 == 1 ? p[p.count / 2] : (p[p.count / 2 - 1] + p[p.count / 2]) / 2
        let holds = worlds.allSatisfy { w in
            (w.hotgrid.annualR2 ?? 0) >= (w.method(SkillEvaluation.satelliteLabel)?.annualR2 ?? 1)
        }
        return (median, p[0], holds)
    }

    public var html: String {
        let heldOut = results.filter(\.world.heldOut), tuning = results.filter { !$0.world.heldOut }
        var body = "<h1>热点网格方法技能评估 <small>Method skill on simulated worlds</small></h1>"
        body += "<p>区域 \(HTML.escape(region))，\(year) 年；每个模拟世界的真实排放已知。 Region \(HTML.escape(region)), \(year). "
            + "Precision = share of the true top 10 % emitting cells among the 10 % listed. Held-out worlds were never used to choose anything.</p>"
        for (name, group) in [("留出世界 Held-out worlds", heldOut), ("调参世界 Tuning worlds", tuning)] {
            guard let v = Self.verdict(group) else { continue }
            body += "<h2>\(name)</h2><p>" + String(format: "精度中位数 median precision %.2f（要求 ≥ 0.80），最低 lowest %.2f（要求 ≥ 0.72）；", v.median, v.lowest)
                + (v.fieldHolds ? "每个世界年均场 r² 不低于校准卫星均值 annual r² ≥ calibrated satellite average on every world." : "<strong>年均场 r² 在部分世界低于校准卫星均值 annual r² below the calibrated satellite average on some worlds.</strong>")
                + "</p>" + table(group) + calibration(group)
        }
        body += "<h2>精度—名次曲线 Precision by share listed</h2>" + curves(heldOut.isEmpty ? tuning : heldOut)
        body += "<h2>地图 Maps</h2><p>Colour = the cell's percentile in the region (light → dark); black edges: the true top 10 % emitters.</p>"
        var shown = Set<String>()
        for w in results where shown.insert(w.world.variant.name).inserted { body += maps(w) }
        return "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<title>热点网格方法技能评估</title><style>\(Self.css)</style></head><body>\(body)</body></html>"
    }

    private func table(_ worlds: [WorldSkill]) -> String {
        guard let labels = worlds.first?.methods.map(\.label) else { return "" }
        var head = "<tr><th>世界 world</th><th>站点 stations</th><th>网格 cells</th>"
        for l in labels { head += "<th>\(HTML.escape(l))<br>precision</th>" }
        head += "<th>年均 r² HotGrid</th><th>r² satellite avg</th><th>r² stations only</th><th>月均 R²</th><th>月均空间 R²</th></tr>"
        var rows = ""
        for w in worlds {
            rows += "<tr><td>\(HTML.escape(w.world.label))</td><td>\(w.stations)</td><td>\(w.cells.count)</td>"
            for m in w.methods { rows += String(format: "<td>%.2f</td>", m.precision) }
            let r2 = [w.hotgrid.annualR2, w.method(SkillEvaluation.satelliteLabel)?.annualR2, w.method("stations only (annual mean)")?.annualR2]
            for v in r2 { rows += v.map { String(format: "<td>%.3f</td>", $0) } ?? "<td>—</td>" }
            rows += String(format: "<td>%.3f</td><td>%.3f</td></tr>", w.monthlyR2, w.monthlyPatternR2)
        }
        return "<div class=\"scroll\"><table>\(head)\(rows)</table></div>"
    }

    /// Per world, the hotspot probabilities against the truth: Brier score and, per range of
    /// probability, how many cells and what share of them are truly top emitters.
    private func calibration(_ worlds: [WorldSkill]) -> String {
        guard let edges = worlds.first(where: { $0.calibration != nil })?.calibration?.bins.map(\.range) else { return "" }
        var head = "<tr><th>世界 world</th><th>Brier</th><th>无技能 no skill</th>"
        for r in edges { head += String(format: "<th>入选概率 p %.1f–%.1f<br>cells · mean p · truly top</th>", r.lowerBound, r.upperBound) }
        var rows = ""
        for w in worlds {
            guard let c = w.calibration else { continue }
            rows += "<tr><td>\(HTML.escape(w.world.label))</td>" + String(format: "<td>%.3f</td><td>%.3f</td>", c.brier, c.climatology)
            for b in c.bins { rows += b.cells == 0 ? "<td>0</td>" : String(format: "<td>%d · %.2f · %.2f</td>", b.cells, b.meanProbability, b.trulyTop) }
            rows += "</tr>"
        }
        return "<h3>入选概率的校准 Are the probabilities right?</h3><p>Of the cells given probability p of being in the top 10 %, "
            + "about p should truly be there; days are resampled (\(SkillEvaluation.probabilityReplicates) replicates), not year-long errors.</p>"
            + "<div class=\"scroll\"><table>\(head)\(rows)</table></div>"
    }

    /// Median curve over the worlds of HotGrid and of the main baselines.
    private func curves(_ worlds: [WorldSkill]) -> String {
        guard let first = worlds.first else { return "" }
        let chosen = [SkillEvaluation.hotgridLabel, SkillEvaluation.satelliteLabel, "high-pass of HotGrid's annual mean", "oracle: high-pass of the true annual mean"]
        let colours = ["#c00", "#06c", "#393", "#999"]
        let w = 600.0, h = 310.0, left = 40.0, bottom = 30.0, top = 10.0
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(w)) \(Int(h))\" class=\"chart\" role=\"img\" aria-label=\"precision by share listed\">"
        for tick in stride(from: 0.0, through: 1.0, by: 0.2) {
            let y = top + (h - bottom - top) * (1 - tick)
            svg += String(format: "<line x1=\"%.0f\" x2=\"%.0f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/><text x=\"4\" y=\"%.1f\" font-size=\"11\">%.1f</text>", left, w, y, y, y + 4, tick)
        }
        for share in [1, 10, 20, 30] {
            let x = left + (w - left) * Double(share - 1) / 29
            svg += String(format: "<text x=\"%.1f\" y=\"%.0f\" font-size=\"11\" text-anchor=\"middle\">%d %%</text>", x, h - 10, share)
        }
        let x10 = left + (w - left) * 9 / 29
        svg += String(format: "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"0\" y2=\"%.0f\" stroke=\"#888\" stroke-dasharray=\"3 3\"/>", x10, x10, h - bottom)
        var legend = ""
        for (label, colour) in zip(chosen, colours) where first.method(label) != nil {
            let median = MethodSkill.shares.indices.map { k -> Double in
                let v = worlds.compactMap { $0.method(label)?.curve[k] }.sorted()
                return v[v.count / 2]
            }
            let points = median.enumerated().map { k, p in String(format: "%.1f,%.1f", left + (w - left) * Double(k) / 29, top + (h - bottom - top) * (1 - p)) }
            svg += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" points=\"\(points.joined(separator: " "))\"/>"
            legend += "<li><span style=\"color:\(colour)\">■</span> \(HTML.escape(label))</li>"
        }
        return svg + "</svg><ul class=\"legend\">\(legend)</ul><p>Median over \(worlds.count) worlds of the precision at each share listed.</p>"
    }

    private func maps(_ w: WorldSkill) -> String {
        let k = max(1, Int((0.1 * Double(w.cells.count)).rounded()))
        let top = Set(w.truthEmission.indices.sorted { w.truthEmission[$0] > w.truthEmission[$1] }.prefix(k))
        let panels: [(String, [Double])] = [("真实排放 true emission", w.truthEmission.map { log1p($0) }), ("真实年均 PM2.5 true annual mean", w.truthMean),
                                            ("估计年均 PM2.5 estimated annual mean", w.estimateMean), ("排放指数 emission index", w.emissionIndex)]
        var html = "<h3>\(HTML.escape(w.world.label))" + String(format: " — precision %.2f, annual r² %.3f", w.hotgrid.precision, w.hotgrid.annualR2 ?? .nan) + "</h3><div class=\"maps\">"
        for (title, values) in panels {
            html += "<figure>" + FieldMapSVG(cells: w.cells, values: values, outlined: top, title: title).svg + "<figcaption>\(HTML.escape(title))</figcaption></figure>"
        }
        return html + "</div>"
    }

    static let css = """
        body{font-family:"Noto Sans CJK SC","Noto Sans",sans-serif;margin:1.5rem;max-width:1400px;color:#222}
        small{color:#666;font-weight:normal}table{border-collapse:collapse;font-size:.85rem}
        th,td{border:1px solid #ccc;padding:.25rem .4rem;text-align:right}th{background:#f4f4f4;font-weight:600}
        td:first-child{text-align:left;white-space:nowrap}.scroll{overflow-x:auto}
        .maps{display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:.75rem}
        figure{margin:0}figure svg{width:100%;height:auto;background:#fff}figcaption{font-size:.85rem;text-align:center}
        .chart{width:100%;max-width:600px}.legend{list-style:none;padding:0}
        """
}
