/// ASP.NET Core: attribute routes (`[Route("api/[controller]")]` on the class, `[HttpGet("{id}")]`
/// on actions) and minimal APIs (`app.MapGet("/x", …)`, `MapGroup`).
struct AspNetRoutes {
    let source: SourceTokens

    static let attributes: [String: String] = [
        "HttpGet": "GET", "HttpPost": "POST", "HttpPut": "PUT", "HttpDelete": "DELETE", "HttpPatch": "PATCH",
        "HttpHead": "HEAD", "HttpOptions": "OPTIONS",
    ]
    static let maps: [String: String] = [
        "MapGet": "GET", "MapPost": "POST", "MapPut": "PUT", "MapDelete": "DELETE", "MapPatch": "PATCH",
    ]

    /// Base classes of the framework itself: a controller deriving from one has no inherited route.
    static let frameworkBases: Set<String> = ["Controller", "ControllerBase", "ApiController", "PageModel", "Hub"]

    init(_ source: SourceTokens) {
        self.source = source
    }

    func extract() -> RouteFileFacts {
        var facts = RouteFileFacts(path: source.path)
        // A controller without `[Route]` deriving from a project's base controller inherits the
        // base's route, which this file does not show: its routes' prefix is that base's.
        var classes: [(end: Int, prefix: String, base: String?)] = []
        var groups: [String: String] = [:]
        var pendingRoute: String?
        var pendingMethods: [(method: String, path: String?, index: Int)] = []
        var index = 0
        while index < source.count {
            while let last = classes.last, index > last.end { classes.removeLast() }
            // `[HttpGet("{id}")]`, `[Route("x")]`, `[HttpPost, Authorize]`.
            if source.is(index, "["), source.tokens[index].flags.contains(.startsLine), let close = source.close(index),
               source.isIdentifier(index + 1) {
                for attribute in source.arguments(index) {
                    let name = source.text(attribute.lowerBound)
                    let argument = source.is(attribute.lowerBound + 1, "(")
                        ? source.arguments(attribute.lowerBound + 1).first.flatMap { source.string($0.lowerBound) } : nil
                    if name == "Route" {
                        pendingRoute = argument
                    } else if let method = Self.attributes[name] {
                        pendingMethods.append((method, argument, index))
                    }
                }
                index = close + 1
                continue
            }
            if source.is(index, "class"), source.isIdentifier(index + 1) {
                let name = source.text(index + 1)
                var open = index
                while open < source.count, !source.is(open, "{") { open += 1 }
                if let end = source.close(open) {
                    let controller = name.hasSuffix("Controller") ? String(name.dropLast("Controller".count)) : name
                    let colon = (index + 2..<open).first { source.is($0, ":") }
                    let base = colon.flatMap { source.isIdentifier($0 + 1) ? source.text($0 + 1) : nil }
                    let inherited = pendingRoute == nil ? base.flatMap { Self.frameworkBases.contains($0) ? nil : $0 } : nil
                    // An inherited route is most often `[controller]` (or `api/[controller]`, which
                    // the unknown prefix allows for): assume the controller's name leads.
                    let route = pendingRoute ?? (inherited != nil ? "[controller]" : "")
                    let prefix = route.replacingOccurrences(of: "[controller]", with: controller)
                    classes.append((end, prefix, inherited))
                }
                pendingRoute = nil
                pendingMethods = []
                index += 2
                continue
            }
            if (!pendingMethods.isEmpty || pendingRoute != nil), source.isIdentifier(index), source.is(index + 1, "("),
               !source.is(index - 1, ".") {
                let prefix = classes.last?.prefix ?? ""
                let methods = pendingMethods.isEmpty ? [(method: "*", path: nil as String?, index: index)] : pendingMethods
                for method in methods {
                    let path = method.path ?? pendingRoute ?? ""
                    let absolute = path.hasPrefix("/") || path.hasPrefix("~/")
                    let full = (absolute ? path.replacingOccurrences(of: "~/", with: "/") : RoutePath.join(prefix, path))
                        .replacingOccurrences(of: "[action]", with: source.text(index))
                    let position = source.position(method.index)
                    facts.routes.append(RouteFact(methods: [method.method], path: RoutePath.normalize(full),
                                                  handler: source.text(index), line: position.line, column: position.column,
                                                  framework: "aspnet", router: absolute ? nil : classes.last?.base))
                }
                pendingRoute = nil
                pendingMethods = []
            }
            if source.isIdentifier(index), source.is(index + 1, "."), source.isIdentifier(index + 2), source.is(index + 3, "(") {
                readMinimalAPI(index, groups: &groups, into: &facts)
            }
            index += 1
        }
        return facts
    }

    private func readMinimalAPI(_ index: Int, groups: inout [String: String], into facts: inout RouteFileFacts) {
        let receiver = source.text(index)
        let member = source.text(index + 2)
        let arguments = source.arguments(index + 3)
        guard let first = arguments.first, let path = source.string(first.lowerBound) else { return }
        let prefix = groups[receiver] ?? ""
        if member == "MapGroup" {
            if source.is(index - 1, "="), source.isIdentifier(index - 2) { groups[source.text(index - 2)] = RoutePath.join(prefix, path) }
            return
        }
        guard let method = Self.maps[member] ?? (member == "MapMethods" ? "*" : nil), arguments.count >= 2 else { return }
        let position = source.position(index)
        let handler = arguments.last.flatMap { argument -> String? in
            guard argument.count <= 3, let last = argument.last, source.isIdentifier(last) else { return nil }
            return source.text(last)
        }
        facts.routes.append(RouteFact(methods: [method], path: RoutePath.join(prefix, path), handler: handler,
                                      line: position.line, column: position.column, framework: "aspnet-minimal",
                                      router: groups[receiver] == nil ? nil : receiver))
    }
}
