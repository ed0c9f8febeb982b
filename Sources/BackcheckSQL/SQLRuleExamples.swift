import BackcheckAnalysis
import BackcheckLexer
import BackcheckRules
import BackcheckModel

/// Runs the examples of analyzer rules, whose `bad` and `good` snippets are SQL schemas (and
/// queries): each `bad` must yield findings exactly at its `↓` markers, also after a multibyte
/// line, and none once commented out; each `good` must yield none.
public enum SQLRuleExamples {
    /// The failures of `rule`'s examples, or nil when `rule` is not a schema analyzer rule.
    public static func check(_ rule: CompiledRule) -> [RuleExampleRunner.Failure]? {
        let meta = rule.rule
        guard SchemaAnalysis.implements(meta) else { return nil }
        var failures: [RuleExampleRunner.Failure] = []
        func fail(_ example: Example?, _ check: String, _ code: String, _ expected: String, _ actual: String) {
            failures.append(RuleExampleRunner.Failure(ruleId: meta.id, file: meta.file, line: example?.line ?? 1, check: check,
                                                      code: code, expected: expected, actual: actual))
        }
        if meta.examples.bad.isEmpty || meta.examples.good.isEmpty {
            fail(nil, "examples", "", "at least one bad and one good example",
                 "\(meta.examples.bad.count) bad, \(meta.examples.good.count) good")
        }
        for example in meta.examples.bad {
            let (code, markers) = example.stripped
            let expected = markers.map { position(of: $0, in: code) }
            let found = positions(code, rule: meta)
            if expected.isEmpty ? found.isEmpty : found.sorted() != expected.sorted() {
                fail(example, "bad example", code, expected.isEmpty ? "a finding" : "findings at \(expected)", "\(found)")
            }
            let shifted = positions("-- ünïcödé ✓\n" + code, rule: meta).map { SourcePosition(line: $0.line - 1, column: $0.column) }
            if shifted.sorted() != found.sorted() {
                fail(example, "bad example after a multibyte line", code, "\(found)", "\(shifted)")
            }
            let commented = code.split(separator: "\n", omittingEmptySubsequences: false).map { "-- " + $0 }.joined(separator: "\n")
            let inComment = positions(commented, rule: meta)
            if !inComment.isEmpty { fail(example, "bad example inside comments", commented, "no findings", "\(inComment)") }
        }
        for example in meta.examples.good {
            let code = example.stripped.code
            let found = positions(code, rule: meta)
            if !found.isEmpty { fail(example, "good example", code, "no findings", "\(found)") }
        }
        return failures
    }

    /// Where the findings of `rule` on one SQL text start.
    static func positions(_ code: String, rule: Rule) -> [SourcePosition] {
        let bytes = Array(code.utf8)
        guard let facts = SQLFactExtractor.extract(path: "example.sql", bytes: bytes, language: .sql) else { return [] }
        return SchemaAnalysis.findings(facts: [facts], rules: [rule], lineText: { _, _ in "" }).map(\.start)
    }

    private static func position(of offset: Int, in code: String) -> SourcePosition {
        let bytes = Array(code.utf8)
        return LineStarts(bytes).position(ofByte: offset, in: bytes)
    }
}
