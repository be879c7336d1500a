import ArgumentParser
import HotGridService
import HotGridStore

struct RegionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "region",
        abstract: "Summarise the loaded region per city: cells, area inside the region, counties."
    )

    @Option(help: "The HotGrid database.")
    var db: String

    func run() throws {
        print(try RegionReport(store: StoreChoice.open(db)).render(), terminator: "")
    }
}
