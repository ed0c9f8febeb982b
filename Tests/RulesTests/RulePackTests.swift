import BackcheckAnalysis
import BackcheckRules
import BackcheckScan
import Testing

/// The built-in pack: every rule loads, is catalogued properly, and passes its own examples
/// (plus the mutations `RuleExampleRunner` applies).
@Suite struct RulePackTests {
    static let pack: RuleSet = {
        do { return try RuleSet.builtIn() } catch { fatalError("built-in rule pack does not load:\n\(error)") }
    }()

    static var ruleIDs: [String] { pack.rules.map(\.rule.id) }

    @Test func packLoadsAndCoversTheFirstChecklistItems() {
        let items = Set(Self.pack.rules.map(\.rule.checklist))
        #expect(items.contains(.sensitiveData))
        #expect(items.contains(.logging))
    }

    @Test(arguments: ruleIDs)
    func ruleExamples(_ id: String) throws {
        let rule = try #require(Self.pack.rules.first { $0.rule.id == id })
        let failures = RuleExampleCheck.failures(of: rule)
        #expect(failures.isEmpty, "\(failures.map(\.description).joined(separator: "\n"))")
    }

    @Test(arguments: ruleIDs)
    func catalogEntry(_ id: String) throws {
        let rule = try #require(Self.pack.rules.first { $0.rule.id == id }).rule
        #expect(rule.file == "Rules/\(id).yml")
        #expect(!rule.help.isEmpty, "\(id) needs a help text saying how to fix it")
        #expect(!rule.cwe.isEmpty, "\(id) needs CWE metadata")
        #expect(rule.examples.bad.count >= 1 && rule.examples.good.count >= 1)
    }
}
