import BackcheckModel

/// A rule's `paths:`: ``PathPattern``s over the file's path relative to the root, read as
/// gitignore reads them (`*` stays inside a segment, `**/` crosses directories, `tests/`
/// selects everything under any `tests` directory).
public struct PathFilter: Sendable, Hashable {
    /// When not empty, the file must be selected by one of these.
    public var include: [PathPattern]
    /// The file must be selected by none of these.
    public var exclude: [PathPattern]

    public init(include: [PathPattern] = [], exclude: [PathPattern] = []) {
        self.include = include
        self.exclude = exclude
    }

    /// Whether a file at `path` is in scope.
    public func accepts(_ path: String) -> Bool {
        guard !include.isEmpty || !exclude.isEmpty else { return true }
        // Every candidate rule asks for every file: convert the path once, not once per pattern.
        return Array(path.utf8).withUnsafeBufferPointer { path in
            if !include.isEmpty, !include.contains(where: { $0.selects(file: path) }) { return false }
            return !exclude.contains { $0.selects(file: path) }
        }
    }
}
