import ArgumentParser

/// The `hotgrid` command: hotspot-grid supervision of air pollution.
@main
struct HotGrid: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hotgrid",
        abstract: "Hotspot-grid (热点网格) supervision of air pollution on a national 3 km grid.",
        discussion: """
            See the whole system on a simulated world with `hotgrid demo` (it ends by serving it at \
            http://127.0.0.1:8080/). On your own data, start with `hotgrid init --db hotgrid.sqlite --region 2+26`, \
            then look at the region with `hotgrid region --db hotgrid.sqlite` and export its cells with `hotgrid cells`.
            """,
        subcommands: [DemoCommand.self, InitCommand.self, RegionCommand.self, CellsCommand.self, IngestCommand.self, InventoryCommand.self, FieldCommand.self, SimulateCommand.self, EvaluateCommand.self, EstimateCommand.self, MeansCommand.self, SelectCommand.self, ReviewCommand.self, HotspotsCommand.self, WarnCommand.self, WarningsCommand.self, EscalationsCommand.self, HistoryCommand.self, PublishCommand.self, PublicationsCommand.self, StaffCommand.self, SourceCommand.self, PatrolCommand.self, InspectCommand.self, ProblemCommand.self, StatsCommand.self, AuditCommand.self, UserCommand.self, ServeCommand.self, BenchCommand.self]
    )
}
