import BackcheckEngine
import BackcheckYAML
import Yams

extension NodeReader {
    /// The regex `node` holds, compiled; rule `where` clauses are its only users.
    func regex(_ node: Node) throws(RuleError) -> CompiledRegex {
        guard let text = node.string else { throw error(node, "a regex must be a string") }
        do {
            return try CompiledRegex(text)
        } catch {
            throw self.error(node, "regex `\(text)` does not compile: \(error.reason)")
        }
    }
}
