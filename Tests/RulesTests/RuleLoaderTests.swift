import BackcheckRules
import Testing

/// Broken rule files fail with the file, the line and what to do.
@Suite struct RuleLoaderTests {
    let valid = """
    id: logging/x
    checklist: logging
    severity: high
    languages: [python]
    message: m
    pattern: print($X)
    """

    func error(_ yaml: String, id: String? = "logging/x") -> RuleError? {
        do {
            _ = try RuleLoader.load(yaml: yaml, file: "Rules/logging/x.yml", expectedId: id)
            return nil
        } catch {
            return error
        }
    }

    @Test func validRuleLoads() throws {
        let rule = try RuleLoader.load(yaml: valid, file: "Rules/logging/x.yml", expectedId: "logging/x")
        #expect(rule.id == "logging/x")
        #expect(rule.confidence == .medium)
    }

    @Test func brokenYAMLNamesFileAndLine() {
        let failure = error("id: logging/x\nchecklist: [unclosed\nseverity: high\n")
        #expect(failure?.file == "Rules/logging/x.yml")
        #expect(failure?.line != nil)
        #expect(failure?.message.contains("invalid YAML") == true)
    }

    @Test func unknownKeyIsReportedAtItsLine() {
        let failure = error(valid + "\nseverty: low")
        #expect(failure?.line == 7)
        #expect(failure?.message.contains("unknown key `severty`") == true)
    }

    @Test func badSeverityListsTheChoices() {
        let failure = error(valid.replacingOccurrences(of: "severity: high", with: "severity: urgent"))
        #expect(failure?.line == 3)
        #expect(failure?.message.contains("info, low, medium, high, critical") == true)
    }

    @Test func idMustMatchPath() {
        #expect(error(valid, id: "logging/y")?.message.contains("must equal its path") == true)
    }

    @Test func invalidRegexIsReported() {
        let failure = error(valid + "\nwhere:\n  X: { regex: '([' }")
        #expect(failure?.line == 8)
        #expect(failure?.message.contains("does not compile") == true)
    }

    @Test func unexplainedMustBeABoolean() {
        let failure = error(valid + "\nwhere:\n  X: { unexplained: maybe }")
        #expect(failure?.line == 8)
        #expect(failure?.message.contains("`unexplained` must be true or false") == true)
    }

    @Test func unifyMustBeABoolean() {
        let failure = error(valid + "\nwhere:\n  X: { unify: sometimes }")
        #expect(failure?.line == 8)
        #expect(failure?.message.contains("`unify` must be true or false") == true)
    }

    @Test func constraintOnUnboundMetavariableIsReported() {
        #expect(error(valid + "\nwhere:\n  Y: { regex: a }")?.message.contains("`Y`") == true)
    }

    @Test func missingPatternIsReported() {
        let yaml = valid.replacingOccurrences(of: "pattern: print($X)", with: "")
        #expect(error(yaml)?.message.contains("exactly one of `pattern`, `any`, `all`") == true)
    }

    @Test func optionsOnAPatternRuleAreReportedAtTheirLine() {
        let failure = error(valid + "\noptions: { min: 2 }")
        #expect(failure?.file == "Rules/logging/x.yml")
        #expect(failure?.line == 7)
        #expect(failure?.message.contains("`options` are settings for an `analyzer` rule") == true)
    }

    @Test func analyzerRulesCarryTheirNameAndOptionsAndNoPattern() throws {
        let analyzer = valid.replacingOccurrences(of: "pattern: print($X)", with: "analyzer: primary-key\noptions: { min: 2 }")
        let rule = try RuleLoader.load(yaml: analyzer, file: "Rules/logging/x.yml", expectedId: "logging/x")
        guard case .analyzer(let name, let options) = rule.matcher else {
            Issue.record("expected an analyzer rule, got \(rule.matcher)")
            return
        }
        #expect(name == "primary-key")
        #expect(options == ["min": "2"])
        #expect(error(valid + "\nanalyzer: primary-key")?.message.contains("an `analyzer` rule has no `pattern`") == true)
    }
}
