import Foundation
import HotGridCore
import HotGridServer
import HotGridService
import HotGridStore
import Hummingbird
import HummingbirdTesting
import Testing

/// Loads `url` in headless Chromium (Debian's `chromium`) and returns the DOM after scripts ran.
func renderedDOM(_ url: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/chromium")
    process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", url]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

@Suite("Pages in a real browser", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")))
struct BrowserTests {
    @Test("Chromium shows the portal map with every warned cell, a cell page with its chart, and the published lists")
    func portal() async throws {
        let world = try ServerWorld()
        defer { world.cleanUp() }
        let warned = try #require(try world.store.warningList(month: Month("2017-03")!)).cells.count
        try await withServer(world) { client in
            let base = "http://127.0.0.1:\(try #require(client.port))"
            let home = try renderedDOM(base + "/")
            #expect(home.contains("2017年3月热点网格预警") && home.contains("鹤壁市") && home.contains("濮阳市"))
            #expect(home.components(separatedBy: "<circle").count - 1 == warned)
            let english = try renderedDOM(base + "/?lang=en")
            #expect(english.contains("<html lang=\"en\"") && english.contains("Hotspot grid warnings, 2017-03"))
            let cell = try renderedDOM(base + "/cells/\(world.cell)")
            #expect(cell.contains("class=\"chart\"") && cell.contains("2017-03") && cell.contains("鹤壁市"))
            let lists = try renderedDOM(base + "/publications")
            #expect(lists.contains(try #require(try world.store.publication(id: 1)).sha256) && lists.contains("/api/v1/publications/1/csv"))
        }
    }
}
