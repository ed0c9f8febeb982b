import BackcheckModel

/// A problem met while analysing a file that is not a finding: a runaway rule, a malformed
/// suppression, an unreadable file. Shown to the user with the file and line.
public struct AnalysisDiagnostic: Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var message: String
    public var kind: Kind

    /// What sort of problem, so reports can group them.
    public enum Kind: String, Sendable, Hashable {
        /// A `backcheck:ignore` that suppressed nothing: the problem is gone or the id is wrong.
        case unusedSuppression
        /// A malformed suppression (no rule id, no reason).
        case invalidSuppression
        /// A rule ran out of its work budget on this file.
        case budget
        /// The file could not be read.
        case unreadable
    }

    public init(path: String, line: Int?, message: String, kind: Kind) {
        self.path = path
        self.line = line
        self.message = message
        self.kind = kind
    }

    /// `path:line: message`, or `path: message` when the line is not known.
    public var description: String { FileLine.describe(path: path, line: line, message: message) }
}
