import BackcheckAnalysis
import BackcheckAPI
import BackcheckRules
import BackcheckSQL

/// A rule's own examples run through the analyzer a scan would use for it: `backcheck rules
/// test` and the test suite call this.
public enum RuleExampleCheck {
    /// Every failure of `rule`'s examples; empty when the rule behaves as its examples say.
    public static func failures(of rule: CompiledRule) -> [RuleExampleRunner.Failure] {
        let analyzer: ExampleAnalyzer = SchemaAnalysis.implements(rule.rule) ? .schema(rule.rule)
            : APIAnalysis.implements(rule.rule) ? .api(rule.rule) : .patterns(rule)
        return RuleExampleRunner.check(rule.rule, with: analyzer)
    }
}
