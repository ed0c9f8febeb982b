/// Vapor: `app.get("users", ":id", use: show)`, `routes.grouped("api")`, `app.group("x") { g in … }`,
/// `app.on(.GET, "x", use: h)`; path components are separate arguments or `"a/b"` strings.
struct VaporRoutes {
    let source: SourceTokens

    static let methods: [String: String] = [
        "get": "GET", "post": "POST", "put": "PUT", "patch": "PATCH", "delete": "DELETE",
    ]

    init(_ source: SourceTokens) {
        self.source = source
    }

    func extract() -> RouteFileFacts {
        var facts = RouteFileFacts(path: source.path)
        var prefixes: [String: String] = [:]
        // The builder each group was made from, back to the first (`app` is the application).
        var origins: [String: String] = [:]
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
            let components = arguments.compactMap { argument -> String? in
                guard argument.count == 1 else { return nil }
                return source.string(argument.lowerBound)
            }
            let path = RoutePath.join(prefix, components.joined(separator: "/"))
            switch member {
            case "grouped" where !components.isEmpty:
                if source.is(index - 1, "="), source.isIdentifier(index - 2) {
                    prefixes[source.text(index - 2)] = path
                    origins[source.text(index - 2)] = origins[receiver] ?? receiver
                }
            case "group" where !components.isEmpty:
                // `app.group("x") { g in … }`: the trailing closure's parameter carries the prefix.
                if let close = source.close(index + 3), source.is(close + 1, "{"), let end = source.close(close + 1),
                   source.isIdentifier(close + 2), source.is(close + 3, "in") {
                    let name = source.text(close + 2)
                    scoped.append((end, name, prefixes[name]))
                    prefixes[name] = path
                    origins[name] = origins[receiver] ?? receiver
                }
            case "on":
                guard let first = arguments.first, source.is(first.lowerBound, "."), source.isIdentifier(first.lowerBound + 1) else { break }
                facts.routes.append(route([source.text(first.lowerBound + 1)], path, arguments, index, origin: origins[receiver] ?? receiver))
            default:
                guard let method = Self.methods[member], hasHandler(arguments, index + 3) else { break }
                facts.routes.append(route([method], path, arguments, index, origin: origins[receiver] ?? receiver))
            }
            index += 1
        }
        return facts
    }

    /// A route registration has `use:` or a trailing closure; `dictionary.get("x")` has neither.
    private func hasHandler(_ arguments: [Range<Int>], _ open: Int) -> Bool {
        if source.keywordArgument("use", in: arguments) != nil { return true }
        guard let close = source.close(open) else { return false }
        return source.is(close + 1, "{")
    }

    private func route(_ methods: [String], _ path: String, _ arguments: [Range<Int>], _ index: Int, origin: String) -> RouteFact {
        let position = source.position(index)
        let handler = source.keywordArgument("use", in: arguments).flatMap { source.lastName(in: $0) }
        return RouteFact(methods: methods, path: path, handler: handler, line: position.line, column: position.column,
                         framework: "vapor", router: PythonRoutes.applicationNames.contains(origin) ? nil : origin)
    }
}
