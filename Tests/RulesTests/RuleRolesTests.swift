import BackcheckAnalysis
import BackcheckModel
import BackcheckRules
import BackcheckWalk
import Testing

/// Rules' `roles:`: the per-checklist defaults, the key, and FileAnalyzer running only the rules
/// of a file's role.
@Suite struct RuleRolesTests {
    let yaml = """
    id: logging/x
    checklist: logging
    severity: high
    languages: [python]
    message: m
    pattern: print($X)
    """

    @Test func defaultsComeFromTheChecklistItem() throws {
        let rule = try RuleLoader.load(yaml: yaml, file: "x.yml", expectedId: nil)
        #expect(rule.roles == [.source, .generated, .vendored, .minified])
        #expect(ChecklistItem.sensitiveData.defaultRoles == [.source, .generated, .vendored, .minified, .migration, .frontend])
        #expect(!ChecklistItem.errorHandling.defaultRoles.contains(.frontend))
    }

    @Test func theKeyOverridesTheDefaults() throws {
        let rule = try RuleLoader.load(yaml: yaml + "\nroles: [test, fixture]", file: "x.yml", expectedId: nil)
        #expect(rule.roles == [.test, .fixture])
    }

    @Test func unknownRolesAreErrorsAtTheirLine() {
        do {
            _ = try RuleLoader.load(yaml: yaml + "\nroles: [source, tests]", file: "x.yml", expectedId: nil)
            Issue.record("loaded a rule with an unknown role")
        } catch {
            #expect(error.line == 7)
            #expect(error.message.contains("unknown file role `tests`"))
        }
    }

    @Test func analyzerRunsOnlyTheRulesOfTheFilesRole() throws {
        let rule = try CompiledRule(RuleLoader.load(yaml: yaml, file: "x.yml", expectedId: nil))
        var analyzer = FileAnalyzer(rules: RuleSet(rules: [rule]), secretKey: Array(repeating: 1, count: 32))
        let code = Array("print(token)\n".utf8)
        let source = analyzer.analyze(path: "app/x.py", bytes: code, language: .python, role: .source).findings
        #expect(source.map(\.fileRole) == [.source])
        #expect(analyzer.analyze(path: "tests/x.py", bytes: code, language: .python, role: .test).findings.isEmpty)
        #expect(analyzer.analyze(path: "app/x.py", bytes: code, language: .python, role: .vendored).findings.map(\.fileRole) == [.vendored])
        analyzer.appliesFileFilters = false
        #expect(analyzer.analyze(path: "tests/x.py", bytes: code, language: .python, role: .test).findings.count == 1)
    }

    /// The paths the pack's rules used to list under `paths: exclude:` are tests or fixtures,
    /// and no built-in rule applies to tests, fixtures or docs.
    static let formerlyExcluded = [
        "tests/a.py", "test/a.js", "spec/a_spec.rb", "__tests__/a.js", "testdata/a.go", "fixtures/a.py",
        "test_a.py", "test_helpers/a.rb", "a/b/test_a.py", "a_test.go", "a.test.ts", "a.spec.js", "a_spec.rb",
        "AuthTest.java", "AuthTest.kt", "AuthTests.cs", "AuthTest.cs", "AuthTest.php", "AppTests/a.swift",
        "factories/a.py", "seeds/a.rb", "seeders/a.php", "conftest.py", "app/conftest.py",
    ]

    @Test func packRulesSkipWhatTheirTestExcludesDid() throws {
        let classifier = FileRoleClassifier()
        for path in Self.formerlyExcluded {
            #expect([.test, .fixture].contains(classifier.classify(path: path).role), "\(path)")
        }
        // The testing and api-docs rules read tests and documents by design.
        for compiled in try RuleSet.builtIn().rules where ![.testing, .apiDocs].contains(compiled.rule.checklist) {
            #expect(compiled.rule.roles.isDisjoint(with: [.test, .fixture, .docs]), "\(compiled.rule.id)")
        }
    }
}
