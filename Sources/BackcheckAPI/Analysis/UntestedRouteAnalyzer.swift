import BackcheckRules

/// A route no test reaches, in a project whose tests do reach routes. CORS preflights and
/// catch-alls are plumbing, not operations to test.
struct UntestedRouteAnalyzer: APIAnalyzer {
    func problems(in context: APIContext, rule: Rule) -> [APIProblem] {
        let reach = TestReach(context.facts, routes: context.routes)
        guard reach.reachesAnything else { return [] }
        var reported = Set<String>()
        return context.routes.compactMap { route in
            guard !RouteMatching.isPlumbing(route) else { return nil }
            let described = RouteMatching.describe(route)
            guard reach.tests(reaching: route).isEmpty, !reach.mayReach(route), reported.insert(route.file + "\u{0}" + described).inserted else { return nil }
            return APIProblem(path: route.file, line: route.route.line, column: route.route.column, identity: described,
                              route: described, detail: route.route.directlyCallableHandler.map { "requests it or calls its handler `\($0)`" }
                                  ?? "requests it")
        }
    }
}
