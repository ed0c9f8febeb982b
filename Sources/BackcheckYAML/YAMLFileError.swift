import BackcheckModel

/// A problem in a YAML file (a rule file, a configuration file): which file, which line, and what
/// is wrong.
public struct YAMLFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file (path as given, or `Rules/...` and `Config/...` for the embedded pack).
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// What is wrong and, where possible, what would be right.
    public var message: String

    /// A problem in `file` at `line`; nil when it concerns the whole file.
    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`, or `file: message` when the line is not known.
    public var description: String { FileLine.describe(path: file, line: line, message: message) }
}
