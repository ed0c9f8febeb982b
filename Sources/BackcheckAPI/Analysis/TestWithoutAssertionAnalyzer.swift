import BackcheckRules

/// A test that sends a request through a test client, or prints what it computed, and asserts
/// nothing: it passes whatever the code returns (unless it throws). Other tests that assert
/// nothing are left alone: most often they are deliberate smoke tests (the context loads, a
/// parser does not crash), which their authors meant.
struct TestWithoutAssertionAnalyzer: APIAnalyzer {
    func problems(in context: APIContext, rule: Rule) -> [APIProblem] {
        context.facts.flatMap { file in
            (file.tests?.tests ?? []).compactMap { test -> APIProblem? in
                guard !test.hasAssertion else { return nil }
                let detail: String
                if let request = test.requests.first {
                    detail = "requests \(request.method == "*" ? "" : request.method + " ")\(request.path)"
                } else if !(test.unresolvedRequests ?? []).isEmpty {
                    detail = "requests a route"
                } else if test.prints == true {
                    detail = "prints what it computed"
                } else {
                    return nil
                }
                return APIProblem(path: file.path, line: test.line, column: test.column, identity: "\(test.framework):\(test.name)",
                                  route: test.name, detail: detail)
            }
        }
    }
}
