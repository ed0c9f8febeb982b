/// Flask (`@app.route`, `@bp.get`, blueprints' `url_prefix`, `register_blueprint`), FastAPI
/// (`@app.get`, `APIRouter(prefix=)`, `include_router`) and Django (`path`/`re_path`/`url` in
/// `urlpatterns`, `include`).
struct PythonRoutes {
    let source: SourceTokens
    /// Objects the file creates that routes hang on: their kind and own prefix.
    private var routers: [String: (framework: String, prefix: String, isApplication: Bool)] = [:]
    /// Names imported into the file: `name` → (module path, attribute), root-relative.
    private var imports: [String: (module: String, attribute: String?)] = [:]
    /// Django: the file's URL lists that `include(name)` mounts, and the one being read (its
    /// name and closing bracket). Routes in any other list are the file's `urlpatterns`.
    private var includedLists: Set<String> = []
    private var openList: (name: String, close: Int)?

    static let decoratorMethods: [String: [String]] = [
        "get": ["GET"], "post": ["POST"], "put": ["PUT"], "delete": ["DELETE"], "patch": ["PATCH"],
        "head": ["HEAD"], "options": ["OPTIONS"],
    ]

    init(_ source: SourceTokens) {
        self.source = source
    }

    mutating func extract() -> RouteFileFacts {
        var facts = RouteFileFacts(path: source.path)
        includedLists = includedListNames()
        var index = 0
        while index < source.count {
            if let list = openList, index > list.close { openList = nil }
            if source.is(index, "=") || source.is(index, "+="), source.isIdentifier(index - 1), source.is(index + 1, "["),
               includedLists.contains(source.text(index - 1)), let close = source.close(index + 1) {
                openList = (source.text(index - 1), close)
            }
            if source.is(index, "import") || source.is(index, "from"), source.tokens[index].flags.contains(.startsLine) {
                index = readImport(index)
                continue
            }
            if source.is(index, "="), source.isIdentifier(index - 1), source.isIdentifier(index + 1) {
                readAssignment(name: source.text(index - 1), value: index + 1)
            }
            if source.is(index, "="), let (name, value) = pathConstant(at: index) {
                facts.constants = (facts.constants ?? [:]).merging([name: value]) { first, _ in first }
            }
            if source.is(index, "@"), source.isIdentifier(index + 1), source.is(index + 2, "."), source.isIdentifier(index + 3),
               source.is(index + 4, "(") {
                if let route = decoratorRoute(receiver: index + 1, method: index + 3, open: index + 4) { facts.routes.append(route) }
            }
            if source.isIdentifier(index), source.is(index + 1, "("), !source.is(index - 1, ".") || source.is(index, "include_router")
                || source.is(index, "register_blueprint") {
                readCall(index, into: &facts)
            }
            index += 1
        }
        return facts
    }

    // MARK: Declarations

    private mutating func readAssignment(name: String, value: Int) {
        var callee = value
        while source.is(callee + 1, "."), source.isIdentifier(callee + 2) { callee += 2 }
        guard source.is(callee + 1, "(") else { return }
        let arguments = source.arguments(callee + 1)
        let prefix = source.keywordArgument("url_prefix", in: arguments).flatMap { source.string($0.lowerBound) }
            ?? source.keywordArgument("prefix", in: arguments).flatMap { source.string($0.lowerBound) } ?? ""
        switch source.text(callee) {
        case "Flask": routers[name] = ("flask", "", true)
        case "Blueprint": routers[name] = ("flask", prefix, false)
        case "FastAPI": routers[name] = ("fastapi", "", true)
        case "APIRouter": routers[name] = ("fastapi", prefix, false)
        default: break
        }
    }

    /// `import a.b [as x]`, `from a.b import c [as d], (e, f)`, `from . import views`: where
    /// each bound name comes from. Returns the index after the statement.
    private mutating func readImport(_ start: Int) -> Int {
        var index = start
        var module: String?
        if source.is(index, "from") {
            index += 1
            var dots = 0
            while source.is(index, ".") || source.is(index, "..") || source.is(index, "...") {
                dots += source.text(index).count
                index += 1
            }
            var parts: [String] = []
            while source.isIdentifier(index), !source.is(index, "import") {
                parts.append(source.text(index))
                index += source.is(index + 1, ".") ? 2 : 1
            }
            module = resolve(dots: dots, parts)
            guard source.is(index, "import") else { return index }
        }
        index += 1
        var end = index
        while end < source.count, !source.tokens[end].flags.contains(.startsLine) {
            end = source.close(end).map { $0 + 1 } ?? end + 1
        }
        var cursor = index
        while cursor < end {
            guard source.isIdentifier(cursor) else {
                cursor += 1
                continue
            }
            var dotted = [source.text(cursor)]
            var next = cursor + 1
            while source.is(next, "."), source.isIdentifier(next + 1) {
                dotted.append(source.text(next + 1))
                next += 2
            }
            var alias: String?
            if source.is(next, "as"), source.isIdentifier(next + 1) {
                alias = source.text(next + 1)
                next += 2
            }
            if let module {
                imports[alias ?? dotted[0]] = (module, dotted[0])
            } else {
                imports[alias ?? dotted[0]] = (alias == nil ? dotted[0] : dotted.joined(separator: "/"), nil)
            }
            cursor = next
        }
        return end
    }

