/// Spring MVC/WebFlux (`@RequestMapping` on the class, `@GetMapping` … on methods) and JAX-RS
/// (`@Path` with `@GET` …), in Java and Kotlin.
struct SpringRoutes {
    let source: SourceTokens

    static let mappings: [String: String?] = [
        "GetMapping": "GET", "PostMapping": "POST", "PutMapping": "PUT", "DeleteMapping": "DELETE",
        "PatchMapping": "PATCH", "RequestMapping": nil,
    ]

    init(_ source: SourceTokens) {
        self.source = source
    }

    func extract() -> RouteFileFacts {
        var facts = RouteFileFacts(path: source.path)
        /// Class prefixes by the index of the class body's closing brace.
        var classes: [(end: Int, prefix: String)] = []
        var pending: (paths: [String], methods: [String]?, jaxrs: Bool)?
        var pendingStart = 0
        var index = 0
        while index < source.count {
            while let last = classes.last, index > last.end { classes.removeLast() }
            guard source.is(index, "@"), source.isIdentifier(index + 1) else {
                if let annotation = pending, source.is(index, "class") || source.is(index, "interface") {
                    // The annotations sat on a class: its body gets the prefix.
                    var open = index
                    while open < source.count, !source.is(open, "{") { open += 1 }
                    if let end = source.close(open) {
                        classes.append((end, RoutePath.join(classes.last?.prefix ?? "", annotation.paths.first ?? "")))
                    }
                    pending = nil
                } else if let annotation = pending, source.isIdentifier(index), source.is(index + 1, "("),
                          !source.is(index - 1, "@"), !source.is(index - 1, ".") {
                    let position = source.position(pendingStart)
                    let prefix = classes.last?.prefix ?? ""
                    if let methods = annotation.methods {
                        for path in annotation.paths.isEmpty ? [""] : annotation.paths {
                            facts.routes.append(RouteFact(methods: methods, path: RoutePath.join(prefix, path),
                                                          handler: source.text(index), line: position.line,
                                                          column: position.column,
                                                          framework: annotation.jaxrs ? "jaxrs" : "spring"))
                        }
                    }
                    pending = nil
                }
                index += 1
                continue
            }
            let name = source.text(index + 1)
            let hasArguments = source.is(index + 2, "(")
            let arguments = hasArguments ? source.arguments(index + 2) : []
            if let method = Self.mappings[name] {
                if pending == nil { pendingStart = index }
                let explicit = source.keywordArgument("method", in: arguments).map(requestMethods)
                pending = (paths(arguments), method.map { [$0] } ?? explicit ?? ["*"], false)
                if method == nil, explicit == nil { pending?.methods = ["*"] }
                index = hasArguments ? (source.close(index + 2) ?? index) + 1 : index + 2
                continue
            }
            if name == "Path" {
                if pending == nil { pendingStart = index }
                pending = (arguments.first.flatMap { source.string($0.lowerBound) }.map { [$0] } ?? [], pending?.methods, true)
            } else if HTTPMethods.all.contains(name) {
                if pending == nil { pendingStart = index }
                pending = (pending?.paths ?? [], [name], true)
            } else if name == "RestController" || name == "Controller" {
                // A class annotation: routes come from its methods' mappings.
            }
            index = hasArguments ? (source.close(index + 2) ?? index) + 1 : index + 2
        }
        // A class whose annotations carry only a path but whose methods have none still has a
        // `@RequestMapping`-level route only when it maps a method; nothing to add here.
        return facts
    }

    /// The paths of a mapping's arguments: the first positional string (or array), or `value =`/`path =`.
    private func paths(_ arguments: [Range<Int>]) -> [String] {
        if let named = source.keywordArgument("value", in: arguments) ?? source.keywordArgument("path", in: arguments) {
            return stringList(named)
        }
        guard let first = arguments.first, !(source.isIdentifier(first.lowerBound) && source.is(first.lowerBound + 1, "=")) else { return [] }
        return stringList(first)
    }

    /// A string, `{"a", "b"}` (Java) or `["a", "b"]` (Kotlin).
    private func stringList(_ range: Range<Int>) -> [String] {
        guard let first = range.first else { return [] }
        if let value = source.string(first) { return [value] }
        guard source.close(first) != nil else { return [] }
        return source.arguments(first).compactMap { source.string($0.lowerBound) }
    }

    /// `RequestMethod.GET` or `{RequestMethod.GET, RequestMethod.POST}`.
    private func requestMethods(_ range: Range<Int>) -> [String] {
        range.filter { source.isIdentifier($0) && HTTPMethods.all.contains(source.text($0)) }.map { source.text($0) }
    }
}
