import Testing
import HotGridCore
@testable import HotGridGeo

private func ring(_ coordinates: [(Double, Double)]) -> [ProjectedPoint] {
    coordinates.map { ProjectedPoint(x: $0.0, y: $0.1) }
}

@Suite("Exact polygon ∩ rectangle areas")
struct RectangleClipperTests {
    let unit = ProjectedRect(minX: 0, minY: 0, maxX: 1, maxY: 1)

    @Test("A polygon inside the rectangle keeps its whole area, whatever its winding")
    func inside() {
        let square = ring([(0.25, 0.25), (0.75, 0.25), (0.75, 0.75), (0.25, 0.75)])
        #expect(RectangleClipper.area(of: Polygon(rings: [square]), inside: unit) == 0.25)
        #expect(RectangleClipper.area(of: Polygon(rings: [square.reversed()]), inside: unit) == 0.25)
    }

    @Test("A triangle across the rectangle's corner keeps the part inside")
    func triangle() {
        // Triangle (0,0) (2,0) (0,2): its part in the unit square is the whole square (area 1).
        let t = Polygon(rings: [ring([(0, 0), (2, 0), (0, 2)])])
        #expect(abs(RectangleClipper.area(of: t, inside: unit) - 1) < 1e-12)
        // Shifted: (0.5,0) (1.5,0) (0.5,1) → inside the square, a trapezoid of area 0.5 - 0.125 = 0.375.
        let s = Polygon(rings: [ring([(0.5, 0), (1.5, 0), (0.5, 1)])])
        #expect(abs(RectangleClipper.area(of: s, inside: unit) - 0.375) < 1e-12)
    }

    @Test("A concave U-shape counts only its arms where the rectangle cuts through the gap")
    func concave() {
        // U: outer 0…3 × 0…3 minus the slot 1…2 × 1…3; rectangle 0…3 × 2…3 holds the two arms (1 + 1).
        let u = Polygon(rings: [ring([(0, 0), (3, 0), (3, 3), (2, 3), (2, 1), (1, 1), (1, 3), (0, 3)])])
        let top = ProjectedRect(minX: 0, minY: 2, maxX: 3, maxY: 3)
        #expect(abs(RectangleClipper.area(of: u, inside: top) - 2) < 1e-12)
        #expect(abs(u.area - 7) < 1e-12)
    }

    @Test("Holes subtract")
    func hole() {
        let outer = ring([(0, 0), (4, 0), (4, 4), (0, 4)])
        let hole = ring([(1, 1), (1, 3), (3, 3), (3, 1)])
        let p = Polygon(rings: [outer, hole])
        #expect(p.area == 12)
        let left = ProjectedRect(minX: 0, minY: 0, maxX: 2, maxY: 4)
        #expect(abs(RectangleClipper.area(of: p, inside: left) - 6) < 1e-12)
        #expect(abs(RectangleClipper.area(of: p, inside: ProjectedRect(minX: 1.5, minY: 1.5, maxX: 2.5, maxY: 2.5))) < 1e-12)
    }

    @Test("A polygon away from the rectangle has no area in it")
    func disjoint() {
        let far = Polygon(rings: [ring([(5, 5), (6, 5), (6, 6)])])
        #expect(RectangleClipper.area(of: far, inside: unit) == 0)
    }
}
