import Foundation

/// Reads files of a root by root-relative path for what one file refers to (an OpenAPI `$ref`),
/// never outside the root: no absolute paths, no `..`, no symlink that resolves elsewhere.
enum RootFiles {
    static func read(_ path: String, root: String, limit: Int) -> String? {
        guard !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else { return nil }
        let full = URL(fileURLWithPath: root).appendingPathComponent(path)
        let resolvedRoot = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        guard full.resolvingSymlinksInPath().path.hasPrefix(resolvedRoot + "/"),
              let data = try? Data(contentsOf: full, options: .uncached), data.count <= limit else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
