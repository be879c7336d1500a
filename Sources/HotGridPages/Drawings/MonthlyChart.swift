import Foundation
import HotGridCore

/// A bar chart of a cell's monthly means, as SVG; warned months get a red dot.
public struct MonthlyChart: Sendable {
    let months: [CellRecord.MonthFigures]

    public init(months: [CellRecord.MonthFigures]) { self.months = months }

    public var svg: HTML {
        let top = max(50, (months.compactMap(\.mean.mean).max() ?? 0) * 1.1), width = 24.0, height = 200.0
        var bars: [HTML] = []
        for (i, m) in months.enumerated() {
            let x = 40 + Double(i) * width
            if let v = m.mean.mean {
                let h = v / top * height
                bars.append("<rect x=\"\(x + 3)\" y=\"\(10 + height - h)\" width=\"\(width - 6)\" height=\"\(h)\" fill=\"#5b7fa6\"><title>\(m.month): \((v * 10).rounded() / 10)</title></rect>")
            }
            if !m.reasons.isEmpty { bars.append("<circle cx=\"\(x + width / 2)\" cy=\"\(height + 18)\" r=\"4\" fill=\"#c0392b\"/>") }
            if m.month.month == 1 || i == 0 { bars.append("<text x=\"\(x)\" y=\"\(height + 38)\" font-size=\"11\">\(m.month)</text>") }
        }
        let ticks = stride(from: 0.0, through: top, by: top > 150 ? 50 : 25).map { v -> HTML in
            let y = 10 + height - v / top * height
            return "<line x1=\"36\" x2=\"\(40 + Double(months.count) * width)\" y1=\"\(y)\" y2=\"\(y)\" stroke=\"#e1e6eb\"/><text x=\"4\" y=\"\(y + 4)\" font-size=\"11\">\(Int(v))</text>"
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(50 + Double(months.count) * width) \(height + 50)\" role=\"img\" aria-label=\"monthly PM2.5\">\(ticks.joined())\(bars.joined())</svg>"
    }
}
