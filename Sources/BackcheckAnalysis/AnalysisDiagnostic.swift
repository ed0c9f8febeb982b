/// A problem met while analysing a file that is not a finding: a runaway rule, a malformed
/// suppression, an unreadable file. Shown to the user with the file and line.
public struct AnalysisDiagnostic: Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var message: String

    public init(path: String, line: Int?, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(path):\(line): \(message)" }
        return "\(path): \(message)"
    }
}
