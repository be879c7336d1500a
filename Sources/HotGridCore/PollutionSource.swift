/// What kind of air-pollution source sits in a cell.
public enum SourceKind: String, Sendable, Codable, CaseIterable {
    case enterprise, boiler
    case constructionSite = "construction_site"
    case materialYard = "material_yard"
    case openPitMine = "open_pit_mine"
    case vocsEmitter = "vocs_emitter"
    case scatteredWorkshop = "scattered_workshop"
    case restaurant, road
    case burningPoint = "burning_point"
    case other

    public var chineseName: String {
        switch self {
        case .enterprise: "工业企业"
        case .boiler: "锅炉"
        case .constructionSite: "建筑工地"
        case .materialYard: "物料堆场"
        case .openPitMine: "露天矿山"
        case .vocsEmitter: "VOCs排放单位"
        case .scatteredWorkshop: "散乱污企业"
        case .restaurant: "餐饮"
        case .road: "道路"
        case .burningPoint: "露天焚烧点"
        case .other: "其他"
        }
    }
}

/// A pollution source in a cell. Its name, census id, operator and notes are business secrets:
/// only staff of its area see them.
public struct PollutionSource: Hashable, Sendable, Codable {
    public let id: Int
    public let cell: CellID
    public let kind: SourceKind
    public let position: LonLat
    public let name: String
    /// The pollution-source census id (污染源普查编码), if any.
    public let censusID: String?
    public let operatorName: String?
    public let notes: String?

    public init(id: Int, cell: CellID, kind: SourceKind, position: LonLat, name: String, censusID: String?, operatorName: String?, notes: String?) {
        self.id = id
        self.cell = cell
        self.kind = kind
        self.position = position
        self.name = name
        self.censusID = censusID
        self.operatorName = operatorName
        self.notes = notes
    }
}

/// A source as a viewer may see it: outside the viewer's area its business secrets are withheld.
public struct SourceView: Sendable {
    public let id: Int
    public let cell: CellID
    public let kind: SourceKind
    /// nil where withheld.
    public let name: String?
    public let position: LonLat?
    public let censusID: String?
    public let operatorName: String?
    public let notes: String?
    public var isRedacted: Bool { name == nil }

    public init(id: Int, cell: CellID, kind: SourceKind, name: String?, position: LonLat?, censusID: String?, operatorName: String?, notes: String?) {
        self.id = id
        self.cell = cell
        self.kind = kind
        self.name = name
        self.position = position
        self.censusID = censusID
        self.operatorName = operatorName
        self.notes = notes
    }
}
