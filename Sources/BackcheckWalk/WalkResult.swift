/// Everything one walk found.
public struct WalkResult: Sendable, Equatable {
    /// Files with a language, sorted by relative path.
    public var files: [WalkedFile]
    /// Problems that did not stop the walk, sorted by path.
    public var diagnostics: [WalkDiagnostic]
    public var stats: WalkStats
    /// Every directory entered, relative to the root ("" for the root), in walk order: what the
    /// daemon watches (ignored directories are never entered, so never watched).
    public var directories: [String]
    /// Directories holding third-party code by their own licence file, with the reason
    /// (``LicenceFiles``): files below them are vendored.
    public var thirdPartyDirectories: [String: String] = [:]
}

/// Counts of what a walk passed over.
public struct WalkStats: Sendable, Equatable {
    /// Directories entered, the root included.
    public var directories = 0
    /// Files and directories skipped by ignore rules or include globs (an ignored directory
    /// counts once; nothing inside it is looked at).
    public var ignored = 0
    /// Symlinks seen and not followed.
    public var symlinks = 0
}

/// A file or directory the walk could not read, with the system's reason.
public struct WalkDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// Relative to the walked root ("" for the root itself).
    public let path: String
    /// What went wrong, e.g. `cannot open directory: Permission denied`.
    public let message: String

    public var description: String { "\(path.isEmpty ? "." : path): \(message)" }
}
