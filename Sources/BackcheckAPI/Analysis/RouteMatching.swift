/// How routes in code and documented operations are paired: by path key (parameter names left
/// out), by key suffix for a route whose mount prefix is unknown, and by method.
enum RouteMatching {
    /// Whether the route's path is the operation's: the same key, or (prefix unknown) the
    /// operation's key ends with the route's at a segment boundary.
    static func samePath(_ route: ResolvedRoute, _ operation: DocumentedOperation) -> Bool {
        let key = RoutePath.key(route.path)
        if key == operation.key { return true }
        guard !route.prefixKnown else { return false }
        // Keys start with `/`, so a suffix match is at a segment boundary.
        return key != "/" && operation.key.hasSuffix(key)
    }

    /// Whether the route answers the operation's method (`*` answers any; HEAD is served by GET).
    static func sameMethod(_ route: ResolvedRoute, _ operation: DocumentedOperation) -> Bool {
        route.route.methods.contains { $0 == "*" || $0 == operation.method || ($0 == "GET" && operation.method == "HEAD") }
    }

    /// Whether the route is plumbing rather than an operation: a CORS preflight or HEAD-only
    /// route, or a catch-all (`*` in the path).
    static func isPlumbing(_ route: ResolvedRoute) -> Bool {
        route.path.contains("*") || route.route.methods.allSatisfy { $0 == "OPTIONS" || $0 == "HEAD" }
    }

    /// Whether the route is infrastructure that API documents leave out by convention: a probe
    /// for load balancers and orchestrators (`/healthz`, `/readyz`, `/metrics`, `/ping`), a
    /// resource file (`/rss.xml`, `/robots.txt`, `/openapi.json`), the web UI's page (`/`) and
    /// assets (`/static/…`), or the document's own page (`/docs`, `/swagger`), which no client
    /// calls as an operation.
    static func isInfrastructure(_ route: ResolvedRoute) -> Bool {
        let segments = route.path.split(separator: "/")
        // The web UI's page and its assets, and the document's own page (`/docs`, `/swagger`).
        guard let last = segments.last else { return true }
        if let first = segments.first, assetSegments.contains(first.lowercased()) { return true }
        let segment = last.lowercased()
        if probeSegments.contains(segment) || documentSegments.contains(segment) { return true }
        guard let dot = segment.lastIndex(of: "."), dot != segment.startIndex else { return false }
        let fileExtension = segment[segment.index(after: dot)...]
        return (2...5).contains(fileExtension.count) && fileExtension.allSatisfy { $0.isLetter }
    }

    private static let assetSegments: Set<String> = ["static", "assets", "public"]
    private static let documentSegments: Set<String> = ["docs", "swagger", "swagger-ui", "redoc", "api-docs", "openapi", "apidocs"]

    private static let probeSegments: Set<String> = [
        "health", "healthz", "healthcheck", "health-check", "livez", "readyz", "liveness", "readiness",
        "ping", "metrics",
    ]

    /// `METHOD /path` of a route, for messages.
    static func describe(_ route: ResolvedRoute) -> String {
        "\(route.route.methods.joined(separator: ", ")) \(route.path)"
    }

    /// The ignore patterns' verdict on a path (`/internal/**`, `/health`).
    static func isIgnored(_ path: String, _ patterns: [String]) -> Bool {
        patterns.contains { pattern in
            if pattern.hasSuffix("/**") { return path == String(pattern.dropLast(3)) || path.hasPrefix(String(pattern.dropLast(2))) }
            return RoutePath.key(RoutePath.normalize(pattern)) == RoutePath.key(path)
        }
    }
}
