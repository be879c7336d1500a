import Foundation
import HotGridCore

/// A map of the region drawn from its own cells, as SVG: nothing fetched from a network.
///
/// Cells are exact squares on the national Albers grid, so the map draws in grid units (one
/// cell = one unit, north up): the region's outline and the city borders are the cell edges
/// where the neighbour is missing or in another city; hotspot cells are shaded; marked cells
/// (warnings) are dots coloured by class; city names sit at their cells' centroid. A city's map
/// draws county borders and names instead.
public struct CellMapSVG: Sendable {
    /// The units whose borders and names the map draws.
    public enum Division: Sendable {
        case city, county

        func code(_ cell: Cell) -> String { self == .city ? cell.cityCode : cell.countyCode }
    }

    let cells: [Cell]
    /// Names of the units drawn, by code.
    let names: [String: String]
    let division: Division
    var shaded: Set<CellID> = []
    /// Marked cells with their CSS class, drawn on top.
    var marked: [CellID: String] = [:]
    /// A title for screen readers.
    var title = ""
    /// Where a marked cell links to (`{id}` is replaced by the cell id); nil for no links.
    var link: String?

    public init(cells: [Cell], names: [String: String], division: Division = .city, shaded: Set<CellID> = [], marked: [CellID: String] = [:],
                title: String = "", link: String? = nil) {
        self.cells = cells
        self.names = names
        self.division = division
        self.shaded = shaded
        self.marked = marked
        self.title = title
        self.link = link
    }

    public var svg: HTML {
        guard let minRow = cells.map(\.id.row).min(), let maxRow = cells.map(\.id.row).max(),
              let minCol = cells.map(\.id.column).min(), let maxCol = cells.map(\.id.column).max() else { return .empty }
        var unit: [Int64: String] = [:]
        for c in cells { unit[Self.key(c.id.row, c.id.column)] = division.code(c) }
        var outline = "", borders = "", hot = ""
        for c in cells {
            let x = c.id.column - minCol, y = c.id.row - minRow, code = division.code(c)
            // Each edge once: the outline wherever the neighbour is missing, borders on east and south sides.
            for (dr, dc, path) in [(0, 1, "M\(x + 1) \(y)v1"), (1, 0, "M\(x) \(y + 1)h1"), (0, -1, "M\(x) \(y)v1"), (-1, 0, "M\(x) \(y)h1")] {
                switch unit[Self.key(c.id.row + dr, c.id.column + dc)] {
                case nil: outline += path
                case let other? where other != code && (dr == 1 || dc == 1): borders += path
                default: break
                }
            }
            if shaded.contains(c.id) { hot += "M\(x) \(y)h1v1h-1z" }
        }
        let width = maxCol - minCol + 1, height = maxRow - minRow + 1
        // Sizes are in cells; the styles are drawn for a region some 250 cells across, so a city's
        // or a county's map scales lines and labels down to look the same on screen. A dot never
        // shrinks below its own cell.
        let scale = Double(max(width, height)) / 250
        func size(_ v: Double) -> String { String(format: "%.3g", v * scale) }
        let radius = String(format: "%.3g", max(2.2 * scale, 0.42))
        var dots: [String: [HTML]] = [:]
        for c in cells {
            guard let cls = marked[c.id] else { continue }
            let dot: HTML = "<circle cx=\"\(Double(c.id.column - minCol) + 0.5)\" cy=\"\(Double(c.id.row - minRow) + 0.5)\" r=\"\(radius)\"><title>\(c.id)</title></circle>"
            dots[cls, default: []].append(link.map { "<a href=\"\($0.replacingOccurrences(of: "{id}", with: c.id.description))\">\(dot)</a>" } ?? dot)
        }
        let labels = Dictionary(grouping: cells, by: division.code).sorted { $0.key < $1.key }.map { code, members -> HTML in
            let x = members.reduce(0.0) { $0 + Double($1.id.column - minCol) } / Double(members.count)
            let y = members.reduce(0.0) { $0 + Double($1.id.row - minRow) } / Double(members.count)
            return "<text x=\"\(Int(x))\" y=\"\(Int(y))\">\(names[code] ?? code)</text>"
        }.joined()
        let groups = dots.sorted { $0.key < $1.key }.map { cls, dots -> HTML in
            "<g class=\"\(cls)\" style=\"stroke-width:\(size(0.5))\">\(dots.joined())</g>"
        }.joined()
        return """
            <svg xmlns="http://www.w3.org/2000/svg" class="cellmap" viewBox="-2 -2 \(width + 4) \(height + 4)" role="img" \
            aria-label="\(title)"><title>\(title)</title>\
            <path class="hot" d="\(HTML(built: hot))"/><path class="border" style="stroke-width:\(size(0.4))" d="\(HTML(built: borders))"/>\
            <path class="outline" style="stroke-width:\(size(0.8))" d="\(HTML(built: outline))"/>\
            \(groups)<g class="labels" style="font-size:\(size(7))px;stroke-width:\(size(1.5))px">\(labels)</g></svg>
            """
    }

    private static func key(_ row: Int, _ column: Int) -> Int64 { Int64(row) << 32 | Int64(column) }
}
