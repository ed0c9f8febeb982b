import BackcheckModel
import BackcheckRules
import Testing

/// Rule `paths:` are path patterns; one written for the fnmatch dialect, where `*` crossed `/`,
/// loads only when it still selects what it selected.
@Suite struct RulePathsTests {
    func load(paths: String) throws(RuleError) -> Rule {
        try RuleLoader.load(yaml: """
            id: logging/x
            checklist: logging
            severity: high
            languages: [python]
            message: m
            paths:
            \(paths)
            pattern: print($X)
            """, file: "Rules/logging/x.yml", expectedId: "logging/x")
    }

    func error(paths: String) -> RuleError? {
        do {
            _ = try load(paths: paths)
            return nil
        } catch {
            return error
        }
    }

    @Test func aPatternWhoseStarCrossedFoldersIsRefusedWithARewrite() {
        let failure = error(paths: "  exclude:\n    - \"*.test.*\"\n    - \"*/tests/*\"")
        #expect(failure?.line == 9)
        #expect(failure?.message.contains("`*/tests/*` means something else") == true)
        #expect(failure?.message.contains("selected `d/e/tests/f` before") == true)
        #expect(failure?.message.contains("Write `*/**/tests/**`") == true)
    }

    @Test func aNameThatNowMatchesAtAnyDepthIsRefused() {
        let failure = error(paths: "  include: [\"settings.py\"]")
        #expect(failure?.line == 7)
        #expect(failure?.message.contains("now selects `d/settings.py`") == true)
        #expect(failure?.message.contains("Write `/settings.py`") == true)
    }

    @Test func aPatternWithoutASimpleRewriteSaysHowToFixIt() {
        let failure = error(paths: "  include: [\"*settings*.py\"]")
        #expect(failure?.message.contains("Rewrite it with `**/`") == true)
    }

    @Test(arguments: ["*.py", "*_test.*", "*Test.java", "tests/*", "tests/", "/settings.py", "**/tests/**", "*dev*"])
    func patternsThatMeanTheSameOrSayTheNewDialectLoad(pattern: String) throws {
        let rule = try load(paths: "  exclude: [\"\(pattern)\"]")
        #expect(rule.paths.exclude.map(\.source) == [pattern])
    }

    @Test func anEmptyPatternIsRefused() {
        #expect(error(paths: "  exclude: [\"\"]")?.message.contains("matches nothing") == true)
    }

    @Test func theFilterReadsPatternsAsGitignoreDoes() throws {
        let rule = try load(paths: "  include: [\"**/*settings*.py\"]\n  exclude: [\"tests/\", \"*_local*\"]")
        #expect(rule.paths.accepts("shop/settings.py"))
        #expect(rule.paths.accepts("settings.py"))
        #expect(!rule.paths.accepts("shop/settings/base.py"))
        #expect(!rule.paths.accepts("shop/tests/settings.py"))
        #expect(!rule.paths.accepts("settings_local.py"))
        #expect(!rule.paths.accepts("shop/views.py"))
    }
}
