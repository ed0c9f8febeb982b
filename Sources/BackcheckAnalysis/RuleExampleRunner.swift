import BackcheckModel
import BackcheckRules

/// Runs a rule's `bad`/`good` examples, and mutations of them, as its tests (the way SwiftLint's
/// examples are its tests): this is what `swift test` and `backcheck rules test` call.
///
/// A `bad` example must yield findings exactly at its `↓` markers (without markers, at least
/// one), for a taint rule in the tier the example names (`tier: audit`, else confirmed). So must
/// its four mutations: after a multibyte comment line its findings move one line
/// down and keep their columns; under a `backcheck:ignore` comment above each finding's line
/// they are all kept but suppressed; commented out, and wrapped in a string literal, it yields
/// none (unless the rule reports strings by what they hold). A `good` example must yield none.
public enum RuleExampleRunner {
    /// One way a rule failed its examples.
    public struct Failure: Sendable, CustomStringConvertible {
        public var ruleId: String
        public var file: String
        /// The YAML line of the example (1 for the rule as a whole).
        public var line: Int
        /// What failed: `bad example`, `bad example inside a string`, `good example`, ….
        public var check: String
        /// The code that was analysed.
        public var code: String
        public var expected: String
        public var actual: String

        public var description: String {
            "\(file):\(line): \(ruleId) \(check): expected \(expected), got \(actual)\n    \(code.replacingOccurrences(of: "\n", with: "\n    "))"
        }
    }

    /// Every failure of `rule`'s examples run through `analyzer`; empty when the rule behaves
    /// as its examples say.
    public static func check(_ rule: Rule, with analyzer: ExampleAnalyzer) -> [Failure] {
        var failures: [Failure] = []
        let examples = rule.examples
        if examples.bad.isEmpty || examples.good.isEmpty {
            failures.append(Failure(ruleId: rule.id, file: rule.file, line: 1, check: "examples", code: "",
                                    expected: "at least one bad and one good example",
                                    actual: "\(examples.bad.count) bad, \(examples.good.count) good"))
        }
        for example in examples.bad {
            let code = ExampleCode(example, language: example.language ?? rule.languages[0])
            failures += bad(code, line: example.line, tier: example.tier ?? .confirmed, rule: rule, analyzer: analyzer)
        }
        for example in examples.good {
            let code = ExampleCode(example, language: example.language ?? rule.languages[0])
            let found = analyzer.findings(code.text, code.language)
            if !found.isEmpty {
                failures.append(Failure(ruleId: rule.id, file: rule.file, line: example.line, check: "good example", code: code.text,
                                        expected: "no findings", actual: "\(found.map { "\($0.start) \($0.message)" })"))
            }
        }
        return failures
    }

    private static func bad(_ example: ExampleCode, line: Int, tier: FindingTier, rule: Rule, analyzer: ExampleAnalyzer) -> [Failure] {
        var failures: [Failure] = []
        func fail(_ check: String, _ code: String, expected: String, actual: String) {
            failures.append(Failure(ruleId: rule.id, file: rule.file, line: line, check: check, code: code,
                                    expected: expected, actual: actual))
        }
        func findings(_ code: String) -> [Finding] { analyzer.findings(code, example.language) }

        let found = findings(example.text)
        let positions = found.map(\.start).sorted()
        if example.markers.isEmpty ? found.isEmpty : positions != example.markers.sorted() {
            fail("bad example", example.text, expected: example.markers.isEmpty ? "a finding" : "findings at \(example.markers)",
                 actual: "\(positions)")
        }
        // A taint rule's findings say their tier; an example says which it must be.
        let tiers = Set(found.compactMap { $0.properties["tier"] })
        if !tiers.isEmpty, tiers != [tier.rawValue] {
            fail("bad example's tier", example.text, expected: "\(tier.rawValue) findings", actual: "\(tiers.sorted()) findings")
        }

        let multibyte = example.afterMultibyteLine
        let shifted = findings(multibyte).map { SourcePosition(line: $0.line - 1, column: $0.column) }.sorted()
        if shifted != positions {
            fail("bad example after a multibyte line", multibyte, expected: "\(positions)", actual: "\(shifted)")
        }

        if analyzer.honoursSuppressions {
            let ignored = example.underIgnore(rule.id, lines: found.map(\.line))
            let underIgnore = findings(ignored)
            let unsuppressed = underIgnore.filter { $0.suppression == nil }.count
            if underIgnore.count != found.count || unsuppressed > 0 {
                fail("bad example under backcheck:ignore", ignored, expected: "\(found.count) suppressed findings",
                     actual: "\(underIgnore.count) findings, \(unsuppressed) unsuppressed")
            }
        }

        let commented = example.commentedOut
        let inComment = findings(commented)
        if !inComment.isEmpty {
            fail("bad example inside comments", commented, expected: "no findings", actual: "\(inComment.map(\.start))")
        }

        if !analyzer.readsStringContents, let quoted = example.insideString {
            let inString = findings(quoted)
            if !inString.isEmpty {
                fail("bad example inside a string", quoted, expected: "no findings", actual: "\(inString.map(\.start))")
            }
        }
        return failures
    }
}
