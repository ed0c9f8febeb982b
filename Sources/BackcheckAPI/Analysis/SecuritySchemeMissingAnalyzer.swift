import BackcheckRules

/// A document that declares no security scheme (and requires none) while routes it describes
/// require an authenticated caller: clients built from it cannot know how to authenticate.
struct SecuritySchemeMissingAnalyzer: APIAnalyzer {
    func problems(in context: APIContext, rule: Rule) -> [APIProblem] {
        context.documents.compactMap { document in
            guard document.securitySchemes.isEmpty, !document.hasGlobalSecurity, !context.isAggregate(document.path) else { return nil }
            let guarded = context.routes.filter { route in
                route.route.authenticated == true && context.settings.describes(document: document.path, file: route.file)
                    && document.covers(route.path) && !context.operations(at: route).filter { $0.document == document.path }.isEmpty
            }
            guard let first = guarded.first else { return nil }
            let count = Set(guarded.map { RouteMatching.describe($0) }).count
            return APIProblem(path: document.path, line: 1, identity: "security-schemes", route: document.path,
                              detail: "\(count) documented route\(count == 1 ? "" : "s") require\(count == 1 ? "s" : "") "
                                + "authentication (first: \(RouteMatching.describe(first)) at \(first.file):\(first.route.line))")
        }
    }
}
