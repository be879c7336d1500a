import HotGridCore

/// A polygon as plain values: the exterior ring, then any holes. Rings are open (the first point
/// is not repeated at the end). Coordinates are in whatever CRS the polygon was read or projected to.
public struct Polygon: Hashable, Sendable {
    public var rings: [[ProjectedPoint]]

    public init(rings: [[ProjectedPoint]]) { self.rings = rings }

    /// A rectangle as a counter-clockwise polygon.
    public init(rect: ProjectedRect) {
        rings = [[
            ProjectedPoint(x: rect.minX, y: rect.minY), ProjectedPoint(x: rect.maxX, y: rect.minY),
            ProjectedPoint(x: rect.maxX, y: rect.maxY), ProjectedPoint(x: rect.minX, y: rect.maxY),
        ]]
    }

    /// Planar area: the exterior's minus the holes', whatever the rings' orientation.
    public var area: Double {
        rings.enumerated().reduce(0) { total, item in
            let ringArea = abs(RectangleClipper.signedArea(item.element))
            return item.offset == 0 ? total + ringArea : total - ringArea
        }
    }

    /// The bounding box of the exterior ring; nil for an empty polygon.
    public var bounds: ProjectedRect? { Self.bounds(of: rings.first ?? []) }

    static func bounds(of ring: [ProjectedPoint]) -> ProjectedRect? {
        guard let first = ring.first else { return nil }
        var rect = ProjectedRect(minX: first.x, minY: first.y, maxX: first.x, maxY: first.y)
        for p in ring {
            rect.minX = min(rect.minX, p.x); rect.maxX = max(rect.maxX, p.x)
            rect.minY = min(rect.minY, p.y); rect.maxY = max(rect.maxY, p.y)
        }
        return rect
    }
}
