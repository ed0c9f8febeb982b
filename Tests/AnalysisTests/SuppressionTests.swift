@testable import BackcheckAnalysis
import BackcheckRules
import Testing
import TestSupport

/// `backcheck:ignore` and the foreign markers, as docs/DESIGN.md §5 describes them.
@Suite struct SuppressionTests {
    let rule = try! TestSupport.rule("""
    id: logging/print-secret
    checklist: logging
    severity: high
    languages: [python]
    message: m
    focus: X
    pattern: 'log(..., $X, ...)'
    where:
      X: { regex: '^secret$' }
    """)

    func suppressed(_ code: String) -> [Bool] {
        TestSupport.findings(rule, code).map { $0.suppression != nil }
    }

    @Test func commentAboveAWrappedStatementCoversItsLaterLines() {
        #expect(suppressed("# backcheck:ignore logging/print-secret -- test fixture\nlog(\n    a,\n    secret,\n)\n") == [true])
    }

    @Test func trailingCommentOnAnyLineOfTheStatement() {
        #expect(suppressed("log(a,\n    secret)  # backcheck:ignore logging/print-secret -- fixture\n") == [true])
        #expect(suppressed("x = 1\nlog(a,  # backcheck:ignore logging/print-secret -- fixture\n    secret)\n") == [true])
    }

    @Test func commentTwoStatementsAboveDoesNotCover() {
        #expect(suppressed("# backcheck:ignore logging/print-secret -- fixture\nx = 1\nlog(secret)\n") == [false])
    }

    @Test func otherRuleIdsDoNotSuppress() {
        #expect(suppressed("# backcheck:ignore logging/other -- fixture\nlog(secret)\n") == [false])
    }

    @Test func reasonIsRequired() {
        let analyzer = FileAnalyzer(rules: .init(rules: [rule]), secretKey: [1])
        let result = analyzer.analyze(path: "a.py", bytes: Array("# backcheck:ignore logging/print-secret\nlog(secret)\n".utf8), language: .python, role: .source)
        #expect(result.findings.map { $0.suppression == nil } == [true])
        #expect(result.diagnostics.contains { $0.line == 1 && $0.message.contains("no reason") })
    }

    @Test func fileLevelIgnore() {
        let code = "# backcheck:ignore-file logging/print-secret -- generated code\nx = 1\nlog(secret)\nlog(secret, 2)\n"
        #expect(suppressed(code) == [true, true])
        let finding = TestSupport.findings(rule, code).first
        #expect(finding?.suppression?.reason == "generated code")
        #expect(finding?.suppression?.marker == "backcheck:ignore-file")
    }

    @Test(arguments: ["# nosec", "# nosemgrep", "# NOSONAR", "# gitleaks:allow"])
    func foreignMarkersOnTheLine(_ marker: String) {
        #expect(suppressed("log(secret)  \(marker)\n") == [true])
    }
}

extension SuppressionTests {
    @Test func unusedSuppressionsAreReported() {
        let analyzer = FileAnalyzer(rules: .init(rules: [rule]), secretKey: [1])
        let code = "# backcheck:ignore logging/print-secret -- was needed once\nlog(user_id)\n# backcheck:ignore logging/print-secret -- still needed\nlog(secret)\n"
        let result = analyzer.analyze(path: "a.py", bytes: Array(code.utf8), language: .python, role: .source)
        #expect(result.findings.count == 1 && result.findings[0].suppression != nil)
        let unused = result.diagnostics.filter { $0.kind == .unusedSuppression }
        #expect(unused.map(\.line) == [1])
    }
}

extension SuppressionTests {
    @Test func proseMentioningTheMarkerIsNotASuppression() {
        let analyzer = FileAnalyzer(rules: .init(rules: [rule]), secretKey: [1])
        let code = "# A `backcheck:ignore` comment needs a reason.\nlog(secret)\n"
        let result = analyzer.analyze(path: "a.py", bytes: Array(code.utf8), language: .python, role: .source)
        #expect(result.findings.map { $0.suppression == nil } == [true])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func malformedRuleIdIsReported() {
        let analyzer = FileAnalyzer(rules: .init(rules: [rule]), secretKey: [1])
        let code = "# backcheck:ignore PrintSecret -- reason\nlog(secret)\n"
        let result = analyzer.analyze(path: "a.py", bytes: Array(code.utf8), language: .python, role: .source)
        #expect(result.diagnostics.contains { $0.kind == .invalidSuppression && $0.message.contains("not a rule id") })
    }
}

