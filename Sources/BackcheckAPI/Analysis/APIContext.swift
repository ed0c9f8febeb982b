import BackcheckModel

/// What the api-docs and testing analyzers read: every route with its mounts applied, the
/// documented operations, and every file's facts.
struct APIContext {
    var facts: [APIFileFacts]
    var routes: [ResolvedRoute]
    var documents: [OpenAPIDocument]
    var operations: [DocumentedOperation]
    var settings: APISettings
    /// Operation indexes by path key: a route with a known prefix is looked up, not compared
    /// with every operation.
    private var operationsByKey: [String: [Int]] = [:]
    /// Operation indexes by shape (segment count and fixed segments), for parameter-order checks.
    private var operationsByShape: [String: [Int]] = [:]
    /// Route indexes by path key (known prefixes), and the routes compared by suffix.
    private var routesByKey: [String: [Int]] = [:]
    /// Operation indexes by every segment-boundary suffix of their key, and prefix-unknown
    /// route indexes by key: suffix matches are look-ups too.
    private var operationsBySuffix: [String: [Int]] = [:]
    private var unknownPrefixRoutesByKey: [String: [Int]] = [:]

    init(facts: [APIFileFacts], settings: APISettings) {
        let facts = TestPathConstants.resolving(facts)
        self.facts = facts
        self.settings = settings
        routes = RouteResolver.resolve(facts.compactMap(\.routes))
            .filter { !RouteMatching.isIgnored($0.path, settings.ignore) }
        documents = facts.compactMap(\.document)
        operations = DocumentedOperation.all(documents).filter { !RouteMatching.isIgnored($0.path, settings.ignore) }
        for (index, operation) in operations.enumerated() {
            operationsByKey[operation.key, default: []].append(index)
            operationsByShape[Self.shape(operation.path), default: []].append(index)
            for suffix in Self.suffixes(operation.key) { operationsBySuffix[suffix, default: []].append(index) }
        }
        for (index, route) in routes.enumerated() {
            let key = RoutePath.key(route.path)
            if route.prefixKnown { routesByKey[key, default: []].append(index) } else { unknownPrefixRoutesByKey[key, default: []].append(index) }
        }
    }

    /// `/a/{}/b`, `/{}/b`, `/b`: the segment-boundary suffixes of a key, itself included; `/`
    /// matches nothing by suffix.
    static func suffixes(_ key: String) -> [String] {
        var result = [key]
        var rest = Substring(key)
        while let slash = rest.dropFirst().firstIndex(of: "/") {
            rest = rest[slash...]
            result.append(String(rest))
        }
        return result.filter { $0 != "/" }
    }

    /// `3:users/orders` for `/users/{id}/orders`: what two paths whose parameters sit in
    /// different places share.
    static func shape(_ path: String) -> String {
        let segments = path.split(separator: "/")
        return "\(segments.count):" + segments.filter { !$0.hasPrefix("{") }.joined(separator: "/")
    }

    /// The routes whose path is `operation`'s, whatever their method.
    func routes(at operation: DocumentedOperation) -> [ResolvedRoute] {
        let matching = (routesByKey[operation.key] ?? []) + Self.suffixes(operation.key).flatMap { unknownPrefixRoutesByKey[$0] ?? [] }
        WorkMeter.tick(matching.count + 1)
        return matching.sorted().map { routes[$0] }
    }

    /// The operations with `path`'s shape (see ``shape(_:)``).
    func operations(shapedLike path: String) -> [DocumentedOperation] {
        let found = (operationsByShape[Self.shape(path)] ?? []).map { operations[$0] }
        WorkMeter.tick(found.count + 1)
        return found
    }

    /// The operations that document `route`'s path, whatever their method, in the documents
    /// that describe its file.
    func operations(at route: ResolvedRoute) -> [DocumentedOperation] {
        let key = RoutePath.key(route.path)
        let candidates = ((route.prefixKnown ? operationsByKey[key] : operationsBySuffix[key]) ?? []).map { operations[$0] }
        WorkMeter.tick(candidates.count + 1)
        return candidates.filter { settings.describes(document: $0.document, file: route.file) }
    }

    /// Whether the document at `path` repeats the root's other documents: at least nine in ten of
    /// its operations are in another one too, and it is the largest of them (a build's
    /// aggregated spec), or one of equal copies that is not the first by path.
    func isAggregate(_ path: String) -> Bool {
        guard documents.count > 1, let document = documents.first(where: { $0.path == path }), !document.operations.isEmpty
        else { return false }
        let others = documents.filter { $0.path != path }
        let elsewhere = Set(others.flatMap { $0.operations.map { "\($0.method) \($0.path)" } })
        let shared = document.operations.filter { elsewhere.contains("\($0.method) \($0.path)") }.count
        guard Double(shared) >= 0.9 * Double(document.operations.count) else { return false }
        let largest = others.map(\.operations.count).max() ?? 0
        return document.operations.count > largest
            || document.operations.count == largest && others.contains { $0.operations.count == largest && $0.path < path }
    }

    /// The documents that describe the routes of `file`.
    func documents(describing file: String) -> [OpenAPIDocument] {
        documents.filter { settings.describes(document: $0.path, file: file) }
    }
}
