import BackcheckRules

/// A route whose tests assert only 2xx statuses and check no failure: nothing checks what it does with bad input, a missing record or a
/// caller without rights. A redirect counts as a failure answer (to the login page, back with
/// an error), an expected exception as a failure check.
///
/// Two kinds of route are left out. Failures belong to the handler, not the path, so a handler
/// whose failures are tested through one of its routes (`/s/:id` and `/s/:id/doc/:slug` both
/// served by `renderShare`) has them tested for all. And a route that takes no input — GET or
/// HEAD, no path parameter, no authentication on its declaration, asked by its tests with no
/// query string — has no bad body, missing record or caller without rights for a test to try.
/// A test whose name says it tries a failure (``FailureTestName``) and asserts at most a 200
/// checks one: the handler answers that failure with a page.
struct HappyPathOnlyAnalyzer: APIAnalyzer {
    private struct Tested {
        var route: ResolvedRoute
        var tests: [TestCase]
        var statuses: Set<Int>
        var checksFailure: Bool
        var sendsQuery: Bool
    }

    func problems(in context: APIContext, rule: Rule) -> [APIProblem] {
        let reach = TestReach(context.facts, routes: context.routes)
        let tested = context.routes.map { route in
            let (reaching, sendsQuery) = reach.reach(of: route)
            // Tests that check no status say nothing about which paths they cover.
            let tests = reaching.filter { !$0.assertedStatuses.isEmpty }
            let statuses = Set(tests.flatMap(\.assertedStatuses))
            let checksFailure = reaching.contains { $0.checksFailure == true || Self.triesAFailureOnAPage($0) }
                || statuses.contains { !(200..<300).contains($0) }
            return Tested(route: route, tests: tests, statuses: statuses, checksFailure: checksFailure, sendsQuery: sendsQuery)
        }
        let handlersWithFailureTests = Set(tested.compactMap { entry in entry.checksFailure ? Self.handlerKey(entry.route) : nil })
        var reported = Set<String>()
        return tested.compactMap { entry in
            let route = entry.route
            guard !entry.tests.isEmpty, !entry.checksFailure else { return nil }
            if let handler = Self.handlerKey(route), handlersWithFailureTests.contains(handler) { return nil }
            if Self.takesNoInput(route), !entry.sendsQuery { return nil }
            let described = RouteMatching.describe(route)
            guard reported.insert(route.file + "\u{0}" + described).inserted else { return nil }
            let codes = entry.statuses.sorted().map(String.init).joined(separator: ", ")
            let detail = entry.tests.count == 1 ? "its one test asserts only \(codes)" : "its \(entry.tests.count) tests assert only \(codes)"
            return APIProblem(path: route.file, line: route.route.line, column: route.route.column, identity: described,
                              route: described, detail: detail)
        }
    }

    /// A test named for a failure that asserts a 200 and nothing else: the handler answers the
    /// failure with a page (a form shown again, an empty result). A failure-named test that
    /// asserts a 201 or 204, or no status at all, says nothing the name can be trusted for.
    private static func triesAFailureOnAPage(_ test: TestCase) -> Bool {
        test.assertedStatuses == [200] && FailureTestName.names(test.name)
    }

    /// The handler a route's failures belong to: its name in the declaring file.
    private static func handlerKey(_ route: ResolvedRoute) -> String? {
        route.route.handler.map { route.file + "\u{0}" + $0 }
    }

    private static func takesNoInput(_ route: ResolvedRoute) -> Bool {
        route.route.authenticated != true && !route.path.contains("{")
            && !route.route.methods.isEmpty && route.route.methods.allSatisfy { $0 == "GET" || $0 == "HEAD" }
    }
}
