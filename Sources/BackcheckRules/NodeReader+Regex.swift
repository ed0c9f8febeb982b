import BackcheckEngine
import BackcheckYAML
import Yams

extension NodeReader {
    /// The regex `node` holds, compiled; rule `where` clauses are its only users.
    func regex(_ node: Node) throws(RuleError) -> CompiledRegex {
        guard let text = node.string else { throw error(node, "a regex must be a string") }
        if let part = RegexSafety.nestedRepetition(in: text) {
            throw error(node, "regex `\(text)` repeats a group that repeats (`\(part)`): its matching time can explode on a long operand; "
                + "repeat the inner part only (`(ab)+` for `(a+b)+`) or bound it (`{1,64}`)")
        }
        do {
            return try CompiledRegex(text)
        } catch {
            throw self.error(node, "regex `\(text)` does not compile: \(error.reason)")
        }
    }
}
