import BackcheckReport
import BackcheckRules
import Foundation
import Testing
import TestSupport

/// README's rule table is generated from the pack; it must not drift from it.
@Suite struct RulesTableTests {
    @Test func readmeTableMatchesThePack() throws {
        let readme = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "<!-- rules-table:start -->\n"))
        let end = try #require(readme.range(of: "<!-- rules-table:end -->"))
        let table = String(readme[start.upperBound..<end.lowerBound])
        let generated = RuleCatalogFormatter.markdown(try RuleSet.builtIn().rules.map(\.rule))
        #expect(table == generated, "README.md's rule table is out of date: run scripts/update-rules-table.sh")
    }
}
