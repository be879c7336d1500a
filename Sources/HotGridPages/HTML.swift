import Foundation

/// Markup that is safe to send. Text interpolated into it is escaped (`\(name)` of a county
/// called `<b>` shows `<b>`); only other `HTML` values and the literals written here go out as
/// markup. So a page cannot forget to escape: forgetting gives visible tags, never a script.
public struct HTML: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// The markup.
    public let description: String

    /// Markup written in HotGrid's own source: a literal.
    public init(stringLiteral markup: String) { description = markup }

    public init(stringInterpolation: Interpolation) { description = stringInterpolation.markup }

    /// `text` as text: escaped.
    public init(text: String) { description = Self.escape(text) }

    /// Markup this module built from numbers and its own literals (SVG path data), where
    /// escaping would only cost time.
    init(built markup: String) { description = markup }

    public static let empty: HTML = ""

    /// The markup as UTF-8, to send.
    public var data: Data { Data(description.utf8) }

    public struct Interpolation: StringInterpolationProtocol {
        var markup = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            markup.reserveCapacity(literalCapacity + 16 * interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) { markup += literal }

        /// Markup stays markup.
        public mutating func appendInterpolation(_ html: HTML) { markup += html.description }

        /// Nothing for nil.
        public mutating func appendInterpolation(_ html: HTML?) { if let html { markup += html.description } }

        /// Text is escaped.
        public mutating func appendInterpolation(_ text: String) { markup += HTML.escape(text) }

        /// A number prints as its digits, which need no escaping.
        public mutating func appendInterpolation(_ value: Int) { markup += String(value) }

        /// A number prints as its digits, which need no escaping.
        public mutating func appendInterpolation(_ value: Double) { markup += value.description }

        /// Ids, months and days print as their text, escaped like any text.
        public mutating func appendInterpolation(_ value: some CustomStringConvertible) { markup += HTML.escape(value.description) }

        /// A number printed with a C format, e.g. `%.1f`.
        public mutating func appendInterpolation(_ value: Double, format: String) { markup += HTML.escape(String(format: format, value)) }
    }

    /// `text` with `& < > " '` replaced by entities: safe in element content and in quoted attributes.
    static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var out = ""
        out.reserveCapacity(utf8.count + 16)
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}

extension HTML {
    /// One piece after the other.
    public static func + (lhs: HTML, rhs: HTML) -> HTML { HTML(built: lhs.description + rhs.description) }
}

extension Sequence where Element == HTML {
    /// The pieces one after another, with `separator` between them.
    public func joined(separator: HTML = "") -> HTML {
        HTML(built: map(\.description).joined(separator: separator.description))
    }
}
