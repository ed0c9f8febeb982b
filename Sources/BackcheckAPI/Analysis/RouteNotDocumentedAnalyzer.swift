import BackcheckRules

/// A route served in code that no operation of the project's OpenAPI documents describes (by
/// path, whatever the method: a method missing on a documented path is
/// ``RouteMethodMismatchAnalyzer``'s). Silent in a project without documents.
struct RouteNotDocumentedAnalyzer: APIAnalyzer {
    func problems(in context: APIContext, rule: Rule) -> [APIProblem] {
        guard !context.documents.isEmpty else { return [] }
        var reported = Set<String>()
        return context.routes.compactMap { route in
            let describing = context.documents(describing: route.file)
            guard !describing.isEmpty, context.operations(at: route).isEmpty else { return nil }
            let documents = describing.map(\.path).sorted().joined(separator: ", ")
            let described = RouteMatching.describe(route)
            guard reported.insert(route.file + "\u{0}" + described).inserted else { return nil }
            return APIProblem(path: route.file, line: route.route.line, column: route.route.column,
                              identity: described, route: described, detail: documents)
        }
    }
}
