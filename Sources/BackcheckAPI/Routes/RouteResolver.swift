/// Applies mounts across files: `app.use('/api', users)` in one file prefixes the routes `users`
/// declares in another; mounts chain (a router mounted under a router mounted under the app).
public enum RouteResolver {
    /// Every route of `files` with its full paths (one per way it is mounted).
    public static func resolve(_ files: [RouteFileFacts]) -> [ResolvedRoute] {
        let mounts = files.flatMap { file in file.mounts.map { (file: file.path, mount: $0) } }
        var resolver = Resolver(mounts: mounts)
        var result: [ResolvedRoute] = []
        for file in files {
            for route in file.routes {
                guard let router = route.router else {
                    result.append(ResolvedRoute(route: route, file: file.path, path: route.path, prefixKnown: true))
                    continue
                }
                let prefixes = resolver.prefixes(file: file.path, router: router, depth: 0)
                if prefixes.isEmpty {
                    result.append(ResolvedRoute(route: route, file: file.path, path: route.path, prefixKnown: false))
                }
                for prefix in prefixes {
                    result.append(ResolvedRoute(route: route, file: file.path, path: RoutePath.join(prefix.path, route.path),
                                                prefixKnown: prefix.known))
                }
            }
        }
        return result
    }

    private struct Prefix: Hashable {
        var path: String
        var known: Bool
    }

    private struct Resolver {
        let mounts: [(file: String, mount: RouteMount)]
        var memo: [String: [Prefix]] = [:]

        init(mounts: [(file: String, mount: RouteMount)]) {
            self.mounts = mounts
        }

        /// The prefixes under which `router` of `file` is served; empty when nothing mounts it.
        mutating func prefixes(file: String, router: String, depth: Int) -> [Prefix] {
            let key = file + "\u{0}" + router
            if let known = memo[key] { return known }
            // Mount cycles and absurd chains end here: the route is treated as unmounted.
            guard depth < 16 else { return [] }
            memo[key] = []
            var result: [Prefix] = []
            for (mountingFile, mount) in mounts where targets(mount, file: file, router: router) {
                // The mounting file's own router (if not the application) may be mounted too.
                if let outer = mount.on {
                    let above = prefixes(file: mountingFile, router: outer, depth: depth + 1)
                    if above.isEmpty { result.append(Prefix(path: mount.prefix, known: false)) }
                    result += above.map { Prefix(path: RoutePath.join($0.path, mount.prefix), known: $0.known) }
                } else {
                    result.append(Prefix(path: mount.prefix, known: true))
                }
            }
            let unique = Array(Set(result)).sorted { $0.path < $1.path }
            memo[key] = unique
            return unique
        }

        private func targets(_ mount: RouteMount, file: String, router: String) -> Bool {
            if let wanted = mount.router, wanted != router { return false }
            guard let module = mount.module else { return true }
            let stem = Self.stem(file)
            return stem == module || stem.hasSuffix("/" + module) || stem == module + "/index" || stem == module + "/__init__"
                || stem.hasSuffix("/" + module + "/index") || stem.hasSuffix("/" + module + "/__init__")
        }

        static func stem(_ path: String) -> String {
            guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return path }
            return String(path[..<dot])
        }
    }
}
