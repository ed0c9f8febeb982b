/// A problem in a rule file: which file, which line, and what is wrong.
public struct RuleError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The rule file (path as given, or `Rules/...` for the built-in pack).
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// What is wrong and, where possible, what would be right.
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
