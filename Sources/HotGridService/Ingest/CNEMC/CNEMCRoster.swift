import HotGridCore

/// Which CNEMC stations belong to the region, decided once per code: by the station list's
/// position where it gives one, otherwise by the position a live file states beside the values.
struct CNEMCRoster {
    private let list: CNEMCStationList?
    private let placement: StationPlacement
    /// The region's stations by code.
    private(set) var inRegion: [String: Station] = [:]
    private(set) var outside: Set<String> = []
    private(set) var withoutPosition: Set<String> = []

    init(list: CNEMCStationList?, placement: StationPlacement) {
        self.list = list
        self.placement = placement
        for entry in list?.entries.values.sorted(by: { $0.code < $1.code }) ?? [] {
            _ = admit(code: entry.code, name: entry.name, position: entry.position, background: entry.background)
        }
    }

    /// Whether the list has `code`.
    func lists(_ code: String) -> Bool { list?.entries[code] != nil }

    /// Whether `code` is a station of the region. A code the list places was decided from the
    /// list; another is decided by the first `position` (a live file's own) that comes with it.
    mutating func admits(code: String, name: String, position: LonLat?) -> Bool {
        if inRegion[code] != nil { return true }
        if outside.contains(code) { return false }
        guard let position else {
            withoutPosition.insert(code)
            return false
        }
        withoutPosition.remove(code)
        let entry = list?.entries[code]
        return admit(code: code, name: entry?.name ?? name, position: position, background: entry?.background)
    }

    private mutating func admit(code: String, name: String, position: LonLat?, background: Bool?) -> Bool {
        guard let position else {
            withoutPosition.insert(code)
            return false
        }
        guard let cell = placement.cell(at: position) else {
            outside.insert(code)
            return false
        }
        // Lists without the 对照点 column, and the live release, mark a background site in its name.
        inRegion[code] = Station(id: code, name: name, position: position, cell: cell, background: background ?? name.contains("对照点"))
        return true
    }
}
