import Foundation
import HotGridCore

/// A map of one value per cell as SVG, each cell coloured by its percentile among the region's
/// cells (eight classes of a sequential ramp), so maps of different quantities (tonnes, µg/m³,
/// an index) compare by pattern. Runs of equal class along a row are one rectangle, which keeps
/// a 30,000-cell map small. Cells in `outlined` get a dark edge (the true hotspot cells).
public struct FieldMapSVG: Sendable {
    let cells: [Cell]
    let values: [Double]
    let outlined: Set<Int>
    let title: String

    /// `values` by dense cell index; `outlined` holds dense indices.
    public init(cells: [Cell], values: [Double], outlined: Set<Int> = [], title: String) {
        self.cells = cells
        self.values = values
        self.outlined = outlined
        self.title = title
    }

    /// Light yellow to dark purple (ColorBrewer YlOrRd, with purple for the top class).
    static let ramp = ["#ffffcc", "#ffeda0", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#800026"]

    public var svg: HTML {
        guard let minRow = cells.map(\.id.row).min(), let maxRow = cells.map(\.id.row).max(),
              let minCol = cells.map(\.id.column).min(), let maxCol = cells.map(\.id.column).max() else { return .empty }
        let order = values.indices.filter { values[$0].isFinite }.sorted { values[$0] < values[$1] }
        var colourClass = [Int](repeating: -1, count: cells.count)
        var tieStart = 0
        for (rank, i) in order.enumerated() {
            // Equal values (a region of cells without sources) share the class of the first of them.
            if rank == 0 || values[i] != values[order[rank - 1]] { tieStart = rank }
            colourClass[i] = min(Self.ramp.count - 1, tieStart * Self.ramp.count / max(1, order.count))
        }
        let width = maxCol - minCol + 1, height = maxRow - minRow + 1
        var grid = [Int](repeating: -2, count: width * height)
        for (i, c) in cells.enumerated() { grid[(c.id.row - minRow) * width + c.id.column - minCol] = colourClass[i] }
        var paths = [String](repeating: "", count: Self.ramp.count + 1)
        for y in 0..<height {
            var x = 0
            while x < width {
                let k = grid[y * width + x]
                var end = x + 1
                while end < width, grid[y * width + end] == k { end += 1 }
                if k >= -1 { paths[k + 1] += "M\(x) \(y)h\(end - x)v1h-\(end - x)z" }
                x = end
            }
        }
        var outline = ""
        for i in outlined { outline += "M\(cells[i].id.column - minCol) \(cells[i].id.row - minRow)h1v1h-1z" }
        var body = "<path fill=\"#ddd\" d=\"\(paths[0])\"/>"
        for (k, colour) in Self.ramp.enumerated() where !paths[k + 1].isEmpty { body += "<path fill=\"\(colour)\" d=\"\(paths[k + 1])\"/>" }
        if !outline.isEmpty { body += "<path fill=\"none\" stroke=\"#000\" stroke-width=\"0.25\" d=\"\(outline)\"/>" }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(title)\"><title>\(title)</title>\(HTML(built: body))</svg>"
    }
}
