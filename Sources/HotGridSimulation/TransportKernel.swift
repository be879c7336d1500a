import Foundation

/// The transport model: the steady-state solution of vertically mixed advection–diffusion with
/// first-order loss for a point source,
///
///     U ∂C/∂x = K ∇²C − k C + Q δ(x, y) / h
///     C(x, y) = Q / (2π K h) · exp(U x / 2K) · K₀(λ r),   λ = √(U² / 4K² + k / K)
///
/// (x along the wind, r the distance, K₀ the modified Bessel function of the second kind).
/// Calm days give a round cloud of radius ~√(K/k); windy days a plume downwind. Dividing by the
/// boundary-layer height h makes low mixing raise concentrations; k holds dry deposition,
/// chemistry and wet scavenging by rain.
public struct TransportKernel: Sendable {
    /// Wind speed (m/s) and the direction the wind blows towards (radians, east = 0, north = π/2).
    public let speed: Double
    public let towards: Double
    /// Horizontal eddy diffusivity (m²/s) and first-order loss rate (1/s).
    public let diffusivity: Double
    public let lossRate: Double

    public init(speed: Double, towards: Double, diffusivity: Double, lossRate: Double) {
        self.speed = speed
        self.towards = towards
        self.diffusivity = diffusivity
        self.lossRate = lossRate
    }

    /// Concentration (g/m³) per unit emission (g/s) per metre of mixing height at displacement
    /// (dx, dy) metres from the source, averaged over a cell of `cell` metres at the source itself.
    public func value(dx: Double, dy: Double, cell: Double) -> Double {
        let k = diffusivity
        let along = dx * cos(towards) + dy * sin(towards)
        let r = max((dx * dx + dy * dy).squareRoot(), 0.4 * cell)
        let z = (speed * speed / (4 * k * k) + lossRate / k).squareRoot() * r
        // Far away exp(U x / 2K) overflows while K₀ underflows: multiply them in log space.
        if z > 2 { return exp(speed * along / (2 * k) - z) * Bessel.k0Scaled(z) / (2 * Double.pi * k) }
        return exp(speed * along / (2 * k)) * Bessel.k0(z) / (2 * Double.pi * k)
    }
}

/// Modified Bessel functions by the polynomial approximations of Abramowitz & Stegun 9.8.1–9.8.6
/// (relative error < 2·10⁻⁷).
enum Bessel {
    static func i0(_ x: Double) -> Double {
        let t = (x / 3.75) * (x / 3.75)
        return 1 + t * (3.5156229 + t * (3.0899424 + t * (1.2067492 + t * (0.2659732 + t * (0.0360768 + t * 0.0045813)))))
    }

    static func k0(_ x: Double) -> Double {
        if x <= 2 {
            let t = x * x / 4
            return -log(x / 2) * i0(x) + (-0.57721566 + t * (0.42278420 + t * (0.23069756 + t * (0.03488590
                + t * (0.00262698 + t * (0.00010750 + t * 0.00000740))))))
        }
        return exp(-x) * k0Scaled(x)
    }

    /// eˣ K₀(x) for x > 2.
    static func k0Scaled(_ x: Double) -> Double {
        let t = 2 / x
        return 1 / x.squareRoot() * (1.25331414 + t * (-0.07832358 + t * (0.02189568 + t * (-0.01062446
            + t * (0.00587872 + t * (-0.00251540 + t * 0.00053208))))))
    }
}
