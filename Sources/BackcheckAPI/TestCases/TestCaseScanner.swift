import BackcheckLexer

/// Reads the tests a test file declares: each declaration, then what its body does.
public enum TestCaseScanner {
    /// The file's tests, or nil when it declares none.
    public static func facts(path: String, file: LexedFile, extraAssertions: Set<String> = []) -> TestFileFacts? {
        let source = SourceTokens(file, path: path)
        let found = TestDeclarations(source: source)
        let declarations = found.all()
        var reader = TestBodyReader(source: source, extraAssertions: extraAssertions)
        let constants = reader.bindings.constants
        // A base test class declares no tests, but its path constants serve its subclasses'.
        guard !declarations.isEmpty else {
            return constants.isEmpty ? nil : TestFileFacts(path: path, tests: [], pathConstants: constants)
        }
        // One level of helpers: `self._assert_valid(response)`, `checkRoundTrip(codec)`, a private
        // `addComment()` that posts the request the test then checks.
        var helpers: [String: TestCase] = [:]
        for helper in found.helpers(excluding: Set(declarations.map(\.name))) where helpers[helper.name] == nil {
            helpers[helper.name] = reader.read(.init(name: helper.name, start: helper.start, body: helper.body, framework: ""))
        }
        reader.assertingHelpers = Set(helpers.filter(\.value.hasAssertion).keys)
        // `before do get "/x" end` then `it { expect(response).to have_http_status(:ok) }`.
        let hooks = found.hooks().map { hook in
            (scope: hook.scope, test: reader.read(.init(name: "", start: hook.body.lowerBound, body: hook.body, framework: "")))
        }
        let tests = declarations.map { declaration in
            var test = reader.read(declaration)
            if declaration.takesCallback { test.hasAssertion = true }
            for name in test.calledNames { if let helper = helpers[name] { test.include(helper) } }
            for hook in hooks where hook.scope.contains(declaration.start) { test.include(hook.test) }
            return test
        }
        return TestFileFacts(path: path, tests: tests, pathConstants: constants.isEmpty ? nil : constants)
    }
}

extension TestCase {
    /// Adds what a helper the test calls does: the requests with literal paths it sends and the
    /// statuses and failures it checks. Its computed requests are left out: they would let the
    /// helper "reach" every route of a method.
    mutating func include(_ helper: TestCase) {
        requests += helper.requests.filter { !requests.contains($0) }
        assertedStatuses = Set(assertedStatuses).union(helper.assertedStatuses).sorted()
        if helper.checksFailure == true { checksFailure = true }
    }
}
