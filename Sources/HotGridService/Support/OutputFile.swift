import Foundation

/// Writes command output: to standard output, or to a file that appears only when complete
/// (written under a temporary name, then renamed), so a failure never leaves half a file.
public enum OutputFile {
    public static func write(_ data: Data, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(data)
            return
        }
        let url = URL(fileURLWithPath: path)
        let partial = partialURL(beside: url)
        do {
            try data.write(to: partial)
            if rename(partial.path, url.path) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(at: partial)
            throw OutputError(path: path, reason: error.localizedDescription)
        }
    }

    /// Builds a folder that appears only when complete: `body` fills a temporary folder beside
    /// `path` (given its path, not yet created), which then replaces whatever stood at `path`. On
    /// failure the temporary folder is removed and `path` is left as it was.
    public static func buildFolder<T>(at path: String, _ body: (String) throws -> T) throws -> T {
        let fileManager = FileManager.default
        let partial = partialURL(beside: URL(fileURLWithPath: path)).path
        do {
            let result = try body(partial)
            if fileManager.fileExists(atPath: path) { try fileManager.removeItem(atPath: path) }
            try fileManager.moveItem(atPath: partial, toPath: path)
            return result
        } catch {
            try? fileManager.removeItem(atPath: partial)
            throw error
        }
    }

    /// A hidden, unique name beside `url` to build it under.
    private static func partialURL(beside url: URL) -> URL {
        url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial-\(UUID().uuidString)")
    }
}

/// An output file could not be written.
public struct OutputError: Error, Equatable, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "cannot write \(path): \(reason). Check the folder exists and is writable." }
}

/// RFC 4180 CSV text, UTF-8 with a header row.
public struct CSVTable {
    private var text: String

    public init(header: [String]) { text = Self.line(header) }

    public mutating func append(_ fields: [String]) { text += Self.line(fields) }

    public var data: Data { Data(text.utf8) }

    /// The table as Excel on Chinese Windows opens it: UTF-8 after a byte-order mark, without
    /// which Excel reads the file as GBK and shows the Chinese as garbage.
    public var spreadsheetData: Data { Data([0xEF, 0xBB, 0xBF]) + data }

    private static func line(_ fields: [String]) -> String {
        fields.map(neutralised).map { field in
            field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                : field
        }.joined(separator: ",") + "\n"
    }

    /// A text that a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+…`, `-…`, `@…`, or a
    /// leading tab or carriage return) gets a leading apostrophe, which spreadsheets show as text
    /// (OWASP's advice against CSV injection); numbers such as `-3.5` stay numbers.
    static func neutralised(_ field: String) -> String {
        guard let first = field.first, "=+-@\t\r".contains(first), Double(field) == nil else { return field }
        return "'" + field
    }
}
