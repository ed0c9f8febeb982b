import BackcheckLexer

/// Reads the tests a test file declares: each declaration, then what its body does.
public enum TestCaseScanner {
    /// The file's tests, or nil when it declares none.
    public static func facts(path: String, file: LexedFile, extraAssertions: Set<String> = []) -> TestFileFacts? {
        let source = SourceTokens(file, path: path)
        let declarations = TestDeclarations(source: source).all()
        guard !declarations.isEmpty else { return nil }
        var reader = TestBodyReader(source: source, extraAssertions: extraAssertions)
        // One level of helpers: `self._assert_valid(response)`, `checkRoundTrip(codec)`.
        let probe = reader
        reader.assertingHelpers = TestDeclarations(source: source).assertingHelpers { probe.asserts(in: $0) }
        let tests = declarations.map { declaration in
            var test = reader.read(declaration)
            if declaration.takesCallback { test.hasAssertion = true }
            return test
        }
        return TestFileFacts(path: path, tests: tests)
    }
}
