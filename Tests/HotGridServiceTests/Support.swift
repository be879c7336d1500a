import Foundation

/// The built `hotgrid` executable beside the test bundle.
func hotgridBinary() -> URL {
    let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let binary = products.appendingPathComponent("hotgrid")
    // swift-testing's runner may live inside the .xctest bundle on some layouts.
    return FileManager.default.fileExists(atPath: binary.path) ? binary : products.deletingLastPathComponent().appendingPathComponent("hotgrid")
}

/// Runs the built `hotgrid` executable the way a user does.
func hotgrid(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = hotgridBinary()
    process.arguments = arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
}

/// A fresh temporary folder, removed by `cleanUp()`.
struct Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("hotgrid-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `text` to `name` and returns its path.
    func write(_ name: String, _ text: String) throws -> String {
        let p = path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: p))
        return p
    }

    /// File names in the folder.
    func contents() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() }

    func cleanUp() { try? FileManager.default.removeItem(at: url) }
}

/// A GeoJSON FeatureCollection of polygons given as lon/lat rings, with string properties.
func geoJSON(_ features: [(properties: [String: String], ring: [(Double, Double)]?)]) -> String {
    let items = features.map { feature -> String in
        let props = feature.properties.map { "\"\($0.key)\": \"\($0.value)\"" }.joined(separator: ", ")
        let geometry = feature.ring.map { ring in
            let closed = ring + [ring[0]]
            return "{\"type\": \"Polygon\", \"coordinates\": [[" + closed.map { "[\($0.0), \($0.1)]" }.joined(separator: ", ") + "]]}"
        } ?? "null"
        return "{\"type\": \"Feature\", \"properties\": {\(props)}, \"geometry\": \(geometry)}"
    }
    return "{\"type\": \"FeatureCollection\", \"features\": [\(items.joined(separator: ", "))]}"
}

/// The bundled per-city reference table, read from the source tree: city adcode → Albers area (km²).
func referenceCityAreas() throws -> [String: Double] {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/HotGridService/Resources/boundaries/regions-cities.csv")
    let lines = try String(contentsOf: path, encoding: .utf8).split(whereSeparator: \.isNewline)
    let header = lines[0].split(separator: ",").map(String.init)
    let code = header.firstIndex(of: "city_adcode")!, area = header.firstIndex(of: "area_km2_albers")!
    var areas: [String: Double] = [:]
    for line in lines.dropFirst() {
        let fields = line.split(separator: ",", omittingEmptySubsequences: false)
        areas[String(fields[code])] = Double(fields[area])
    }
    return areas
}

import GRDB

/// Row counts and a content hash of every table: equal fingerprints mean equal content.
func fingerprint(of path: String) throws -> [String: String] {
    let queue = try DatabaseQueue(path: path)
    defer { try? queue.close() }
    return try queue.read { db in
        var result: [String: String] = [:]
        for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") {
            // The sum of per-row FNV-1a hashes does not depend on row order.
            var hash: UInt64 = 0
            var rows = 0
            let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM \"\(table)\"")
            while let row = try cursor.next() {
                rows += 1
                var rowHash: UInt64 = 0xcbf2_9ce4_8422_2325
                for byte in row.description.utf8 { rowHash = (rowHash ^ UInt64(byte)) &* 0x100_0000_01b3 }
                hash &+= rowHash
            }
            result[table] = "\(rows) rows, \(String(hash, radix: 16))"
        }
        return result
    }
}

/// A copy of a test fixture's path.
func fixture(_ name: String) throws -> String {
    guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures") else {
        throw CocoaError(.fileNoSuchFile)
    }
    return url.path
}
