import BackcheckModel
import Testing

/// One dialect for every path pattern: gitignore's, applied to a file and its parent folders.
@Suite struct PathPatternTests {
    @Test(arguments: [
        ("*.py", "app/views.py", true), ("*.py", "views.py", true), ("*.py", "app/views.pyc", false),
        ("app/*.py", "app/views.py", true), ("app/*.py", "app/api/views.py", false),
        ("app/*.py", "lib/app/views.py", false), ("app/**/*.py", "app/api/v1/views.py", true),
        ("app/**/*.py", "app/views.py", true), ("**/migrations/**", "shop/migrations/0001.py", true),
        ("**/migrations/**", "migrations/0001.py", true), ("tests/", "tests/test_a.py", true),
        ("tests/", "shop/tests/test_a.py", true), ("tests/", "tests", false),
        ("tests", "tests", true), ("tests", "shop/tests/a.py", true), ("/tests", "shop/tests/a.py", false),
        ("/tests", "tests/a.py", true), ("payments/api", "payments/api/charge.py", true),
        ("payments/api", "payments/apis.py", false), ("*_test.go", "pkg/a_test.go", true),
        ("web/[id].js", "web/[id].js", false), ("web/[[]id].js", "web/[id].js", true),
        ("web/[!a]d.js", "web/id.js", true), ("ünï/*.py", "ünï/a.py", true),
    ])
    func selects(pattern: String, path: String, expected: Bool) throws {
        let compiled = try #require(PathPattern(pattern))
        #expect(compiled.selects(file: path) == expected, "\(pattern) on \(path)")
    }

    @Test(arguments: ["", "/", "//"])
    func patternsThatCanNeverMatchAreRefused(pattern: String) {
        #expect(PathPattern(pattern) == nil)
    }

    @Test func aTypedPatternDropsLeadingDotSlash() throws {
        let pattern = try #require(PathPattern(typed: "././payments/"))
        #expect(pattern.source == "payments/")
        #expect(pattern.selects(file: "payments/a.py"))
        #expect(PathPattern(typed: "./") == nil)
    }
}
