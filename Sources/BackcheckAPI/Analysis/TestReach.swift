import BackcheckModel

/// Which tests reach a route: by a request whose path fits the route's (a literal segment fits a
/// parameter; `{}` from an interpolation fits anything) and whose method it answers, or by
/// calling the route's handler by name. Requests are indexed by each segment and its place from
/// the end (`{}` as `*`), handlers by name: a route is compared with the requests that share one
/// of its literal segments in the same place, not with every request.
struct TestReach {
    private struct Asked {
        /// Its index in ``asked``.
        var id: Int
        var test: Int
        var request: TestRequest
        var segments: [Substring]
        /// The path as ``literalRoutes`` keys it, made once rather than per route compared.
        var literalKey: String
    }

    /// Every test with the file it is in.
    let tests: [(file: String, test: TestCase)]
    private var asked: [Asked] = []
    /// Indexes into `asked` by "place from the end, segment".
    private var bySegment: [String: [Int]] = [:]
    private var callers: [String: [Int]] = [:]
    private var unresolvedMethods = Set<String>()
    /// "METHOD path" of the routes without parameters, segments as slugs: a request for one of
    /// them is answered by that route, not by a sibling with a parameter in its place
    /// (`SyncPlay/List` does not reach `SyncPlay/{id}`).
    private var literalRoutes = Set<String>()
    /// The same paths without their methods, for requests whose method is unknown.
    private var literalPaths = Set<String>()

    init(_ facts: [APIFileFacts], routes: [ResolvedRoute]) {
        for route in routes where !route.path.contains("{") {
            let key = Self.literalKey(route.path.split(separator: "/"))
            literalPaths.insert(key)
            for method in route.route.methods { literalRoutes.insert(method + " " + key) }
        }
        tests = facts.flatMap { file in (file.tests?.tests ?? []).map { (file.path, $0) } }
        for (index, entry) in tests.enumerated() {
            for request in entry.test.requests {
                let segments = RoutePath.normalize(request.path).split(separator: "/")
                for (place, segment) in segments.reversed().enumerated() {
                    bySegment[Self.slot(place, segment), default: []].append(asked.count)
                }
                // `retry.json` asks Rails' `retry(.:format)` too.
                if let last = segments.last, let bare = Self.formatless(last) {
                    bySegment[Self.slot(0, bare), default: []].append(asked.count)
                }
                asked.append(Asked(id: asked.count, test: index, request: request, segments: segments,
                                   literalKey: Self.literalKey(segments)))
            }
            for name in entry.test.calledNames where name.count > 3 && !Self.genericActions.contains(name) {
                callers[name, default: []].append(index)
            }
            unresolvedMethods.formUnion(entry.test.unresolvedRequests ?? [])
        }
    }

    /// Action names every resource controller shares (Laravel, Rails): a test calling `update(…)`
    /// or `store(…)` has called some model's or service's, not a route's handler.
    private static let genericActions: Set<String> = [
        "index", "show", "store", "update", "destroy", "create", "edit", "delete", "list", "handle", "__invoke",
        "execute", "invoke",
    ]

    /// Whether the project has tests that make requests: without them, every route would be
    /// "untested" and saying so route by route helps no one.
    var reachesAnything: Bool { !asked.isEmpty || !unresolvedMethods.isEmpty }

    /// Segments are indexed by their slug, so that case-insensitive (ASP.NET) routes find their
    /// candidates too; ``fits`` then compares them as each framework does.
    private static func slot(_ place: Int, _ segment: Substring) -> String {
        "\(place) " + (segment.hasPrefix("{") ? "*" : slug(segment))
    }

    /// Whether some test requests a computed path (`reverse("…")`, `orders_path`) with a method
    /// `route` answers: that request may be the one reaching it.
    func mayReach(_ route: ResolvedRoute) -> Bool {
        unresolvedMethods.contains("*") || route.route.methods.contains { $0 == "*" || unresolvedMethods.contains($0) }
    }

    func tests(reaching route: ResolvedRoute) -> [TestCase] { reach(of: route).tests }

