import BackcheckModel
import BackcheckRules

/// What a rule's examples run through: the findings of one snippet, as a scan would report
/// them, and what those findings are expected to honour.
public struct ExampleAnalyzer: Sendable {
    /// Whether `backcheck:ignore` comments suppress the findings (a scan applies them to pattern
    /// findings; schema findings do not read comments).
    public var honoursSuppressions: Bool
    /// Whether the rule may rightly match a string literal that holds an example (see
    /// ``CompiledRule/readsStringContents``).
    public var readsStringContents: Bool
    /// The findings of `code` read as `language`.
    public var findings: @Sendable (_ code: String, _ language: Language) -> [Finding]

    public init(honoursSuppressions: Bool, readsStringContents: Bool,
                findings: @escaping @Sendable (_ code: String, _ language: Language) -> [Finding]) {
        self.honoursSuppressions = honoursSuppressions
        self.readsStringContents = readsStringContents
        self.findings = findings
    }

    /// A pattern rule through ``FileAnalyzer``, with suppressions, but not its `paths:` and
    /// `roles:` filters: examples test the patterns.
    public static func patterns(_ rule: CompiledRule) -> ExampleAnalyzer {
        var analyzer = FileAnalyzer(rules: RuleSet(rules: [rule]), secretKey: Array(repeating: 7, count: 32))
        analyzer.appliesFileFilters = false
        return ExampleAnalyzer(honoursSuppressions: true, readsStringContents: rule.readsStringContents) { [analyzer] code, language in
            analyzer.analyze(path: "example", bytes: Array(code.utf8), language: language, role: .source).findings
        }
    }
}
