import BackcheckModel

/// Go net/http (`HandleFunc("/x", h)`, Go 1.22 `"GET /x/{id}"` patterns), Gin and Echo (`GET`,
/// `Group`), chi (`Get`, `Route`, `Mount`) and gorilla/mux (`HandleFunc(...).Methods("GET")`,
/// `PathPrefix(...).Subrouter()`), Macaron and Flamego (`m.Group("/x", func() { m.Get("", h) })`,
/// `m.Combo("/x").Get(h).Post(h)`).
struct GoRoutes {
    let source: SourceTokens

    static let chiMethods: [String: String] = [
        "Get": "GET", "Post": "POST", "Put": "PUT", "Delete": "DELETE", "Patch": "PATCH", "Head": "HEAD", "Options": "OPTIONS",
    ]

    init(_ source: SourceTokens) {
        self.source = source
    }

    /// Type names of router parameters: `*gin.RouterGroup`, `*gin.Engine`, `gin.IRoutes`,
    /// `*echo.Echo`, `*echo.Group`, `chi.Router`, `*mux.Router`, `*http.ServeMux`, `fiber.Router`.
    static let routerTypes: Set<String> = ["RouterGroup", "Engine", "IRoutes", "IRouter", "Echo", "Group", "Router", "ServeMux", "Mux", "App"]
    /// Calls that make the application's own router, which no other router mounts: routes on it
    /// have their full path.
    static let applicationConstructors: Set<String> = ["gin.Default", "gin.New", "echo.New", "http.NewServeMux", "fiber.New"]
    /// Router methods: a call of one of these is never a register function taking a router.
    static let routerMethods: Set<String> = ["Group", "PathPrefix", "Route", "Use", "Handle", "HandleFunc", "Any", "Methods",
                                             "Subrouter", "With", "Static", "StaticFS", "File", "NoRoute", "Match", "Add"]