    /// The tests reaching `route`, and whether a request of theirs that reaches it sends a query
    /// string: one pass over the candidate requests gives both.
    func reach(of route: ResolvedRoute) -> (tests: [TestCase], sendsQuery: Bool) {
        let requests = requests(reaching: route)
        var reaching = Set(requests.map(\.test))
        if let handler = route.route.directlyCallableHandler { reaching.formUnion(callers[handler] ?? []) }
        return (reaching.sorted().map { tests[$0].test }, requests.contains { $0.request.sendsQuery == true })
    }

    /// The test requests whose path and method fit `route`, also without the optional parameters
    /// it ends with (`play/{song}/{transcode?}` is asked as `play/1`).
    private func requests(reaching route: ResolvedRoute) -> [Asked] {
        let served = route.path.split(separator: "/")
        let optional = min(route.route.optionalTail ?? 0, served.count)
        guard optional > 0 else { return requests(reaching: route, served: served) }
        var seen = Set<Int>()
        var found: [Asked] = []
        for dropped in 0...optional {
            for request in requests(reaching: route, served: Array(served.dropLast(dropped))) where seen.insert(request.id).inserted {
                found.append(request)
            }
        }
        return found
    }

    private func requests(reaching route: ResolvedRoute, served: [Substring]) -> [Asked] {
        // Requests sharing the route's last literal segment in its place, or a `{}` there; a
        // route of parameters only is compared with every request.
        let candidates: [Int]
        if let literal = served.lastIndex(where: { !$0.hasPrefix("{") }) {
            let place = served.count - 1 - literal
            candidates = (bySegment[Self.slot(place, served[literal])] ?? []) + (bySegment[Self.slot(place, "{")] ?? [])
        } else {
            candidates = Array(asked.indices)
        }
        let parameterized = served.contains { $0.hasPrefix("{") }
        return candidates.compactMap { candidate in
            WorkMeter.tick()
            let request = asked[candidate]
            // A route whose mount prefix is unknown may be asked with more leading segments.
            guard request.segments.count == served.count || (!route.prefixKnown && request.segments.count > served.count),
                  Self.fits(request.request.method, request.segments, route, served),
                  !parameterized || !answeredByLiteralRoute(request) else { return nil }
            return request
        }
    }

    private func answeredByLiteralRoute(_ request: Asked) -> Bool {
        guard !literalPaths.isEmpty else { return false }
        let key = request.literalKey
        let method = request.request.method
        return method == "*" ? literalPaths.contains(key) : literalRoutes.contains(method + " " + key) || literalRoutes.contains("* " + key)
    }

    private static func literalKey(_ segments: [Substring]) -> String {
        segments.map(slug).joined(separator: "/")
    }

    private static func fits(_ method: String, _ asked: [Substring], _ route: ResolvedRoute, _ served: [Substring]) -> Bool {
        guard method == "*" || route.route.methods.contains(where: { $0 == "*" || $0 == method }) else { return false }
        // Under an unknown prefix only the literal segments place the request: an interpolated
        // `{}` there could be anything.
        // ASP.NET matches paths case-insensitively, and apps often slugify (`MyAccount` as `my-account`).
        let loose = route.route.framework == "aspnet"
        // Rails routes take an optional format (`(.:format)`): `/chats/1/retry.json` asks `retry`.
        let formatted = route.route.framework == "rails"
        let pairs = Array(zip(asked.suffix(served.count), served))
        return pairs.enumerated().allSatisfy { place, pair in
            let (asked, served) = pair
            return served.hasPrefix("{") || asked == served || asked.hasPrefix("{") && route.prefixKnown
                || loose && Self.slug(asked) == Self.slug(served)
                || formatted && place == pairs.count - 1 && Self.formatless(asked) == served
        }
    }

    /// A last segment without its response format (`retry.json` → `retry`), or nil when it has
    /// none of the formats Rails and Express serve by extension.
    private static func formatless(_ segment: Substring) -> Substring? {
        guard let dot = segment.lastIndex(of: "."), dot != segment.startIndex,
              formats.contains(segment[segment.index(after: dot)...].lowercased()) else { return nil }
        return segment[..<dot]
    }

    private static let formats: Set<String> = ["json", "xml", "html", "csv", "js", "txt", "atom", "rss"]

    private static func slug(_ segment: Substring) -> String {
        String(segment.lowercased().filter { $0 != "-" && $0 != "_" })
    }
}
