/// Applies mounts across files: `app.use('/api', users)` in one file prefixes the routes `users`
/// declares in another; mounts chain (a router mounted under a router mounted under the app).
/// Routes that no controller action serves are left out (``ControllerActions``).
public enum RouteResolver {
    /// Every route of `files` with its full paths (one per way it is mounted).
    public static func resolve(_ files: [RouteFileFacts]) -> [ResolvedRoute] {
        let mounts = files.flatMap { file in file.mounts.map { (file: file.path, mount: $0) } }
        var constants: [String: Set<String>] = [:]
        for file in files {
            for (name, value) in file.constants ?? [:] { constants[name, default: []].insert(value) }
        }
        var exported: [String: String] = [:]
        for file in files { if let router = file.exportedRouter { exported[file.path] = router } }
        var resolver = Resolver(mounts: mounts, constants: constants, exported: exported)
        var result: [ResolvedRoute] = []
        for file in files {
            for route in file.routes {
                guard let router = route.router else {
                    result.append(ResolvedRoute(route: route, file: file.path, path: route.path, prefixKnown: true))
                    continue
                }
                let prefixes = resolver.prefixes(file: file.path, router: router, depth: 0)
                if prefixes.isEmpty {
                    result.append(ResolvedRoute(route: route, file: file.path, path: route.path,
                                                prefixKnown: Resolver.isRootURLConf(router)))
                }
                for prefix in prefixes {
                    result.append(ResolvedRoute(route: route, file: file.path, path: RoutePath.join(prefix.path, route.path),
                                                prefixKnown: prefix.known))
                }
            }
        }
        return ControllerActions.served(result, files: files)
    }

    private struct Prefix: Hashable {
        var path: String
        var known: Bool
    }

    private struct Resolver {
        let mounts: [(file: String, mount: RouteMount)]
        /// Path constants by name, with every value some file gives them.
        let constants: [String: Set<String>]
        var memo: [String: [Prefix]] = [:]

        /// Files' exported routers by path.
        let exported: [String: String]

        init(mounts: [(file: String, mount: RouteMount)], constants: [String: Set<String>], exported: [String: String]) {
            self.mounts = mounts
            self.constants = constants
            self.exported = exported
        }

        /// A mount's own prefix: its literal, or the one value its named constant has; a constant
        /// no file defines (or defines twice differently) leaves the prefix unknown.
        func ownPrefix(_ mount: RouteMount) -> Prefix {
            guard let name = mount.prefixConstant else { return Prefix(path: mount.prefix, known: true) }
            guard let values = constants[name], values.count == 1, let value = values.first else {
                return Prefix(path: mount.prefix, known: false)
            }
            return Prefix(path: RoutePath.join(value, mount.prefix), known: true)
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
                let own = ownPrefix(mount)
                // The mounting file's own router (if not the application) may be mounted too.
                if let outer = mount.on {
                    let above = prefixes(file: mountingFile, router: outer, depth: depth + 1)
                    if above.isEmpty { result.append(Prefix(path: own.path, known: own.known && Self.isRootURLConf(outer))) }
                    result += above.map { Prefix(path: RoutePath.join($0.path, own.path), known: $0.known && own.known) }
                } else {
                    result.append(own)
                }
            }
            let unique = Array(Set(result)).sorted { $0.path < $1.path }
            memo[key] = unique
            return unique
        }

        private func targets(_ mount: RouteMount, file: String, router: String) -> Bool {
            if let wanted = mount.router, wanted != router { return false }
            if let package = mount.package {
                let directory = file.lastIndex(of: "/").map { String(file[..<$0]) } ?? ""
                // The import path names the module root the file's path does not show
                // (`github.com/x/app/users` for `users/`, or `backend/users/` below a nested
                // module): the package's directory ends like the import path.
                if package == directory || (!directory.isEmpty && package.hasSuffix("/" + directory)) { return true }
                guard let last = package.split(separator: "/").last, package.contains("/") || package.contains(".") else { return false }
                return directory == last || directory.hasSuffix("/" + last)
            }
            guard let module = mount.module else { return true }
            // `app.use(require('./api'))` mounts what the module exports, not every router in it.
            if mount.router == nil, let exportedRouter = exported[file], exportedRouter != router { return false }
            let stem = Self.stem(file)
            return stem == module || stem.hasSuffix("/" + module) || stem == module + "/index" || stem == module + "/__init__"
                || stem.hasSuffix("/" + module + "/index") || stem.hasSuffix("/" + module + "/__init__")
        }

        /// Whether an unmounted router is served at `/` by itself: a Django URLconf's
        /// `urlpatterns` that no other URLconf includes is the root one (`ROOT_URLCONF`).
        static func isRootURLConf(_ router: String) -> Bool {
            router == PythonRoutes.djangoURLConf
        }

        static func stem(_ path: String) -> String {
            guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return path }
            return String(path[..<dot])
        }
    }
}
