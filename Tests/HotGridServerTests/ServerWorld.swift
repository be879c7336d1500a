import Foundation
import HotGridCore
import HotGridService
import HotGridSQLite
import HotGridStore

/// Hebi (410600) and Puyang (410900) with three months of PM2.5, a hotspot list, warnings for
/// 2017-03, a publication, and staff with logins (password "password-123" for everyone):
/// admin, hebi (city officer), puyang (city officer), supervisor (grid supervisor of `cell`),
/// housing (Hebi housing officer), environment (Hebi environment officer), auditor (region).
struct ServerWorld {
    let folder: URL
    let store: SQLiteStore
    let accounts: Accounts
    let cell: CellID
    let centre: LonLat
    static let password = "password-123"

    /// The world on the bundled boundaries, or on `boundaries(folder)`: a boundaries file written
    /// into the world's folder, whose cities must include 410600 and 410900.
    init(boundaries: ((URL) throws -> BoundarySource)? = nil) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("hotgrid-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let db = folder.appendingPathComponent("server.sqlite").path
        let source = try boundaries?(folder) ?? .bundled(region: "2+26")
        try RegionSetup(source: source, cities: ["410600", "410900"]).run(into: SQLiteAddress(path: db))
        store = try SQLiteStore(opening: db)
        let cells = try store.cells()
        try store.importField(variable: FieldVariable.pm25.rawValue, source: "test", summary: { "test" }) { sink in
            for day in stride(from: Day("2017-01-01")!, through: Day("2017-03-31")!, by: 1) {
                try sink.put(day: day, values: cells.indices.map { Float(40 + $0 % 50) + Float(day.ordinal % 7) })
            }
        }
        let hot = cells.indices.filter { $0 % 10 == 0 }.map { cells[$0].id }
        try store.saveHotspotList(HotspotList(year: 2016, method: "test", policy: .regional,
                                              entries: hot.enumerated().map { HotspotEntry(cell: $1, rank: $0 + 1, emissionIndex: 1, pm25Annual: nil,
                                                                                             probability: $0 == 0 ? 0.93 : 0.5) }))
        try WarningRun().run(from: Month("2017-01")!, to: Month("2017-03")!, store: store)
        _ = try Publishing(store: store).publish(month: Month("2017-03")!)
        let hebiCell = cells.first { $0.cityCode == "410600" }!
        cell = hebiCell.id
        centre = LonLat(longitude: hebiCell.longitude, latitude: hebiCell.latitude)
        var accounts = Accounts(store: store)
        accounts.cost = 4
        self.accounts = accounts
        let admin = try accounts.addUser(login: "admin", password: Self.password, name: "Admin", role: .admin, scope: .region, actor: nil)
        for (login, role, scope, department) in [("hebi", Role.cityOfficer, StaffScope.city("410600"), nil as String?),
                                                 ("puyang", .cityOfficer, .city("410900"), nil),
                                                 ("supervisor", .gridSupervisor, .assignedCells, nil),
                                                 ("housing", .departmentOfficer, .city("410600"), "housing"),
                                                 ("environment", .departmentOfficer, .city("410600"), "environment"),
                                                 ("auditor", .auditor, .region, nil)] {
            _ = try accounts.addUser(login: login, password: Self.password, name: login, role: role, scope: scope, department: department, actor: admin.id)
        }
        try Ledger(store: store, actor: 2).assign(cell: cell, duty: .gridSupervisor, person: 4)
        let sources = folder.appendingPathComponent("sources.csv")
        try Data("name,kind,lon,lat,census_id\nSteel works,enterprise,\(centre.longitude),\(centre.latitude),410600X1\n".utf8).write(to: sources)
        _ = try Ledger(store: store, actor: 2).importSources(path: sources.path)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: folder) }
}
