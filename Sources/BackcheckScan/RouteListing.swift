import BackcheckAPI
import BackcheckModel
import BackcheckWalk
import Foundation

/// The routes of a root as `backcheck routes` lists them: every source file the audit would
/// read, its routes extracted, mounts applied across files.
public enum RouteListing {
    public static func routes(root: ScannedRoot) throws(ScanError) -> [ResolvedRoute] {
        let walk: WalkResult
        do {
            walk = try Walker(root: root.path, options: root.walkOptions).walk()
        } catch {
            throw .walk(error)
        }
        var roles = FileRoleClassifier(overrides: root.configuration.roles)
        roles.thirdPartyDirectories = walk.thirdPartyDirectories
        let facts = walk.files.compactMap { file -> RouteFileFacts? in
            guard case .source(let language) = file.classification,
                  let data = try? Data(contentsOf: URL(fileURLWithPath: file.absolutePath), options: .uncached),
                  data.count <= root.configuration.maxFileSize else { return nil }
            let bytes = Array(data)
            let role = roles.classify(path: file.relativePath, language: language, bytes: bytes).role
            return APIFactExtractor.extract(path: file.relativePath, bytes: bytes, language: language, role: role)?.routes
        }
        return RouteResolver.resolve(facts).sorted {
            ($0.path, $0.route.methods.joined(separator: ","), $0.file, $0.route.line)
                < ($1.path, $1.route.methods.joined(separator: ","), $1.file, $1.route.line)
        }
    }
}
