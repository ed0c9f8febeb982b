/// One line of a gitignore file, parsed exactly as git's `dir.c` does.
///
/// - `!` negates, `\!` and `\#` escape a literal first character;
/// - trailing spaces are dropped unless escaped with `\`;
/// - a trailing `/` restricts the pattern to directories;
/// - a `/` at the start or in the middle anchors the pattern to the ignore file's directory,
///   otherwise it matches a name at any depth below it.
struct IgnorePattern: Sendable {
    /// A match means "not ignored" (the line started with `!`).
    let isNegated: Bool
    /// The line ended with `/`: only directories match.
    let isDirectoryOnly: Bool
    /// The pattern had no `/` (besides a trailing one): it is matched against the last path
    /// component only, at any depth.
    let matchesBasename: Bool
    private let glob: GlobMatcher

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
        var end = bytes.count
        isDirectoryOnly = end > start && bytes[end - 1] == Byte.slash
        if isDirectoryOnly { end -= 1 }
        matchesBasename = !bytes[start..<end].contains(Byte.slash)
        // An anchored pattern's leading `/` only marks the anchor; git strips exactly one.
        if !matchesBasename, bytes[start] == Byte.slash { start += 1 }
        guard start < end else { return nil }
        glob = GlobMatcher(bytes[start..<end])
    }

    /// Whether the pattern matches `path` (relative to the ignore file's directory, no leading
    /// or trailing `/`), whose last component starts at `basenameStart`.
    func matches(_ path: UnsafeBufferPointer<UInt8>, basenameStart: Int, isDirectory: Bool) -> Bool {
        if isDirectoryOnly, !isDirectory { return false }
        if matchesBasename {
            return glob.matches(UnsafeBufferPointer(rebasing: path[basenameStart...]))
        }
        return glob.matches(path)
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
