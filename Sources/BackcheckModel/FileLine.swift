/// The `path:line: message` form of every problem located in a file, so that configuration,
/// rule and analysis messages read alike and editors can jump to them.
public enum FileLine {
    /// `path:line: message`, or `path: message` when the line is not known.
    public static func describe(path: String, line: Int?, message: String) -> String {
        if let line { return "\(path):\(line): \(message)" }
        return "\(path): \(message)"
    }
}
