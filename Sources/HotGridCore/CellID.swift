/// A cell of the national grid, named by resolution, row and column: `3K-R01234-C05678`.
///
/// Rows count southwards and columns eastwards from the grid's fixed national origin
/// (``GridSpec/originX``, ``GridSpec/originY``), so an id never depends on which region was
/// loaded and the same place keeps the same id in every database.
public struct CellID: Hashable, Sendable, Comparable {
    public let resolution: GridResolution
    public let row: Int
    public let column: Int

    /// The largest row or column an id can spell with five digits.
    public static let maxIndex = 99_999

    /// A cell at `row`, `column`; nil when either is outside `0...99_999`.
    public init?(resolution: GridResolution, row: Int, column: Int) {
        guard (0...Self.maxIndex).contains(row), (0...Self.maxIndex).contains(column) else { return nil }
        self.resolution = resolution
        self.row = row
        self.column = column
    }

    /// The cell of resolution `coarser` that contains this one (itself when the resolution is the same).
    /// Returns nil when `coarser` is finer than this cell.
    public func parent(at coarser: GridResolution) -> CellID? {
        guard coarser >= resolution else { return nil }
        let ratio = coarser.meters / resolution.meters
        return CellID(resolution: coarser, row: row / ratio, column: column / ratio)
    }

    /// The cells of resolution `finer` that tile this one, row by row. Empty when `finer` is coarser.
    public func children(at finer: GridResolution) -> [CellID] {
        guard finer <= resolution else { return [] }
        let ratio = resolution.meters / finer.meters
        var cells: [CellID] = []
        cells.reserveCapacity(ratio * ratio)
        for r in row * ratio ..< (row + 1) * ratio {
            for c in column * ratio ..< (column + 1) * ratio {
                if let cell = CellID(resolution: finer, row: r, column: c) { cells.append(cell) }
            }
        }
        return cells
    }

    /// Ids sort coarse resolutions first, then north to south, then west to east.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        if lhs.resolution != rhs.resolution { return lhs.resolution > rhs.resolution }
        return (lhs.row, lhs.column) < (rhs.row, rhs.column)
    }
}

extension CellID: LosslessStringConvertible {
    /// The readable id, e.g. `3K-R01234-C05678`.
    public var description: String {
        "\(resolution.code)-R\(Self.pad(row))-C\(Self.pad(column))"
    }

    /// Parses `3K-R01234-C05678`, `1K-…`, `500M-…`; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3,
              let resolution = GridResolution(code: String(parts[0])),
              parts[1].first == "R", parts[2].first == "C",
              parts[1].count == 6, parts[2].count == 6,
              let row = Int(parts[1].dropFirst()), let column = Int(parts[2].dropFirst())
        else { return nil }
        self.init(resolution: resolution, row: row, column: column)
    }

    private static func pad(_ value: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }
}

extension CellID: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let id = CellID(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a cell id like 3K-R01234-C05678")
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
