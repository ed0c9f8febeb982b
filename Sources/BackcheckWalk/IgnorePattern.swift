import BackcheckModel

/// One line of a gitignore file, parsed exactly as git's `dir.c` does: a ``PathPattern``
/// relative to the ignore file's directory, plus what only ignore files have:
///
/// - `!` negates, `\!` and `\#` escape a literal first character;
/// - `#` starts a comment line;
/// - trailing spaces are dropped unless escaped with `\`.
struct IgnorePattern: Sendable {
    /// A match means "not ignored" (the line started with `!`).
    let isNegated: Bool
    let pattern: PathPattern

    /// Parses one line (without its newline); nil for blank lines, comments and patterns that
    /// can never match.
    init?(line: some Collection<UInt8>) {
        var bytes = Array(line)
        if bytes.last == Byte.carriageReturn { bytes.removeLast() }
        guard let first = bytes.first, first != Byte.hash else { return nil }
        Self.trimTrailingSpaces(&bytes)
        var start = 0
        isNegated = bytes.first == Byte.bang
        if isNegated { start = 1 }
        guard let pattern = PathPattern(bytes: bytes[start...]) else { return nil }
        self.pattern = pattern
    }

    /// Whether the pattern matches `path` (relative to the ignore file's directory, no leading
    /// or trailing `/`), whose last component starts at `basenameStart`.
    func matches(_ path: UnsafeBufferPointer<UInt8>, basenameStart: Int, isDirectory: Bool) -> Bool {
        pattern.matches(path, basenameStart: basenameStart, isDirectory: isDirectory)
    }

    /// git's `trim_trailing_spaces`: drop the trailing run of spaces unless the first of them
    /// is escaped (a `\` protects exactly the byte after it).
    private static func trimTrailingSpaces(_ bytes: inout [UInt8]) {
        var lastSpace: Int?
        var i = 0
        while i < bytes.count {
            switch bytes[i] {
            case Byte.space:
                if lastSpace == nil { lastSpace = i }
            case Byte.backslash:
                i += 1
                if i == bytes.count { return }
                lastSpace = nil
            default:
                lastSpace = nil
            }
            i += 1
        }
        if let lastSpace { bytes.removeSubrange(lastSpace...) }
    }
}