    /// A `from` module as a root-relative path: relative imports from this file's package.
    private func resolve(dots: Int, _ parts: [String]) -> String {
        guard dots > 0 else { return parts.joined(separator: "/") }
        var base = source.directory.split(separator: "/").map(String.init)
        for _ in 1..<dots where !base.isEmpty { base.removeLast() }
        return (base + parts).joined(separator: "/")
    }

    /// `API_PREFIX = "/api/v1"` or `API_PREFIX: str = "/api/v1"` (a settings class's field): an
    /// upper-case name given a path-like string and nothing else.
    private func pathConstant(at equals: Int) -> (String, String)? {
        var name = equals - 1
        if source.isIdentifier(name), source.is(name - 1, ":"), source.isIdentifier(name - 2) { name -= 2 }
        guard equals + 1 < source.count, source.isIdentifier(name), source.tokens[name].flags.contains(.startsLine),
              source.tokens[equals + 1].kind == .string, let value = source.string(equals + 1), value.hasPrefix("/"),
              equals + 2 >= source.count || source.tokens[equals + 2].flags.contains(.startsLine) else { return nil }
        let text = source.text(name)
        guard text.contains(where: \.isLetter), !text.contains(where: \.isLowercase) else { return nil }
        return (text, value)
    }

    // MARK: Routes

    private func decoratorRoute(receiver: Int, method: Int, open: Int) -> RouteFact? {
        let name = source.text(receiver)
        let verb = source.text(method)
        let arguments = source.arguments(open)
        guard let first = arguments.first, let path = source.string(first.lowerBound) else { return nil }
        let known = routers[name]
        var methods: [String]
        var framework = known?.framework
        switch verb {
        case "route":
            // Flask's `route`; a FastAPI router has no `route` decorator worth reading.
            methods = source.keywordArgument("methods", in: arguments).map { source.strings(in: $0).map { $0.uppercased() } } ?? ["GET"]
            framework = framework ?? "flask"
        case "api_route":
            methods = source.keywordArgument("methods", in: arguments).map { source.strings(in: $0).map { $0.uppercased() } } ?? ["GET"]
            framework = framework ?? "fastapi"
        default:
            guard let verbs = Self.decoratorMethods[verb] else { return nil }
            // `@cache.get("key")` is not a route: the receiver must be an app or router the
            // file makes, or be named like one.
            guard known != nil || Self.routerLikeNames.contains(name) || name.hasSuffix("router") || name.hasSuffix("_bp")
                || name.hasSuffix("blueprint") else { return nil }
            methods = verbs
        }
        guard path.isEmpty || path.hasPrefix("/") else { return nil }
        let position = source.position(receiver - 1)
        return RouteFact(methods: methods, path: RoutePath.join(known?.prefix ?? "", path), handler: handlerName(after: open),
                         line: position.line, column: position.column, framework: framework ?? "flask",
                         router: known?.isApplication ?? Self.applicationNames.contains(name) ? nil : name)
    }

    static let routerLikeNames: Set<String> = ["app", "api", "router", "bp", "blueprint", "application"]
    /// Names that, made in another module and imported (`from shop import app`), are the
    /// application by convention, not a router mounted somewhere.
    static let applicationNames: Set<String> = ["app", "application"]

    /// The function a decorator list ends in: `def name` after the decorator's `)`.
    private func handlerName(after open: Int) -> String? {
        guard var index = source.close(open).map({ $0 + 1 }) else { return nil }
        var guardCount = 0
        while index < source.count, guardCount < 200 {
            if source.is(index, "def"), source.isIdentifier(index + 1) { return source.text(index + 1) }
            if source.is(index, "class") { return nil }
            if source.is(index, "("), let close = source.close(index) { index = close }
            index += 1
            guardCount += 1
        }
        return nil
    }

    /// The URLconf module `include` names: `include("shop.urls")` or, with an application
    /// namespace, `include(("shop.urls", "shop"))`.
    private func includedModule(_ argument: Range<Int>) -> String? {
        if let module = source.string(argument.lowerBound) { return module }
        guard source.is(argument.lowerBound, "("), let first = source.arguments(argument.lowerBound).first else { return nil }
        return source.string(first.lowerBound)
    }

