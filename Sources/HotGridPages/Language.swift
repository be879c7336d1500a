/// Chinese or English first: every page speaks both, the reader's language first (`?lang=en`).
public struct Language: Sendable, Equatable {
    public let english: Bool

    public init(english: Bool) { self.english = english }

    public static let chinese = Language(english: false)

    /// Both, in the reader's order, the second in grey.
    public func t(_ zh: HTML, _ en: HTML) -> HTML { english ? "\(en) <span class=\"en\">\(zh)</span>" : "\(zh) <span class=\"en\">\(en)</span>" }

    /// Both as plain text, for attributes (placeholders, titles) where markup cannot go.
    public func plain(_ zh: String, _ en: String) -> String { english ? "\(en) · \(zh)" : "\(zh) · \(en)" }

    /// The reader's one language.
    public func either(_ zh: String, _ en: String) -> String { english ? en : zh }

    /// The query that keeps the language on a link: `?lang=en` or nothing.
    public var query: String { english ? "?lang=en" : "" }

    /// `&lang=en` or nothing, for links that have a query already.
    public var andQuery: String { english ? "&lang=en" : "" }

    /// The link to the other language.
    var switchLink: HTML { english ? "<a href=\"?\">中文</a>" : "<a href=\"?lang=en\">English</a>" }
}
