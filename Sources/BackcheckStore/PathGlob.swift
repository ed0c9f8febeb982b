/// A `--path` filter in the shell's glob syntax over root-relative paths, evaluated by SQLite's
/// `GLOB` (case-sensitive, so it can use the path index): `*` matches any characters including `/`
/// (`**` is the same), `?` one character, `[abc]` and `[!abc]` one of a set. A pattern ending in
/// `/`, or with no glob character at all, also matches everything under it: `payments/` and
/// `payments` both select `payments/**`.
public struct PathGlob: Sendable, Hashable {
    /// The pattern as the user wrote it.
    public let pattern: String
    /// The SQLite `GLOB` patterns; a path matches when it matches any of them.
    let sqlPatterns: [String]

    public init(_ pattern: String) {
        self.pattern = pattern
        var trimmed = pattern
        while trimmed.hasPrefix("./") { trimmed.removeFirst(2) }
        let hasMeta = trimmed.contains { "*?[".contains($0) }
        if !hasMeta {
            let literal = Self.escaped(trimmed.hasSuffix("/") ? String(trimmed.dropLast()) : trimmed)
            sqlPatterns = [literal, literal + "/*"]
            return
        }
        var glob = trimmed.replacingOccurrences(of: "[!", with: "[^")
        while glob.contains("**") { glob = glob.replacingOccurrences(of: "**", with: "*") }
        if glob.hasSuffix("/") { glob += "*" }
        sqlPatterns = [glob]
    }

    /// `text` with GLOB's special characters matching themselves.
    private static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "*": out += "[*]"
            case "?": out += "[?]"
            case "[": out += "[[]"
            default: out.append(character)
            }
        }
        return out
    }
}
