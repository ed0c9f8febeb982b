import BackcheckModel

/// Where a schema object or query is written: the file (relative to the root) and the 1-based
/// line and column of its first token. Stored flat (`path`, `line`, `column`) in the facts' JSON.
struct SourceLocation: Sendable, Hashable, Codable {
    var path: String
    var line: Int
    var column: Int
}

extension SourceLocation {
    init(path: String, _ position: SourcePosition) {
        self.init(path: path, line: position.line, column: position.column)
    }
}