/// Other analyzers' markers that name their own ids: honoured for rules listing those ids.
@Suite struct ForeignIdSuppressionTests {
    func rule(_ language: String, foreignIds: String) -> CompiledRule {
        try! TestSupport.rule("""
        id: sensitive-data/weak
        checklist: sensitive-data
        severity: medium
        languages: [\(language)]
        message: m
        foreign-ids: \(foreignIds)
        pattern: 'weak($X)'
        """)
    }

    func suppressed(_ rule: CompiledRule, _ code: String) -> [Bool] {
        TestSupport.findings(rule, code).map { $0.suppression != nil }
    }

    @Test func noqaNamingTheRulesIdSuppressesIt() {
        let r = rule("python", foreignIds: "[S324, B324]")
        #expect(suppressed(r, "weak(a)  # noqa: S324\n") == [true])
        #expect(suppressed(r, "weak(a)  # noqa: E501, B324\n") == [true])
        #expect(suppressed(r, "weak(a)  # noqa: E501\n") == [false], "another check's id")
        #expect(suppressed(r, "weak(a)  # noqa\n") == [false], "a bare noqa names no check")
    }

    @Test func nolintNamingTheLinterSuppressesIt() {
        let r = rule("go", foreignIds: "[gosec, G401]")
        #expect(suppressed(r, "x := weak(a) //nolint:gosec // the API requires it\n") == [true])
        #expect(suppressed(r, "x := weak(a) //nolint:errcheck\n") == [false])
    }

    @Test func pragmaRegionsSuppressUntilRestored() {
        let r = rule("csharp", foreignIds: "[CA5350, CA5351]")
        #expect(suppressed(r, """
        #pragma warning disable CA5350 // the remote API requires SHA-1
        var h = weak(a);
        #pragma warning restore CA5350
        var k = weak(b);
        """) == [true, false])
        #expect(suppressed(r, """
        #pragma warning disable CA1822, CA5351
        var h = weak(a);
        """) == [true], "an unrestored region runs to the end of the file")
        #expect(suppressed(r, """
        #pragma warning disable CA1822
        var h = weak(a);
        """) == [false], "another warning's id")
    }

    @Test func rulesWithoutForeignIdsIgnoreThem() {
        let r = try! TestSupport.rule("""
        id: sensitive-data/weak
        checklist: sensitive-data
        severity: medium
        languages: [python]
        message: m
        pattern: 'weak($X)'
        """)
        #expect(suppressed(r, "weak(a)  # noqa: S324\n") == [false])
    }
}

/// Markers in files whose findings project analyzers place: source files and OpenAPI documents.
@Suite struct FileSuppressionsTests {
    @Test func yamlCommentsMarkTheirLineAndTheNext() {
        let yaml = """
        paths:
          # backcheck:ignore api-docs/operation-without-route -- served by the gateway
          /orders/{id}:
            get:
              description: "a # in a string is no comment"
          /items: {}  # backcheck:ignore api-docs/openapi-missing-operation-id -- generated
        """
        let markers = FileSuppressions(bytes: Array(yaml.utf8), language: "openapi")
        #expect(markers.suppression(ruleId: "api-docs/operation-without-route", line: 3)?.reason == "served by the gateway")
        #expect(markers.suppression(ruleId: "api-docs/operation-without-route", line: 4) == nil)
        #expect(markers.suppression(ruleId: "api-docs/openapi-missing-operation-id", line: 3) == nil)
        #expect(markers.suppression(ruleId: "api-docs/openapi-missing-operation-id", line: 6)?.line == 6)
        #expect(FileSuppressions.yamlComments(Array(yaml.utf8)).map(\.line) == [2, 6])
    }

    @Test func sourceMarkersComeFromTheLexer() {
        let python = "# backcheck:ignore testing/untested-route -- probed by the load balancer\n@app.get(\"/health\")\ndef health():\n    return \"ok\"\n"
        let markers = FileSuppressions(bytes: Array(python.utf8), language: "python")
        #expect(markers.suppression(ruleId: "testing/untested-route", line: 2) != nil)
        #expect(markers.suppression(ruleId: "testing/untested-route", line: 3) == nil)
    }
}
