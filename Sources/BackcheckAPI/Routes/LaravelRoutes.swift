/// Laravel route files: `Route::get('/x', [C::class, 'm'])`, `match`, `any`, `resource` and
/// `apiResource`, groups with `prefix` (`Route::prefix('x')->group(fn)`, `Route::group(['prefix'
/// => 'x'], fn)`); `routes/api.php` is served under `/api`.
struct LaravelRoutes {
    let source: SourceTokens

    static let methods: [String: [String]] = [
        "get": ["GET"], "post": ["POST"], "put": ["PUT"], "patch": ["PATCH"], "delete": ["DELETE"], "options": ["OPTIONS"],
        "any": ["*"],
    ]

    init(_ source: SourceTokens) {
        self.source = source
    }

    func extract() -> RouteFileFacts {
        var facts = RouteFileFacts(path: source.path)
        let base = source.path.hasSuffix("routes/api.php") ? "/api" : ""
        var groups: [(end: Int, prefix: String)] = []
        var index = 0
        while index < source.count {
            while let last = groups.last, index > last.end { groups.removeLast() }
            guard source.is(index, "Route"), source.is(index + 1, "::"), source.isIdentifier(index + 2), source.is(index + 3, "(") else {
                index += 1
                continue
            }
            let prefix = groups.last?.prefix ?? base
            // Walk the fluent chain: `Route::prefix('a')->middleware('m')->group(function () { … })`.
            var chainPrefix = ""
            var cursor = index + 2
            var handled = false
            while source.isIdentifier(cursor), source.is(cursor + 1, "("), let close = source.close(cursor + 1) {
                let member = source.text(cursor)
                let arguments = source.arguments(cursor + 1)
                let first = arguments.first.flatMap { source.string($0.lowerBound) }
                switch member {
                case "prefix":
                    chainPrefix = RoutePath.join(chainPrefix, first ?? "")
                case "group":
                    if let options = arguments.first, source.is(options.lowerBound, "["),
                       let value = source.keywordArrow("prefix", in: source.arguments(options.lowerBound)) {
                        chainPrefix = RoutePath.join(chainPrefix, value)
                    }
                    if let body = arguments.last.flatMap(closureEnd) {
                        groups.append((body, RoutePath.join(prefix, chainPrefix)))
                    }
                    handled = true
                case "resource", "apiResource":
                    if let name = first {
                        facts.routes += resourceRoutes(name, api: member == "apiResource", prefix: prefix, at: index)
                    }
                    handled = true
                case "match":
                    if arguments.count >= 3, let path = source.string(arguments[1].lowerBound) {
                        let methods = source.strings(in: arguments[0]).map { $0.uppercased() }
                        facts.routes.append(route(methods, RoutePath.join(prefix, path), arguments.last, index))
                    }
                    handled = true
                default:
                    if let methods = Self.methods[member], arguments.count >= 2, let path = first {
                        var fact = route(methods, RoutePath.join(RoutePath.join(prefix, chainPrefix), path), arguments[1], index)
                        let optional = RoutePath.optionalTail(path)
                        if optional > 0 { fact.optionalTail = optional }
                        facts.routes.append(fact)
                        handled = true
                    }
                }
                guard !handled, source.is(close + 1, "->") else { break }
                cursor = close + 2
            }
            index = cursor + 1
        }
        return facts
    }

    private func route(_ methods: [String], _ path: String, _ action: Range<Int>?, _ index: Int) -> RouteFact {
        let position = source.position(index)
        return RouteFact(methods: methods, path: path, handler: action.flatMap(actionName), line: position.line,
                         column: position.column, framework: "laravel")
    }

    /// `[UserController::class, 'show']` → `show`; `'UserController@show'` → `show`; a closure → nil.
    private func actionName(_ range: Range<Int>) -> String? {
        if let text = source.string(range.lowerBound) { return text.split(separator: "@").last.map(String.init) }
        guard source.is(range.lowerBound, "["), let last = source.arguments(range.lowerBound).last else { return nil }
        return source.string(last.lowerBound)
    }

    /// The `}` closing the closure passed to `group`.
    private func closureEnd(_ range: Range<Int>) -> Int? {
        var index = range.lowerBound
        while index < range.upperBound, !source.is(index, "{") { index += 1 }
        return source.close(index)
    }

    /// The seven (five for `apiResource`) routes of a resource controller, `only`/`except` applied.
    private func resourceRoutes(_ name: String, api: Bool, prefix: String, at index: Int) -> [RouteFact] {
        let last = name.split(separator: ".").last.map(String.init) ?? name
        let parameter = "{" + (last.hasSuffix("s") ? String(last.dropLast()) : last) + "}"
        let base = RoutePath.join(prefix, name.replacingOccurrences(of: ".", with: "/"))
        var actions: [(String, [String], String)] = [
            ("index", ["GET"], base), ("store", ["POST"], base), ("show", ["GET"], base + "/" + parameter),
            ("update", ["PUT", "PATCH"], base + "/" + parameter), ("destroy", ["DELETE"], base + "/" + parameter),
        ]
        if !api { actions += [("create", ["GET"], base + "/create"), ("edit", ["GET"], base + "/" + parameter + "/edit")] }
        var chained: (only: [String]?, except: [String]) = (nil, [])
        var close = source.close(index + 3) ?? index
        while source.is(close + 1, "->"), source.isIdentifier(close + 2), source.is(close + 3, "("), let end = source.close(close + 3) {
            let values = source.arguments(close + 3).flatMap { source.strings(in: $0) }
            if source.is(close + 2, "only") { chained.only = values }
            if source.is(close + 2, "except") { chained.except = values }
            close = end
        }
        return actions.filter { action in (chained.only?.contains(action.0) ?? true) && !chained.except.contains(action.0) }
            .map { action in
                var route = route(action.1, RoutePath.normalize(action.2), nil, index)
                route.handler = action.0
                return route
            }
    }
}
