import BackcheckRules
import BackcheckModel

/// ANSI colours for terminal output, or none. The caller decides: colour only when standard
/// output is a terminal and `NO_COLOR` is unset (https://no-color.org).
public struct TextStyle: Sendable {
    /// Whether escape sequences are written.
    public let enabled: Bool

    public init(enabled: Bool) {
        self.enabled = enabled
    }

    /// Plain text.
    public static let plain = TextStyle(enabled: false)

    /// Whether a program should colour: `isTerminal`, `NO_COLOR` unset or empty, and `TERM` not `dumb`.
    public static func shouldColor(isTerminal: Bool, environment: [String: String]) -> Bool {
        isTerminal && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }

    /// `text` in the colour of `severity` (critical bold red, high red, medium yellow, low cyan,
    /// info dim).
    public func severity(_ text: String, _ severity: Severity) -> String {
        switch severity {
        case .critical: wrap(text, "1;31")
        case .high: wrap(text, "31")
        case .medium: wrap(text, "33")
        case .low: wrap(text, "36")
        case .info: wrap(text, "2")
        }
    }

    /// Bold text.
    public func bold(_ text: String) -> String { wrap(text, "1") }

    /// Dim text.
    public func dim(_ text: String) -> String { wrap(text, "2") }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
