@testable import BackcheckAnalysis
import BackcheckLexer
import BackcheckModel
import BackcheckRules
import BackcheckScan
import Testing
import TestSupport

/// The example runner itself: a rule that is wrong in one way fails exactly the check that looks
/// for that way, so each test fails if its mutation were not applied.
@Suite struct RuleExampleRunnerTests {
    /// A Python rule whose examples are `bad` and `good` (block scalars, so quotes need no care).
    static func rule(_ matcher: String, bad: [String], good: [String] = ["evaluate(x)"]) throws -> CompiledRule {
        func list(_ items: [String]) -> String {
            guard !items.isEmpty else { return " []" }
            return items.map { "\n    - |-\n" + $0.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 }.joined(separator: "\n") }
                .joined()
        }
        return try TestSupport.rule("""
        id: input-validation/x
        checklist: input-validation
        severity: high
        languages: [python]
        message: m
        \(matcher)
        examples:
          bad:\(list(bad))
          good:\(list(good))
        """)
    }

    static let evalRule = "pattern: eval($X)"

    /// A stand-in analyzer reporting every `eval` that `select` picks out of the file, at the
    /// position `position` gives a byte offset, never suppressed.
    static func analyzer(
        honoursSuppressions: Bool = false,
        select: @escaping @Sendable (LexedFile) -> [Int] = Self.evalTokens,
        position: @escaping @Sendable (LexedFile, Int) -> SourcePosition = { $0.position(ofByte: $1) }
    ) -> ExampleAnalyzer {
        ExampleAnalyzer(honoursSuppressions: honoursSuppressions, readsStringContents: false) { code, language in
            let file = LexedFile(bytes: Array(code.utf8), language: language)
            return select(file).map { offset in
                let start = position(file, offset)
                return Finding(ruleId: "input-validation/x", checklist: .inputValidation, severity: .high, confidence: .high,
                               path: "example", line: start.line, column: start.column, endLine: start.line,
                               endColumn: start.column + 4, message: "m", snippet: "", fingerprint: "")
            }
        }
    }

    /// `eval` identifiers: a correct analyzer.
    @Sendable static func evalTokens(_ file: LexedFile) -> [Int] {
        file.buffer.tokens.indices.filter { file.text(ofTokens: $0..<($0 + 1)) == "eval" }.map { Int(file.buffer.tokens[$0].start) }
    }

    /// Every `eval(` in the text, comments and strings included.
    @Sendable static func evalText(_ file: LexedFile) -> [Int] {
        let needle = Array("eval(".utf8)
        return file.bytes.indices.filter { file.bytes[$0...].starts(with: needle) }
    }

    func checks(_ rule: CompiledRule, _ analyzer: ExampleAnalyzer) -> [String] {
        RuleExampleRunner.check(rule.rule, with: analyzer).map(\.check)
    }

    @Test func aCorrectRulePassesEveryMutation() throws {
        let rule = try Self.rule(Self.evalRule, bad: ["↓eval(request.args[\"q\"])", "def f(x):\n    return ↓eval(x)"])
        #expect(RuleExampleCheck.failures(of: rule).map(\.description) == [])
        #expect(!rule.readsStringContents)
    }

    @Test func aMisplacedMarkerFailsTheBadExample() throws {
        let rule = try Self.rule(Self.evalRule, bad: ["eval(↓x)"])
        let failures = RuleExampleCheck.failures(of: rule)
        #expect(failures.map(\.check) == ["bad example"])
        #expect(failures.first?.expected == "findings at [1:6]")
        #expect(failures.first?.actual == "[1:1]")
    }

    @Test func aBadExampleWithoutMarkersNeedsAFinding() throws {
        let rule = try Self.rule(Self.evalRule, bad: ["exec(x)"])
        #expect(RuleExampleCheck.failures(of: rule).map(\.expected) == ["a finding"])
    }

    @Test func aGoodExampleMustYieldNothingAndBothKindsAreNeeded() throws {
        let rule = try Self.rule(Self.evalRule, bad: ["↓eval(x)"], good: ["eval(y)"])
        #expect(RuleExampleCheck.failures(of: rule).map(\.check) == ["good example"])
        let noGood = try Self.rule(Self.evalRule, bad: ["↓eval(x)"], good: [])
        #expect(RuleExampleCheck.failures(of: noGood).map(\.check) == ["examples"])
    }

    @Test func positionsCountedFromTheFileStartFailAfterAMultibyteLine() throws {
        let rule = try Self.rule(Self.evalRule, bad: ["↓eval(x)"])
        let byteColumns = Self.analyzer(position: { file, offset in
            SourcePosition(line: file.position(ofByte: offset).line, column: offset + 1)
        })
        #expect(checks(rule, byteColumns) == ["bad example after a multibyte line"])
    }

    @Test func findingsThatIgnoreSuppressionCommentsFailTheIgnoreMutation() throws {
        let rule = try Self.rule(Self.evalRule, bad: ["↓eval(x)"])
        #expect(checks(rule, Self.analyzer(honoursSuppressions: true)) == ["bad example under backcheck:ignore"])
        #expect(checks(rule, Self.analyzer(honoursSuppressions: false)) == [])
    }

    @Test func aRuleFiringInCommentsAndStringsFailsBothMutations() throws {
        let rule = try Self.rule(Self.evalRule, bad: ["↓eval(x)"])
        #expect(checks(rule, Self.analyzer(select: Self.evalText)) == ["bad example inside comments", "bad example inside a string"])
    }

    @Test func aRuleFiringInStringsOnlyFailsTheStringMutation() throws {
        let rule = try Self.rule(Self.evalRule, bad: ["↓eval(x)", "y = 1\n↓eval(y)"])
        let outsideComments = Self.analyzer(select: { file in
            let comments = file.buffer.comments.map(\.range)
            return Self.evalText(file).filter { offset in !comments.contains { $0.contains(offset) } }
        })
        #expect(checks(rule, outsideComments) == ["bad example inside a string", "bad example inside a string"])
    }

    @Test func aRuleReadingStringContentsMayMatchTheWrappedExample() throws {
        let rule = try Self.rule("pattern: '\"$S\"'\nwhere:\n  S: { regex: 'eval\\(' }",
                                 bad: ["x = ↓\"eval(y)\""], good: ["x = \"safe\""])
        #expect(rule.readsStringContents)
        #expect(RuleExampleCheck.failures(of: rule).isEmpty)
        var strict = ExampleAnalyzer.patterns(rule)
        strict.readsStringContents = false
        #expect(checks(rule, strict) == ["bad example inside a string"])
    }

    @Test func schemaRulesRunTheirExamplesThroughTheSchemaAnalysis() throws {
        func schemaRule(_ bad: String) throws -> CompiledRule {
            try TestSupport.rule("""
            id: query-performance/x
            checklist: query-performance
            severity: low
            languages: [sql]
            analyzer: primary-key
            message: m
            examples:
              bad: ['\(bad)']
              good: ['CREATE TABLE t (id BIGINT PRIMARY KEY);']
            """)
        }
        // No suppression check: schema findings do not read `backcheck:ignore` comments.
        #expect(RuleExampleCheck.failures(of: try schemaRule("CREATE TABLE ↓t (at TIMESTAMP);")).isEmpty)
        #expect(RuleExampleCheck.failures(of: try schemaRule("CREATE ↓TABLE t (at TIMESTAMP);")).map(\.check) == ["bad example"])
    }

    static let tricky = [
        "eval(x)\ny = 'a' + \"b\"",
        "eval(x) + \"q\\\"\" + 'r\\\\' + `t` + ${u} + $v + \"\"\"w\"\"\" + '''w2''' + #{y} + \\(z) + \\#(z2) + \"\"\"#",
        "eval(x)\nBACKCHECK_EXAMPLE\n?> <?php w()\\",
    ]

    @Test(arguments: Language.allCases)
    func theStringMutationHoldsTheWholeExampleInOneLiteral(language: Language) {
        for code in Self.tricky {
            let header = language == .php ? "<?php\n" : ""
            let literal = header + ExampleCode.stringLiteral(holding: code, language: language)
            let tokens = Lexer.tokenize(Array(literal.utf8), language: language).tokens
            #expect(!tokens.isEmpty && tokens.allSatisfy { $0.kind == .string || $0.kind == .punctuation },
                    "\(language): \(literal)")
            #expect(tokens.filter { $0.kind == .punctuation }.count <= (language == .php ? 1 : 0), "\(language): \(literal)")
        }
    }
}
