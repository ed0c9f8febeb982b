import BackcheckRules

/// A route whose path is documented but not with the method the code serves it under. Only
/// routes whose full path is known are compared (a path tail may be another service's), and
/// never catch-alls (`OPTIONS /*` for CORS preflight, `*` paths).
struct RouteMethodMismatchAnalyzer: APIAnalyzer {
    func problems(in context: APIContext, rule: Rule) -> [APIProblem] {
        context.routes.compactMap { route in
            guard route.prefixKnown, !RouteMatching.isPlumbing(route) else { return nil }
            let atPath = context.operations(at: route)
            guard !atPath.isEmpty, !atPath.contains(where: { RouteMatching.sameMethod(route, $0) }) else { return nil }
            let documented = Set(atPath.map(\.method)).sorted().joined(separator: ", ")
            let described = RouteMatching.describe(route)
            return APIProblem(path: route.file, line: route.route.line, column: route.route.column,
                              identity: described, route: described,
                              detail: "\(atPath[0].document) documents \(documented) for \(atPath[0].path)")
        }
    }
}
