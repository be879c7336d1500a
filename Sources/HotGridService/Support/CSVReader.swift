import Foundation

/// Reads RFC 4180 CSV (UTF-8, optional BOM, quoted fields, CRLF or LF) record by record, with
/// the line each record starts on. Works on the raw bytes of a memory-mapped file, since hourly
/// observations run to millions of rows.
public struct CSVReader {
    public let path: String
    private let data: Data

    public init(path: String) throws {
        self.path = path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw IngestError.cannotRead(path: path, reason: "no such file") }
        guard !isFolder.boolValue else { throw IngestError.cannotRead(path: path, reason: "is a folder; give the CSV file inside it") }
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw IngestError.cannotRead(path: path, reason: error.localizedDescription)
        }
    }

    /// Reads CSV held in memory; `name` stands for the path in errors.
    public init(data: Data, name: String) {
        path = name
        self.data = data
    }

    /// Size of the file in bytes, the unit of ``read(header:progress:_:)``'s progress.
    public var byteCount: Int { data.count }

    /// Calls `body(line, fields)` for every record after the header, which it returns first
    /// through `header`. Blank lines are skipped. `progress` hears of bytes read, now and then.
    public func read(header: ([String]) throws -> Void, progress: (Int) -> Void = { _ in },
              _ body: (Int, [String]) throws -> Void) throws {
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var i = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
            var line = 1
            var sawHeader = false
            var fields: [String] = []
            var reported = i
            while i < bytes.count {
                if i - reported > 1 << 20 {
                    progress(i - reported)
                    reported = i
                }
                let recordLine = line
                fields.removeAll(keepingCapacity: true)
                // One record: fields until an unquoted newline.
                while true {
                    var field = ""
                    if i < bytes.count, bytes[i] == UInt8(ascii: "\"") {
                        var value: [UInt8] = []
                        i += 1
                        while i < bytes.count {
                            if bytes[i] == UInt8(ascii: "\"") {
                                if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\"") { value.append(UInt8(ascii: "\"")); i += 2; continue }
                                i += 1
                                break
                            }
                            if bytes[i] == UInt8(ascii: "\n") { line += 1 }
                            value.append(bytes[i])
                            i += 1
                        }
                        field = String(decoding: value, as: UTF8.self)
                        while i < bytes.count, bytes[i] != UInt8(ascii: ","), bytes[i] != UInt8(ascii: "\n"), bytes[i] != UInt8(ascii: "\r") { i += 1 }
                    } else {
                        let start = i
                        while i < bytes.count, bytes[i] != UInt8(ascii: ","), bytes[i] != UInt8(ascii: "\n"), bytes[i] != UInt8(ascii: "\r") { i += 1 }
                        field = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
                    }
                    fields.append(field)
                    if i < bytes.count, bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                    if i < bytes.count, bytes[i] == UInt8(ascii: "\r") { i += 1 }
                    if i < bytes.count, bytes[i] == UInt8(ascii: "\n") { i += 1 }
                    line += 1
                    break
                }
                if fields.count == 1, fields[0].isEmpty { continue }
                if !sawHeader {
                    sawHeader = true
                    try header(fields.map { $0.trimmingCharacters(in: .whitespaces) })
                } else {
                    try body(recordLine, fields)
                }
            }
            progress(i - reported)
            if !sawHeader { throw IngestError.emptyFile(path: path) }
        }
    }
}

/// Where each named column of a CSV file sits, from its header.
public struct CSVColumns {
    private let index: [String: Int]

    /// Requires every column in `required`; names the missing one and those present.
    public init(header: [String], required: [String], path: String) throws {
        var index: [String: Int] = [:]
        for (i, name) in header.enumerated() where index[name] == nil { index[name] = i }
        for name in required where index[name] == nil {
            throw IngestError.missingColumn(path: path, column: name, present: header)
        }
        self.index = index
    }

    /// The value of `column` in `fields`, trimmed; empty when the row is short.
    public func value(_ column: String, in fields: [String]) -> String {
        guard let i = index[column], i < fields.count else { return "" }
        return fields[i].trimmingCharacters(in: .whitespaces)
    }
}
