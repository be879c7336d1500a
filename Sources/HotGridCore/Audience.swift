/// Who reads a message, each wording fields and next steps its own way: the command line names
/// its flags (`--found-on`) and the `hotgrid` command to run next; the API names its JSON keys
/// (`found_on`) and nothing to run; a page names its form's fields in Chinese (发现日期).
public enum Audience: Sendable {
    case commandLine, api, page
}

/// An error that says what is wrong, and how to go on, in its reader's words.
public protocol ExplainedError: Error, CustomStringConvertible {
    func message(for audience: Audience) -> String
}

extension ExplainedError {
    /// The command line's wording.
    public var description: String { message(for: .commandLine) }
}

extension Audience {
    /// `text`, followed on the command line by `hint`: the `hotgrid` command that goes on from
    /// here, which means nothing to the API's or a page's reader.
    public func text(_ text: String, commandLineHint hint: String) -> String {
        self == .commandLine ? "\(text) \(hint)" : text
    }
}
