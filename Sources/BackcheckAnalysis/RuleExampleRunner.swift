import BackcheckLexer
import BackcheckRules
import BackcheckModel

/// Runs a rule's `bad`/`good` examples, and mutations of them, as its tests (the way SwiftLint's
/// examples are its tests): this is what `swift test` and `backcheck rules test` call.
public enum RuleExampleRunner {
    /// One way a rule failed its examples.
    public struct Failure: Sendable, CustomStringConvertible {
        public var ruleId: String
        public var file: String
        public var line: Int
        public var check: String
        public var code: String
        public var expected: String
        public var actual: String

        public init(ruleId: String, file: String, line: Int, check: String, code: String, expected: String, actual: String) {
            self.ruleId = ruleId
            self.file = file
            self.line = line
            self.check = check
            self.code = code
            self.expected = expected
            self.actual = actual
        }

        public var description: String {
            "\(file):\(line): \(ruleId) \(check): expected \(expected), got \(actual)\n    \(code.replacingOccurrences(of: "\n", with: "\n    "))"
        }
    }

    /// Every failure of `rule`'s examples; empty when the rule behaves as its examples say.
    public static func check(_ rule: CompiledRule) -> [Failure] {
        var analyzer = FileAnalyzer(rules: RuleSet(rules: [rule]), secretKey: Array(repeating: 7, count: 32))
        // Examples test patterns, not the rule's `paths:`.
        analyzer.appliesPathFilters = false
        var failures: [Failure] = []
        let meta = rule.rule
        if meta.examples.bad.isEmpty || meta.examples.good.isEmpty {
            failures.append(Failure(ruleId: meta.id, file: meta.file, line: 1, check: "examples", code: "",
                                    expected: "at least one bad and one good example", actual: "\(meta.examples.bad.count) bad, \(meta.examples.good.count) good"))
        }
        for example in meta.examples.bad {
            let language = example.language ?? meta.languages[0]
            let (header, body, markers) = prepared(example, language: language)
            let code = header + body
            func report(_ check: String, _ expected: String, _ actual: String, _ shown: String) {
                failures.append(Failure(ruleId: meta.id, file: meta.file, line: example.line, check: check, code: shown, expected: expected, actual: actual))
            }
            let positions = markers.map { position(of: $0, in: code) }
            let found = findings(analyzer, code, language)
            let actual = found.map(\.start)
            if positions.isEmpty {
                if found.isEmpty { report("bad example", "a finding", "none", code) }
            } else if Set(actual) != Set(positions) || found.count != positions.count {
                report("bad example", "findings at \(positions)", "\(actual)", code)
            }
            // The same code after a line holding a multibyte comment: positions must follow.
            let multibyte = header + comment(" ünïcödé ✓", language) + "\n" + body
            let shifted = findings(analyzer, multibyte, language).map { SourcePosition(line: $0.line - 1, column: $0.column) }
            if shifted.sorted() != actual.sorted() {
                report("bad example after a multibyte line", "\(actual)", "\(shifted)", multibyte)
            }
            // With a suppression comment above each finding's line, every finding is kept but
            // suppressed (the comment lands on a line of the finding's statement or just above it).
            var codeLines = code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for line in Set(found.map(\.line)).sorted(by: >) where line >= 1 && line <= codeLines.count {
                codeLines.insert(comment(" backcheck:ignore \(meta.id) -- example", language), at: line - 1)
            }
            let ignored = codeLines.joined(separator: "\n")
            let underIgnore = findings(analyzer, ignored, language)
            if underIgnore.count != found.count || underIgnore.contains(where: { $0.suppression == nil }) {
                report("bad example under backcheck:ignore", "\(found.count) suppressed findings",
                       "\(underIgnore.count) findings, \(underIgnore.filter { $0.suppression == nil }.count) unsuppressed", ignored)
            }
            // Commented out, the code is no longer code.
            let commented = header + body.split(separator: "\n", omittingEmptySubsequences: false)
                .map { comment(String($0), language) }.joined(separator: "\n")
            let inComment = findings(analyzer, commented, language)
            if !inComment.isEmpty {
                report("bad example inside comments", "no findings", "\(inComment.map(\.start))", commented)
            }
        }
        for example in meta.examples.good {
            let language = example.language ?? meta.languages[0]
            let (header, body, _) = prepared(example, language: language)
            let code = header + body
            let found = findings(analyzer, code, language)
            if !found.isEmpty {
                failures.append(Failure(ruleId: meta.id, file: meta.file, line: example.line, check: "good example", code: code,
                                        expected: "no findings", actual: "\(found.map { "\($0.start) \($0.message)" })"))
            }
        }
        return failures
    }

    private static func findings(_ analyzer: FileAnalyzer, _ code: String, _ language: Language) -> [Finding] {
        analyzer.analyze(path: "example", bytes: Array(code.utf8), language: language).findings
    }

    /// The example's code without markers, split into a header line that must stay first (PHP's
    /// open tag) and the body; marker offsets count from the header's start.
    private static func prepared(_ example: Example, language: Language) -> (header: String, body: String, markers: [Int]) {
        let (code, markers) = example.stripped
        guard language == .php, !code.contains("<?php") else { return ("", code, markers) }
        let header = "<?php\n"
        return (header, code, markers.map { $0 + header.utf8.count })
    }

    private static func comment(_ text: String, _ language: Language) -> String {
        switch language {
        case .python, .ruby: "#" + text
        case .sql: "--" + text
        default: "//" + text
        }
    }

    private static func position(of offset: Int, in code: String) -> SourcePosition {
        let bytes = Array(code.utf8)
        return LineStarts(bytes).position(ofByte: offset, in: bytes)
    }
}
