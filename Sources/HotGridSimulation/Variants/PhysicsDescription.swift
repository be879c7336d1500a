import Foundation

extension Simulator {
    /// How the stations were chosen, for README.txt.
    static func networkText(_ variant: WorldVariant) -> String {
        let rule = "every county seat and urban district, two more per city centre"
        guard let count = variant.stationCount else { return rule }
        return "the real-network rule (\(rule)) thinned to \(count) keeping one per city centre first, or densified to \(count) around county seats"
    }

    /// What the satellite product is, for README.txt.
    static func satelliteText(_ variant: WorldVariant) -> String {
        let pixel = String(format: "%g", variant.satellitePixel), noise = Int((100 * variant.satelliteNoise).rounded())
        let humidity = variant.satelliteError == .humidityAdditive
            ? " + an additive humidity bias (up to 30 µg/m³ on humid, stagnant days) before the noise" : ""
        let clouds = switch variant.clouds {
        case .seasonal: "cloud gaps (30 % of pixels in winter, 60 % in summer, more on rainy days)"
        case .frequent: "frequent cloud gaps in systems lasting ~5 days (~60-70 % of pixels, more on rainy days, most of a stagnant winter day)"
        }
        return "daily satellite PM2.5 (\(pixel)°), biased (×0.8 ± 0.1 a day, ±15 % in space)\(humidity), ×log-normal noise (\(noise) %),\n"
            + "                      \(clouds)"
    }

    /// The concentration model's section of README.txt.
    static func physicsText(_ world: World) -> String {
        switch world.variant.physics {
        case .steadyPlume:
            let inflowFactor = world.variant.inflow == .normal ? "" : String(format: "%g·", world.variant.inflow.scale)
            return """
                Concentration model
                -------------------
                PM2.5 = secondary background + inflow + transported primary PM2.5.
                - Secondary background: (26 + 14·s)(1 + 1.2·stagnation)·exp(-0.04·precip) µg/m³, s = 1 in mid-January, -1 in
                  mid-July, stagnation = exp(-wind/2), times a fixed smooth pattern (0.85-1.15).
                - Inflow: \(inflowFactor)(12 + 10·s)(1 + stagnation)·exp(-0.04·precip)·exp(-d/150 km), d the distance from the upwind edge.
                - Primary: each source's emission Q spread by the steady state of vertically mixed advection-diffusion with
                  first-order loss, C = Q/(2πKh)·exp(Ux/2K)·K0(λr), λ = sqrt(U²/4K² + k/K), K = 800 + 400·U m²/s,
                  k = 1/(1.5 days) dry, + 0.6/day on rainy days (> 2 mm); h the local mixing height. Days are grouped into
                  16 wind directions × 3 speeds (1, 2.5, 5 m/s) × dry/wet, each convolved once by FFT.
                - Near field: in a source's own cell and the next cell downwind the plume has not yet mixed through
                  the boundary layer; the excess Q·t/A·(1/σz − 1/h) is added (t the air's transit over the cell,
                  σz = 50 m + 0.06·distance: initial mixing plus neutral Briggs growth, 110 m in the own cell,
                  230 m in the next).

                """
        case .puffTransport:
            return """
                Concentration model
                -------------------
                PM2.5 = moving secondary background + transported primary PM2.5 (from the region and from upwind).
                - Secondary background: (26 + 14·s)(1 + 1.2·stagnation)·exp(-0.04·precip) µg/m³, s = 1 in mid-January, -1 in
                  mid-July, stagnation = exp(-wind/2), times a pattern of long waves (200-600 km, 0.7-1.3) that drifts
                  with 0.6 × the day's wind: the plain's haze moves across the region over days.
                - Primary, hour by hour on the 3 km grid extended 48 km beyond the window: column mass advected
                  semi-Lagrangian by a wind that turns from yesterday's to tomorrow's, is weaker at night (×0.6) and
                  stronger in the afternoon (×1.85), veers by up to 20° through the day and is bent by the terrain;
                  diffused (~1,000 m²/s); lost at k = 1/(1.5 days) dry, + 0.6/day on rainy days (> 2 mm); fed by every
                  source. Mass carries over from day to day. Concentration = column mass / mixing height, the height
                  0.7 × the day's at night and 2.3 × at 1 pm (lowered in the basin on calm days); a day is the mean of its hours.
                - Near field: as in the steady world, the excess Q·t/A·(1/σz − 1/h) in a source's own cell and the next
                  cell downwind, from the day's mean wind.
                - Inflow: no formula. The ring of sources outside the region (above) sends PM2.5 in when the wind
                  blows from it.

                """
        }
    }
}
