import HotGridCore

/// Exact area of a polygon inside axis-aligned rectangles (grid cells), the way exactextract
/// computes coverage fractions.
///
/// Each ring is clipped against the rectangle's four half-planes (Sutherland–Hodgman). For a
/// concave ring the result may contain zero-width slivers along the rectangle's edges, but its
/// signed area is exactly the area of ring ∩ rectangle, which is all the overlay needs. This is
/// linear in the ring's length, needs no valid topology (unlike a GEOS overlay, which rejects
/// the self-touching rings that simplified boundaries sometimes have) and does not allocate a
/// geometry per cell.
public enum RectangleClipper {
    /// Signed area by the shoelace formula: positive for counter-clockwise rings.
    public static func signedArea(_ ring: [ProjectedPoint]) -> Double {
        guard ring.count >= 3 else { return 0 }
        var sum = 0.0
        var previous = ring[ring.count - 1]
        for point in ring {
            sum += (previous.x - point.x) * (previous.y + point.y)
            previous = point
        }
        return sum / 2
    }

    /// The area of `polygon` (exterior minus holes) that lies inside `rect`.
    public static func area(of polygon: Polygon, inside rect: ProjectedRect) -> Double {
        var total = 0.0
        for (index, ring) in polygon.rings.enumerated() {
            let orientation: Double = signedArea(ring) >= 0 ? 1 : -1
            let clipped = clip(clip(ring, toRows: rect.minY...rect.maxY), toColumns: rect.minX...rect.maxX)
            let area = signedArea(clipped) * orientation
            total += index == 0 ? area : -area
        }
        return total
    }

    /// The part of `ring` whose y lies within `band`.
    public static func clip(_ ring: [ProjectedPoint], toRows band: ClosedRange<Double>) -> [ProjectedPoint] {
        halfPlane(halfPlane(ring, axisX: false, bound: band.lowerBound, keepAbove: true),
                  axisX: false, bound: band.upperBound, keepAbove: false)
    }

    /// The part of `ring` whose x lies within `band`.
    public static func clip(_ ring: [ProjectedPoint], toColumns band: ClosedRange<Double>) -> [ProjectedPoint] {
        halfPlane(halfPlane(ring, axisX: true, bound: band.lowerBound, keepAbove: true),
                  axisX: true, bound: band.upperBound, keepAbove: false)
    }

    /// One Sutherland–Hodgman pass: keeps the part of `ring` with coordinate ≥ `bound`
    /// (`keepAbove`) or ≤ `bound`, adding the crossing points.
    private static func halfPlane(_ ring: [ProjectedPoint], axisX: Bool, bound: Double, keepAbove: Bool) -> [ProjectedPoint] {
        guard let last = ring.last else { return [] }
        @inline(__always) func inside(_ p: ProjectedPoint) -> Bool {
            let v = axisX ? p.x : p.y
            return keepAbove ? v >= bound : v <= bound
        }
        @inline(__always) func crossing(_ a: ProjectedPoint, _ b: ProjectedPoint) -> ProjectedPoint {
            if axisX {
                let t = (bound - a.x) / (b.x - a.x)
                return ProjectedPoint(x: bound, y: a.y + t * (b.y - a.y))
            }
            let t = (bound - a.y) / (b.y - a.y)
            return ProjectedPoint(x: a.x + t * (b.x - a.x), y: bound)
        }
        var output: [ProjectedPoint] = []
        output.reserveCapacity(ring.count + 4)
        var previous = last
        var previousInside = inside(previous)
        for point in ring {
            let pointInside = inside(point)
            if pointInside {
                if !previousInside { output.append(crossing(previous, point)) }
                output.append(point)
            } else if previousInside {
                output.append(crossing(previous, point))
            }
            previous = point
            previousInside = pointInside
        }
        return output
    }
}
