import BackcheckRules

/// A test that asserts nothing: it passes whatever the code does (unless it throws).
struct TestWithoutAssertionAnalyzer: APIAnalyzer {
    func problems(in context: APIContext, rule: Rule) -> [APIProblem] {
        context.facts.flatMap { file in
            (file.tests?.tests ?? []).filter { !$0.hasAssertion }.map { test in
                APIProblem(path: file.path, line: test.line, column: test.column, identity: "\(test.framework):\(test.name)",
                           route: test.name, detail: test.framework)
            }
        }
    }
}
