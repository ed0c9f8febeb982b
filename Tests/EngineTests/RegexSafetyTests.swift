import BackcheckEngine
import BackcheckRules
import Testing
import TestSupport

/// Regexes that could stall an audit are refused when a rule loads, naming the rule's line.
@Suite struct RegexSafetyTests {
    @Test(arguments: ["(a+)+$", "^(\\w+\\s?)*$", "((ab)*)+", "(?:x|(y+))*z", "(a*){2,}", "(?i:([a-z]+)*)!"])
    func nestedUnboundedRepetitionIsRefused(_ source: String) {
        #expect(RegexSafety.nestedRepetition(in: source) != nil, "\(source)")
    }

    @Test(arguments: ["^[A-Z]\\w*(?:::[A-Z]\\w*)*$", "^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$", "(ab)+", "(a+b)+", "(a{1,64})+", "[(a+)+]",
                      "\\(a+\\)+", "^(?:\"[^\"]*\"\\s*,\\s*)*$", "(a+)?", "(?:ab|cd)*"])
    func repetitionsWithAFixedPartAreAllowed(_ source: String) {
        #expect(RegexSafety.nestedRepetition(in: source) == nil, "\(source)")
    }

    @Test func aRuleWithSuchARegexFailsToLoadAtItsLine() {
        let yaml = """
        id: logging/custom
        checklist: logging
        severity: low
        languages: [python]
        message: m
        pattern: log($X)
        where:
          X: { regex: '^(\\w+\\s?)*$' }
        """
        #expect {
            try TestSupport.rule(yaml)
        } throws: { error in
            let text = "\(error)"
            return text.contains("test.yml:8") && text.contains("repeats a group that repeats")
        }
    }
}
