import Foundation

/// A scratch directory for one test, filled with FileManager and removed by `remove()`.
public struct TemporaryTree {
    public let root: String

    public init() throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("backcheck-watch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    public func path(_ relative: String) -> String { root + "/" + relative }

    public func write(_ relative: String, _ contents: String = "x = 1\n") throws {
        try write(relative, bytes: Array(contents.utf8))
    }

    public func write(_ relative: String, bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: path(relative))
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    public func makeDirectory(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: path(relative), withIntermediateDirectories: true)
    }

    public func symlink(_ relative: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path(relative), withDestinationPath: destination)
    }

    public func remove() {
        // Restore permissions a test may have removed, or the removal fails.
        if let paths = FileManager.default.enumerator(atPath: root) {
            for case let relative as String in paths {
                try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path(relative))
            }
        }
        try? FileManager.default.removeItem(atPath: root)
    }
}
