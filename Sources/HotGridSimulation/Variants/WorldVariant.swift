/// What changes from one simulated world to another, so an estimation method can be judged on
/// worlds it was not tuned on: the transport physics, the upwind inflow, and how the world is
/// observed (the satellite product, its clouds, the station network).
///
/// The named presets fall in two groups that must stay apart:
/// - **tuning** (``tuning``): `standard`, `hourly`, `coarse-sparse`, `dense-clean`, with seeds 1–3.
///   Choose a method's parameters, thresholds and variants on these only.
/// - **held out** (``heldOut``): `heldout-a` … `heldout-d`, and any preset with a seed ≥ 101.
///   Never used to choose anything: run them once, at the end, to report how well the chosen
///   method does on worlds it has not seen.
public struct WorldVariant: Sendable, Equatable {
    /// How primary PM2.5 travels from its sources.
    public enum Physics: String, Sendable, CaseIterable {
        /// One steady-state K₀ plume per day, from that day's mean wind (``TransportKernel``).
        case steadyPlume = "steady-plume"
        /// A time-stepped grid with winds varying within the day and bent by the terrain, a diurnal
        /// boundary layer, mass carried over from day to day, and sources outside the region
        /// (``PuffTransport``).
        case puffTransport = "puff-transport"
    }

    /// How the satellite product departs from the truth.
    public enum SatelliteError: String, Sendable, CaseIterable {
        /// Truth × a daily and a spatial bias × log-normal noise.
        case multiplicative
        /// As multiplicative, plus an additive bias that grows on humid, stagnant days (hygroscopic
        /// growth of the aerosol inflates the optical depth the product is retrieved from).
        case humidityAdditive = "humidity-additive"
    }

    /// How often cloud hides the ground from the satellite.
    public enum Clouds: String, Sendable, CaseIterable {
        /// 30 % of pixels in winter, 60 % in summer, more on rainy days; a new pattern every day.
        case seasonal
        /// Much more cloud, in systems that persist for several days, and winter haze days mostly
        /// missing (retrievals flag thick haze as cloud).
        case frequent
    }

    /// How much PM2.5 arrives from upwind of the region.
    public enum Inflow: String, Sendable, CaseIterable {
        case weak, normal, strong

        /// Factor on the inflow term (steady plume) or on the sources outside the region (puff).
        public var scale: Double {
            switch self {
            case .weak: 0.5
            case .normal: 1
            case .strong: 2
            }
        }
    }

    /// The preset's name, as `hotgrid simulate --variant` takes it.
    public var name: String
    public var physics: Physics
    /// Pixel size of the satellite product, degrees (0.01 ≈ 1 km).
    public var satellitePixel: Double
    /// Log-space standard deviation of the satellite's per-pixel noise.
    public var satelliteNoise: Double
    public var satelliteError: SatelliteError
    public var clouds: Clouds
    /// Number of monitoring stations; nil keeps the real-network rule of ``StationNetwork``
    /// (every county seat and urban district, two more per city centre).
    public var stationCount: Int?
    public var inflow: Inflow

    public init(name: String, physics: Physics = .steadyPlume, satellitePixel: Double = 0.01, satelliteNoise: Double = 0.25,
                satelliteError: SatelliteError = .multiplicative, clouds: Clouds = .seasonal, stationCount: Int? = nil,
                inflow: Inflow = .normal) {
        self.name = name
        self.physics = physics
        self.satellitePixel = satellitePixel
        self.satelliteNoise = satelliteNoise
        self.satelliteError = satelliteError
        self.clouds = clouds
        self.stationCount = stationCount
        self.inflow = inflow
    }
}

extension WorldVariant {
    // Tuning worlds.

    /// The original world: steady plumes, a 0.01° satellite with 25 % noise, the real-network rule.
    public static let standard = WorldVariant(name: "standard")
    /// The standard observing system over time-stepped transport.
    public static let hourly = WorldVariant(name: "hourly", physics: .puffTransport)
    public static let coarseSparse = WorldVariant(name: "coarse-sparse", satellitePixel: 0.03, satelliteNoise: 0.3, stationCount: 40)
    public static let denseClean = WorldVariant(name: "dense-clean", satellitePixel: 0.01, satelliteNoise: 0.15, stationCount: 300)

    // Held-out worlds: never used to choose anything.

    public static let heldoutA = WorldVariant(name: "heldout-a", physics: .puffTransport, satellitePixel: 0.02, satelliteNoise: 0.35,
                                              satelliteError: .humidityAdditive, clouds: .frequent, stationCount: 60, inflow: .strong)
    public static let heldoutB = WorldVariant(name: "heldout-b", physics: .steadyPlume, satellitePixel: 0.03, satelliteNoise: 0.25,
                                              clouds: .frequent, stationCount: 30, inflow: .weak)
    public static let heldoutC = WorldVariant(name: "heldout-c", physics: .puffTransport, satellitePixel: 0.01, satelliteNoise: 0.2,
                                              stationCount: 400, inflow: .normal)
    public static let heldoutD = WorldVariant(name: "heldout-d", physics: .puffTransport, satellitePixel: 0.025, satelliteNoise: 0.3,
                                              satelliteError: .humidityAdditive, stationCount: 90, inflow: .strong)

    /// Presets for choosing a method's settings (with seeds 1–3).
    public static let tuning: [WorldVariant] = [.standard, .hourly, .coarseSparse, .denseClean]
    /// Presets for the final report only (and any preset with a seed ≥ 101).
    public static let heldOut: [WorldVariant] = [.heldoutA, .heldoutB, .heldoutC, .heldoutD]

    /// The preset called `name`, or nil if there is none.
    public static func named(_ name: String) -> WorldVariant? {
        (tuning + heldOut).first { $0.name == name }
    }

    /// Every preset's name, tuning first.
    public static var names: [String] { (tuning + heldOut).map(\.name) }
}
