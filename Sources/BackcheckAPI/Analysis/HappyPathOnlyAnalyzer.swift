import BackcheckRules

/// A route whose tests assert only 2xx statuses and check no failure: nothing checks what it does with bad input, a missing record or a
/// caller without rights. A redirect counts as a failure answer (to the login page, back with
/// an error), an expected exception as a failure check.
struct HappyPathOnlyAnalyzer: APIAnalyzer {
    func problems(in context: APIContext, rule: Rule) -> [APIProblem] {
        let reach = TestReach(context.facts)
        var reported = Set<String>()
        return context.routes.compactMap { route in
            let reaching = reach.tests(reaching: route)
            guard !reaching.contains(where: { $0.checksFailure == true }) else { return nil }
            // Tests that check no status say nothing about which paths they cover.
            let tests = reaching.filter { !$0.assertedStatuses.isEmpty }
            let statuses = Set(tests.flatMap(\.assertedStatuses))
            guard !tests.isEmpty, !statuses.isEmpty, statuses.allSatisfy({ (200..<300).contains($0) }) else { return nil }
            let described = RouteMatching.describe(route)
            guard reported.insert(route.file + "\u{0}" + described).inserted else { return nil }
            let codes = statuses.sorted().map(String.init).joined(separator: ", ")
            return APIProblem(path: route.file, line: route.route.line, column: route.route.column, identity: described,
                              route: described, detail: tests.count == 1 ? "its one test asserts only \(codes)" : "its \(tests.count) tests assert only \(codes)")
        }
    }
}
