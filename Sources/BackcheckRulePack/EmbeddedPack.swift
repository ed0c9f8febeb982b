import Foundation

/// A file of the built-in rule pack or default config, embedded in the binary at build time.
public struct EmbeddedFile: Sendable, Hashable {
    /// Path relative to the package root, e.g. `Rules/logging/secret-in-log-call.yml`.
    public let path: String
    /// The file's bytes.
    public let contents: [UInt8]
}

/// The rule pack (Rules/) and default configuration (Config/backcheck.yml) as built into this binary.
public enum EmbeddedPack {
    /// Every embedded file, sorted by path.
    public static let files: [EmbeddedFile] = encodedFiles.map { entry in
        EmbeddedFile(path: entry.path, contents: Array(Data(base64Encoded: entry.base64) ?? Data()))
    }

    /// The rule files (everything under `Rules/`).
    public static var ruleFiles: [EmbeddedFile] { files.filter { $0.path.hasPrefix("Rules/") } }

    /// The documented default configuration, `Config/backcheck.yml`.
    public static var defaultConfig: EmbeddedFile? { files.first { $0.path == "Config/backcheck.yml" } }
}
