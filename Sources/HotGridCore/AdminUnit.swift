/// An administrative unit a cell can belong to: a city (地级市) or a county (区/县/市).
///
/// Codes are the national six-digit administrative codes (adcode), kept as text because
/// user-loaded boundaries may use other schemes.
public struct AdminUnit: Hashable, Sendable, Codable {
    public enum Level: String, Sendable, Codable, CaseIterable {
        case city
        case county
    }

    public let code: String
    public let name: String
    public let level: Level
    /// The code of the enclosing unit: the city for a county, nil for a city.
    public let parentCode: String?

    public init(code: String, name: String, level: Level, parentCode: String? = nil) {
        self.code = code
        self.name = name
        self.level = level
        self.parentCode = parentCode
    }
}