    /// Names passed to `include(name)`: URL lists the file mounts under a prefix of its own.
    private func includedListNames() -> Set<String> {
        var names: Set<String> = []
        for index in 0..<source.count where source.is(index, "include") && source.is(index + 1, "(")
            && source.isIdentifier(index + 2) && source.is(index + 3, ")") {
            names.insert(source.text(index + 2))
        }
        return names
    }

    /// `path(...)`, `re_path(...)`, `url(...)` (Django), `include_router`, `register_blueprint`.
    private func readCall(_ index: Int, into facts: inout RouteFileFacts) {
        let name = source.text(index)
        let arguments = source.arguments(index + 1)
        let position = source.position(index)
        switch name {
        case "path", "re_path", "url":
            guard source.path.hasSuffix("urls.py") || source.path.hasSuffix("routes.py") || source.path.contains("/urls/"),
                  arguments.count >= 2 else { return }
            let list = openList.map(\.name) ?? Self.djangoURLConf
            let route = source.string(arguments[0].lowerBound)
            let view = arguments[1]
            if source.is(view.lowerBound, "include"), source.is(view.lowerBound + 1, "("),
               let target = source.arguments(view.lowerBound + 1).first {
                // A prefix held in a variable is unknown: the URLconf it includes is not a root.
                let prefix = route.map { RoutePath.normalize(djangoPath($0)) } ?? ""
                let constant = route == nil ? constantName(arguments[0]) ?? "" : nil
                if let module = includedModule(target) {
                    facts.mounts.append(RouteMount(prefix: prefix, module: module.replacingOccurrences(of: ".", with: "/"),
                                                   router: Self.djangoURLConf, on: list, line: position.line, prefixConstant: constant))
                } else if source.isIdentifier(target.lowerBound), target.count == 1 {
                    facts.mounts.append(RouteMount(prefix: prefix, module: source.module, router: source.text(target.lowerBound),
                                                   on: list, line: position.line, prefixConstant: constant))
                }
                return
            }
            guard let route else { return }
            facts.routes.append(RouteFact(methods: ["*"], path: RoutePath.normalize(djangoPath(route)),
                                          handler: source.lastName(in: view), line: position.line, column: position.column,
                                          framework: "django", router: list))
        case "include_router", "register_blueprint":
            guard let first = arguments.first else { return }
            let written = source.keywordArgument("prefix", in: arguments) ?? source.keywordArgument("url_prefix", in: arguments)
            let prefix = written.flatMap { source.string($0.lowerBound) } ?? ""
            let target = mountTarget(first)
            let receiver = source.is(index - 1, ".") ? source.text(index - 2) : nil
            let on = receiver.flatMap { routers[$0]?.isApplication == true ? nil : $0 }
            facts.mounts.append(RouteMount(prefix: RoutePath.normalize(prefix), module: target.module, router: target.router,
                                           on: on, line: position.line,
                                           prefixConstant: written.flatMap { source.string($0.lowerBound) == nil ? constantName($0) : nil }))
        default:
            break
        }
    }

    /// The list a Django URLconf must define; the root URLconf's is served at `/`.
    static let djangoURLConf = "urlpatterns"

    /// The last name of `settings.API_PREFIX` / `API_PREFIX` (dotted names only).
    private func constantName(_ range: Range<Int>) -> String? {
        var index = range.lowerBound
        guard source.isIdentifier(index) else { return nil }
        while index + 2 < range.upperBound, source.is(index + 1, "."), source.isIdentifier(index + 2) { index += 2 }
        return index + 1 == range.upperBound ? source.text(index) : nil
    }

    /// Django writes routes without the leading `/` and regexes with `^`/`$`.
    private func djangoPath(_ route: String) -> String {
        var route = route
        if route.hasPrefix("^") { route.removeFirst() }
        if route.hasSuffix("$") { route.removeLast() }
        return route
    }

    /// The module and router object of `include_router(users.router)` / `register_blueprint(bp)`.
    private func mountTarget(_ argument: Range<Int>) -> (module: String?, router: String?) {
        let first = argument.lowerBound
        guard source.isIdentifier(first) else { return (nil, nil) }
        let name = source.text(first)
        if source.is(first + 1, "."), source.isIdentifier(first + 2) {
            // `users.router`: `users` is a module imported whole, or from a package.
            let attribute = source.text(first + 2)
            guard let imported = imports[name] else { return (nil, attribute) }
            let module = imported.attribute.map { imported.module.isEmpty ? $0 : imported.module + "/" + $0 } ?? imported.module
            return (module, attribute)
        }
        if routers[name] != nil { return (source.module, name) }
        guard let imported = imports[name] else { return (nil, name) }
        return (imported.module, imported.attribute ?? name)
    }
}