    func extract() -> RouteFileFacts {
        var facts = RouteFileFacts(path: source.path)
        let imports = importPaths()
        /// Prefixes of router variables (`v1 := r.Group("/api/v1")`), and of closure parameters
        /// inside `r.Route("/x", func(r chi.Router) { … })` until the closure's end.
        var prefixes: [String: String] = [:]
        var scoped: [(end: Int, name: String, previous: String?)] = []
        /// Where each router variable of the current function comes from: `""` for the
        /// application, `Name()` for a router parameter of function `Name` (and groups of it).
        var origins: [String: String] = [:]
        var functionEnd = -1
        var index = 0
        while index < source.count {
            while let last = scoped.last, index > last.end {
                prefixes[last.name] = last.previous
                scoped.removeLast()
            }
            if index > functionEnd, !origins.isEmpty { origins = [:] }
            if source.is(index, "func"), source.tokens[index].flags.contains(.startsLine),
               let function = readFunction(index) {
                // `func Register(r *gin.RouterGroup)`: routes on `r` are mounted wherever it is called.
                functionEnd = function.end
                origins = [:]
                for parameter in function.routers { origins[parameter] = function.name + "()" }
                index = function.bodyStart
                continue
            }
            // `r := gin.Default()`: the application itself.
            if source.is(index, ":=") || source.is(index, "="), source.isIdentifier(index - 1), source.isIdentifier(index + 1),
               source.is(index + 2, "."), source.isIdentifier(index + 3), source.is(index + 4, "("),
               Self.applicationConstructors.contains(source.text(index + 1) + "." + source.text(index + 3)) {
                origins[source.text(index - 1)] = ""
            }
            if let mount = registerCall(index, imports: imports, prefixes: prefixes, origins: origins) {
                facts.mounts.append(mount)
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
            let router = receiver == "http" ? nil : origins[receiver].map { $0.isEmpty ? nil : $0 } ?? receiver
            if member == "Match", let route = matchRoute(arguments, prefix: prefix, at: index, router: router) {
                facts.routes.append(route)
                index += 1
                continue
            }
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
                    if let origin = origins[receiver] { origins[source.text(index - 2)] = origin }
                } else if arguments.count >= 2, source.is(arguments[1].lowerBound, "func"), source.is(arguments[1].lowerBound + 1, "("),
                          source.is(arguments[1].lowerBound + 2, ")"), let body = closureBody(arguments[1]) {
                    // Macaron/Flamego: inside `m.Group("/x", func() { … })` the same router has the prefix.
                    scoped.append((body, receiver, prefixes[receiver]))
                    prefixes[receiver] = RoutePath.join(prefix, written)
                } else if member == "Group", let chained = chainedRoute(after: index + 3, prefix: RoutePath.join(prefix, written), router: router) {
                    facts.routes.append(chained)
                }
            case "Combo":
                // `m.Combo("/x").Get(h).Post(h)`: one path, a method per chained call.
                guard written.hasPrefix("/") || written.isEmpty, var cursor = source.close(index + 3).map({ $0 + 1 }) else { break }
                while source.is(cursor, "."), let method = Self.chiMethods[source.text(cursor + 1)], source.is(cursor + 2, "("),
                      let end = source.close(cursor + 2) {
                    facts.routes.append(route([method], RoutePath.join(prefix, written), source.arguments(cursor + 2),
                                              source.position(cursor + 1), "macaron", router))
                    cursor = end + 1
                }
            case "Route":
                // chi: the closure's router parameter carries the prefix inside the closure.
                if let closure = arguments.last, source.is(closure.lowerBound, "func"), source.is(closure.lowerBound + 1, "("),
                   source.isIdentifier(closure.lowerBound + 2), let body = closureBody(closure) {
                    let name = source.text(closure.lowerBound + 2)
                    scoped.append((body, name, prefixes[name]))
                    prefixes[name] = RoutePath.join(prefix, written)
                    if let origin = origins[receiver] { origins[name] = origin }
                }
            case "HandleFunc", "Handle":
                var methods = ["*"]
                var path = written
                // Go 1.22: "GET /items/{id}".
                if let space = written.firstIndex(of: " "), HTTPMethods.all.contains(String(written[..<space])) {
                    methods = [String(written[..<space])]
                    path = String(written[written.index(after: space)...]).trimmingCharacters(in: .whitespaces)
                }
                // gorilla/mux: `.Methods("GET", "POST")` after the call.
                if let close = source.close(index + 3), source.is(close + 1, "."), source.is(close + 2, "Methods"),
                   source.is(close + 3, "(") {
                    methods = source.arguments(close + 3).compactMap { source.string($0.lowerBound)?.uppercased() }
                }
                guard arguments.count >= 2, path.hasPrefix("/") else { break }
                facts.routes.append(route(methods, RoutePath.join(prefix, path), arguments, position, "net/http", router))
            default:
                let method = HTTPMethods.all.contains(member) ? member : Self.chiMethods[member]
                    ?? (member == "Any" ? "*" : nil)
                // gin joins a relative path to its group's (`g.GET("version", h)` serves `/version`).
                guard let method, arguments.count >= 2,
                      written.hasPrefix("/") || written.isEmpty || HTTPMethods.all.contains(member) && Self.isRelativePath(written) else { break }
                let framework = Self.chiMethods[member] != nil ? "chi" : "gin"
                facts.routes.append(route([method], RoutePath.join(prefix, written), arguments, position, framework, router))
            }
            index += 1
        }
        return facts
    }

    /// gin's `g.Match([]string{"GET", "HEAD"}, "/health", h)`: one route answering each listed method.
    private func matchRoute(_ arguments: [Range<Int>], prefix: String, at index: Int, router: String?) -> RouteFact? {
        guard arguments.count >= 3, let written = source.string(arguments[1].lowerBound),
              written.hasPrefix("/") || Self.isRelativePath(written) else { return nil }
        let methods = arguments[0].compactMap { token in source.string(token).map { $0.uppercased() } }.filter(HTTPMethods.all.contains)
        guard !methods.isEmpty else { return nil }
        return route(methods, RoutePath.join(prefix, written), arguments, source.position(index), "gin", router)
    }

    /// `g.Group("/user").Use(auth).POST("", h)`: `Use` hands back the same group, so a verb
    /// chained after it is a route under the group's prefix. `open` is the `Group` call's `(`.
    private func chainedRoute(after open: Int, prefix: String, router: String?) -> RouteFact? {
        guard var cursor = source.close(open).map({ $0 + 1 }) else { return nil }
        while source.is(cursor, "."), source.is(cursor + 1, "Use"), source.is(cursor + 2, "("), let close = source.close(cursor + 2) {
            cursor = close + 1
        }
        guard source.is(cursor, "."), HTTPMethods.all.contains(source.text(cursor + 1)), source.is(cursor + 2, "(") else { return nil }
        let arguments = source.arguments(cursor + 2)
        guard arguments.count >= 2, let written = source.string(arguments[0].lowerBound),
              written.isEmpty || written.hasPrefix("/") || Self.isRelativePath(written) else { return nil }
        return route([source.text(cursor + 1)], RoutePath.join(prefix, written), arguments, source.position(cursor + 1), "gin", router)
    }

    /// `version`, `current/user`, `:id/config`: a path segment list without the leading `/`, not
    /// a URL or a sentence.
    private static func isRelativePath(_ written: String) -> Bool {
        guard let first = written.first, first.isLetter || first.isNumber || first == ":" else { return false }
        return !written.contains(" ") && !written.contains("://") && !written.contains(".")
    }

    private func route(_ methods: [String], _ path: String, _ arguments: [Range<Int>], _ position: SourcePosition,
                       _ framework: String, _ receiver: String?) -> RouteFact {
        let handler = arguments.last.flatMap { argument -> String? in
            guard let last = argument.last, source.isIdentifier(last), !source.is(argument.lowerBound, "func") else { return nil }
            return source.text(last)
        }
        return RouteFact(methods: methods, path: path, handler: handler, line: position.line, column: position.column,
                         framework: framework, router: receiver)
    }

    /// `func Name(params) … {` or `func (s *T) Name(params) … {`: the name, the parameters whose
    /// type is a router, where the body opens and ends.
    private func readFunction(_ start: Int) -> (name: String, routers: [String], bodyStart: Int, end: Int)? {
        var index = start + 1
        if source.is(index, "("), let close = source.close(index) { index = close + 1 }
        guard source.isIdentifier(index), source.is(index + 1, "("), let close = source.close(index + 1) else { return nil }
        let name = source.text(index)
        var routers: [String] = []
        for parameter in source.arguments(index + 1) where parameter.count >= 2 && source.isIdentifier(parameter.lowerBound) {
            guard let type = parameter.last, source.isIdentifier(type), Self.routerTypes.contains(source.text(type)) else { continue }
            routers.append(source.text(parameter.lowerBound))
        }
        var body = close + 1
        while body < source.count, !source.is(body, "{") {
            if source.is(body, "("), let end = source.close(body) { body = end }
            if source.tokens[body].flags.contains(.startsLine), body > close + 1, !source.is(body, "{") { return nil }
            body += 1
        }
        guard let end = source.close(body) else { return nil }
        return (name, routers, body + 1, end)
    }

    /// `users.Register(v1.Group("/users"))`, `Register(api)`, `h.Register(e.Group("/api"))`: a
    /// router handed to a function that declares routes on it, mounted under the router's prefix.
    private func registerCall(_ index: Int, imports: [String: String], prefixes: [String: String],
                              origins: [String: String]) -> RouteMount? {
        guard source.isIdentifier(index), !source.is(index - 1, "."), !source.is(index, "func") else { return nil }
        var callee = index
        var package: String? = source.directory
        if source.is(index + 1, "."), source.isIdentifier(index + 2) {
            // A router's own method (`v1.Use(…)`) is not a register function.
            let qualifier = source.text(index)
            guard origins[qualifier] == nil, prefixes[qualifier] == nil else { return nil }
            callee = index + 2
            while source.is(callee + 1, "."), source.isIdentifier(callee + 2) { callee += 2 }
            // `pkg.Register(…)` names the package; `s.handler.Register(…)` a method of some value.
            package = callee == index + 2 ? imports[qualifier] : nil
        }
        guard source.is(callee + 1, "("), !Self.routerMethods.contains(source.text(callee)),
              HTTPMethods.all.contains(source.text(callee)) == false, GoRoutes.chiMethods[source.text(callee)] == nil
        else { return nil }
        for argument in source.arguments(callee + 1) {
            let first = argument.lowerBound
            guard source.isIdentifier(first) else { continue }
            let base = source.text(first)
            guard origins[base] != nil || prefixes[base] != nil else { continue }
            var prefix = prefixes[base] ?? ""
            if argument.count == 1 {
                // The router itself.
            } else if source.is(first + 1, "."), source.is(first + 2, "Group") || source.is(first + 2, "PathPrefix"),
                      source.is(first + 3, "("), let written = source.arguments(first + 3).first.flatMap({ source.string($0.lowerBound) }) {
                prefix = RoutePath.join(prefix, written)
            } else {
                continue
            }
            let origin = origins[base]
            return RouteMount(prefix: RoutePath.normalize(prefix), module: nil, router: source.text(callee) + "()",
                              on: origin.flatMap { $0.isEmpty ? nil : $0 } ?? (origin == nil ? base : nil),
                              line: source.position(index).line, package: package)
        }
        return nil
    }

    /// Import qualifiers → import paths: `"github.com/x/app/users"` is `users`, `u "…/users"` is `u`.
    private func importPaths() -> [String: String] {
        var result: [String: String] = [:]
        var index = 0
        while index < source.count {
            guard source.is(index, "import"), source.tokens[index].flags.contains(.startsLine) else {
                if source.is(index, "func") || source.is(index, "type") || source.is(index, "var") { break }
                index += 1
                continue
            }
            var specs: [Int] = []
            if source.is(index + 1, "("), let close = source.close(index + 1) {
                specs = Array((index + 2)..<close)
                index = close + 1
            } else {
                specs = [index + 1, index + 2]
                index += 3
            }
            var alias: String?
            for spec in specs {
                if source.isIdentifier(spec) || source.is(spec, ".") || source.is(spec, "_") {
                    alias = source.text(spec)
                } else if let path = source.string(spec) {
                    let name = alias ?? path.split(separator: "/").last.map(String.init) ?? path
                    if name != "_", name != "." { result[name] = path }
                    alias = nil
                }
            }
        }
        return result
    }

    /// The closing brace of `func(r chi.Router) { … }`.
    private func closureBody(_ closure: Range<Int>) -> Int? {
        var index = closure.lowerBound
        while index < closure.upperBound, !source.is(index, "{") { index += 1 }
        return source.close(index)
    }
}
