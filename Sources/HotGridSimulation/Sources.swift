import Foundation
import HotGridCore

/// The kinds of emission source the simulated world has, with how their output varies in time.
public enum SourceType: String, Sendable, CaseIterable {
    case steelPlant = "steel_plant"
    case cokePlant = "coke_plant"
    case cementPlant = "cement_plant"
    case boiler
    case constructionSite = "construction_site"
    case materialYard = "material_yard"
    case openBurning = "open_burning"
    case traffic
    case scatteredWorkshop = "scattered_workshop"

    /// Which seasonal pattern drives the source.
    public var schedule: EmissionSchedule {
        switch self {
        case .boiler: .heating
        case .constructionSite: .construction
        case .openBurning: .burning
        default: .steady
        }
    }
}

/// How a group of sources varies through the year; every factor averages 1 over a year, so a
/// source's rate is its annual mean.
public enum EmissionSchedule: Int, Sendable, CaseIterable {
    case steady, heating, construction, burning

    /// The factor on `day`.
    public func factor(on day: Day) -> Double {
        let (_, month, dom) = day.components
        switch self {
        case .steady:
            return 1
        case .heating: // 15 Nov – 15 Mar: 4 months at 2.2, the other 8 at 0.4
            let on = month == 12 || month <= 2 || (month == 11 && dom >= 15) || (month == 3 && dom <= 15)
            return on ? 2.2 : 0.4
        case .construction: // stopped Dec–Feb, 12/9 the rest of the year
            return [12, 1, 2].contains(month) ? 0 : 12.0 / 9
        case .burning: // the wheat harvest (10–30 June) and the maize harvest (October): 52 days a year
            let on = (month == 6 && dom >= 10) || month == 10
            return on ? 365.0 / 52 : 0
        }
    }
}

/// One emission source: what it is, where, and its annual mean PM2.5 output.
public struct EmissionSource: Sendable, Equatable {
    public let id: Int
    public let type: SourceType
    public let position: ProjectedPoint
    /// Annual mean primary PM2.5 emission, tonnes per year.
    public let tonnesPerYear: Double
}
