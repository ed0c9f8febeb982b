import BackcheckRules

/// A route served in code that no operation of the project's OpenAPI documents describes (by
/// path, whatever the method: a method missing on a documented path is
/// ``RouteMethodMismatchAnalyzer``'s). Silent in a project without documents, for routes whose
/// mount prefix is unknown, for infrastructure (health probes, metrics, feeds and other files),
/// and for routes outside every document's base path (a document of `/api/v1` says nothing about
/// the web pages beside it).
struct RouteNotDocumentedAnalyzer: APIAnalyzer {
    func problems(in context: APIContext, rule: Rule) -> [APIProblem] {
        guard !context.documents.isEmpty else { return [] }
        var reported = Set<String>()
        return context.routes.compactMap { route in
            // CORS preflights and catch-alls are plumbing, probes and feeds infrastructure: not
            // operations a document describes.
            guard route.prefixKnown, !RouteMatching.isPlumbing(route), !RouteMatching.isInfrastructure(route) else { return nil }
            let describing = context.documents(describing: route.file).filter { $0.covers(route.path) }
            guard !describing.isEmpty, context.operations(at: route).isEmpty else { return nil }
            let documents = describing.map(\.path).sorted().joined(separator: ", ")
            let described = RouteMatching.describe(route)
            guard reported.insert(route.file + "\u{0}" + described).inserted else { return nil }
            return APIProblem(path: route.file, line: route.route.line, column: route.route.column,
                              identity: described, route: described, detail: documents)
        }
    }
}
