import BackcheckAnalysis
import BackcheckRules
import Testing
import BackcheckModel

/// Built-in rules whose `paths:` leave out jobs an operator runs: a Django management command's
/// or a Laravel console command's query per row is not a request's N+1.
@Suite struct OperatorJobPathTests {
    static let loop = """
        def prune(checks):
            for check in checks:
                if not Check.objects.filter(id=check.id).exists():
                    continue
        """

    static let phpLoop = """
        <?php
        foreach ($ids as $id) {
            $entry = Entry::find($id);
            $entry?->delete();
        }
        """

    static func rules(at path: String, code: String = loop, language: Language = .python) throws -> [String] {
        let analyzer = FileAnalyzer(rules: try RuleSet.builtIn(), secretKey: Array(repeating: 7, count: 32))
        return analyzer.analyze(path: path, bytes: Array(code.utf8), language: language, role: .source).findings.map(\.ruleId)
    }

    @Test func managementCommandsAreNotCheckedForQueriesInLoops() throws {
        #expect(try Self.rules(at: "hc/api/services/prune.py").contains("query-performance/query-in-loop-python"))
        #expect(try !Self.rules(at: "hc/api/management/commands/prune.py").contains("query-performance/query-in-loop-python"))
    }

    @Test func consoleCommandsAreNotCheckedForQueriesInLoops() throws {
        let rule = "query-performance/query-in-loop-php"
        #expect(try Self.rules(at: "app/Services/Cleanup.php", code: Self.phpLoop, language: .php).contains(rule))
        #expect(try !Self.rules(at: "app/Console/Commands/PruneEntries.php", code: Self.phpLoop, language: .php).contains(rule))
        #expect(try !Self.rules(at: "src/Command/PruneCommand.php", code: Self.phpLoop, language: .php).contains(rule))
    }
}
