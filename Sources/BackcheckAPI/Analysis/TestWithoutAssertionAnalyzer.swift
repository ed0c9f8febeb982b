import BackcheckRules

/// A test that sends a request through a test client and asserts nothing about the answer: it
/// passes whatever the handler returns (unless it throws). Tests that make no request are left
/// alone: without a request, a test that asserts nothing is most often a deliberate smoke test
/// (the context loads, a parser does not crash), which its author meant.
struct TestWithoutAssertionAnalyzer: APIAnalyzer {
    func problems(in context: APIContext, rule: Rule) -> [APIProblem] {
        context.facts.flatMap { file in
            (file.tests?.tests ?? []).filter { test in
                !test.hasAssertion && (!test.requests.isEmpty || !(test.unresolvedRequests ?? []).isEmpty)
            }.map { test in
                let request = test.requests.first.map { "\($0.method == "*" ? "" : $0.method + " ")\($0.path)" } ?? "a route"
                return APIProblem(path: file.path, line: test.line, column: test.column, identity: "\(test.framework):\(test.name)",
                                  route: test.name, detail: request)
            }
        }
    }
}
