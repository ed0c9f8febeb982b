import BackcheckModel

/// Go net/http (`HandleFunc("/x", h)`, Go 1.22 `"GET /x/{id}"` patterns), Gin and Echo (`GET`,
/// `Group`), chi (`Get`, `Route`, `Mount`) and gorilla/mux (`HandleFunc(...).Methods("GET")`,
/// `PathPrefix(...).Subrouter()`).
struct GoRoutes {
    let source: SourceTokens

    static let upperMethods: Set<String> = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"]
    static let chiMethods: [String: String] = [
        "Get": "GET", "Post": "POST", "Put": "PUT", "Delete": "DELETE", "Patch": "PATCH", "Head": "HEAD", "Options": "OPTIONS",
    ]

    init(_ source: SourceTokens) {
        self.source = source
    }

    func extract() -> RouteFileFacts {
        var facts = RouteFileFacts(path: source.path)
        /// Prefixes of router variables (`v1 := r.Group("/api/v1")`), and of closure parameters
        /// inside `r.Route("/x", func(r chi.Router) { … })` until the closure's end.
        var prefixes: [String: String] = [:]
        var scoped: [(end: Int, name: String, previous: String?)] = []
        var index = 0
        while index < source.count {
            while let last = scoped.last, index > last.end {
                prefixes[last.name] = last.previous
                scoped.removeLast()
            }
            guard source.isIdentifier(index), source.is(index + 1, "."), source.isIdentifier(index + 2), source.is(index + 3, "("),
                  !source.is(index - 1, ".") else {
                index += 1
                continue
            }
            let receiver = source.text(index)
            let member = source.text(index + 2)
            let arguments = source.arguments(index + 3)
            let prefix = prefixes[receiver] ?? ""
            guard let first = arguments.first, let written = source.string(first.lowerBound) else {
                index += 1
                continue
            }
            let position = source.position(index)
            switch member {
            case "Group", "PathPrefix":
                // `v1 := r.Group("/v1")`, `api := r.PathPrefix("/api").Subrouter()`.
                if source.is(index - 1, ":=") || source.is(index - 1, "="), source.isIdentifier(index - 2) {
                    prefixes[source.text(index - 2)] = RoutePath.join(prefix, written)
                }
            case "Route":
                // chi: the closure's router parameter carries the prefix inside the closure.
                if let closure = arguments.last, source.is(closure.lowerBound, "func"), source.is(closure.lowerBound + 1, "("),
                   source.isIdentifier(closure.lowerBound + 2), let body = closureBody(closure) {
                    let name = source.text(closure.lowerBound + 2)
                    scoped.append((body, name, prefixes[name]))
                    prefixes[name] = RoutePath.join(prefix, written)
                }
            case "HandleFunc", "Handle":
                var methods = ["*"]
                var path = written
                // Go 1.22: "GET /items/{id}".
                if let space = written.firstIndex(of: " "), Self.upperMethods.contains(String(written[..<space])) {
                    methods = [String(written[..<space])]
                    path = String(written[written.index(after: space)...]).trimmingCharacters(in: .whitespaces)
                }
                // gorilla/mux: `.Methods("GET", "POST")` after the call.
                if let close = source.close(index + 3), source.is(close + 1, "."), source.is(close + 2, "Methods"),
                   source.is(close + 3, "(") {
                    methods = source.arguments(close + 3).compactMap { source.string($0.lowerBound)?.uppercased() }
                }
                guard arguments.count >= 2, path.hasPrefix("/") else { break }
                facts.routes.append(route(methods, RoutePath.join(prefix, path), arguments, position, "net/http", receiver))
            default:
                let method = Self.upperMethods.contains(member) ? member : Self.chiMethods[member]
                    ?? (member == "Any" ? "*" : nil)
                guard let method, arguments.count >= 2, written.hasPrefix("/") || written.isEmpty else { break }
                let framework = Self.chiMethods[member] != nil ? "chi" : "gin"
                facts.routes.append(route([method], RoutePath.join(prefix, written), arguments, position, framework, receiver))
            }
            index += 1
        }
        return facts
    }

    private func route(_ methods: [String], _ path: String, _ arguments: [Range<Int>], _ position: SourcePosition,
                       _ framework: String, _ receiver: String) -> RouteFact {
        let handler = arguments.last.flatMap { argument -> String? in
            guard let last = argument.last, source.isIdentifier(last), !source.is(argument.lowerBound, "func") else { return nil }
            return source.text(last)
        }
        return RouteFact(methods: methods, path: path, handler: handler, line: position.line, column: position.column,
                         framework: framework, router: receiver)
    }

    /// The closing brace of `func(r chi.Router) { … }`.
    private func closureBody(_ closure: Range<Int>) -> Int? {
        var index = closure.lowerBound
        while index < closure.upperBound, !source.is(index, "{") { index += 1 }
        return source.close(index)
    }
}
