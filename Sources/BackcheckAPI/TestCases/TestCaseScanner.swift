import BackcheckLexer

/// Reads the tests a test file declares: each declaration, then what its body does.
public enum TestCaseScanner {
    /// The file's tests, or nil when it declares none.
    public static func facts(path: String, file: LexedFile, extraAssertions: Set<String> = []) -> TestFileFacts? {
        let source = SourceTokens(file, path: path)
        let declarations = TestDeclarations(source: source).all()
        guard !declarations.isEmpty else { return nil }
        let reader = TestBodyReader(source: source, extraAssertions: extraAssertions)
        return TestFileFacts(path: path, tests: declarations.map(reader.read))
    }
}
