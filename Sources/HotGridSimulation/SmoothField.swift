import HotGridCore

/// A smooth random pattern over the window: random values on a coarse lattice of control points,
/// interpolated bilinearly. Used for clouds, rain cells and fixed spatial patterns.
struct SmoothField {
    let controls: [Double]
    let nx: Int
    let ny: Int

    /// `nx` × `ny` control values uniform in [0, 1).
    init(nx: Int, ny: Int, rng: inout SeededGenerator) {
        self.nx = nx
        self.ny = ny
        controls = (0..<(nx * ny)).map { _ in rng.uniform() }
    }

    /// Given control values in [0, 1], row-major from the south-west, for patterns that evolve.
    init(nx: Int, ny: Int, controls: [Double]) {
        precondition(controls.count == nx * ny, "one control value per lattice point")
        self.nx = nx
        self.ny = ny
        self.controls = controls
    }

    /// The value at fractional position (`fx`, `fy`) ∈ [0, 1]² of the window.
    func value(_ fx: Double, _ fy: Double) -> Double {
        let x = min(max(fx, 0), 1) * Double(nx - 1), y = min(max(fy, 0), 1) * Double(ny - 1)
        let x0 = min(Int(x), nx - 2), y0 = min(Int(y), ny - 2)
        let tx = x - Double(x0), ty = y - Double(y0)
        let a = controls[y0 * nx + x0], b = controls[y0 * nx + x0 + 1]
        let c = controls[(y0 + 1) * nx + x0], d = controls[(y0 + 1) * nx + x0 + 1]
        return (a * (1 - tx) + b * tx) * (1 - ty) + (c * (1 - tx) + d * tx) * ty
    }
}
