import Foundation
import Yams
import BackcheckEngine

/// Typed access to a YAML rule node, turning every mismatch into a `RuleError` at the node's line.
struct NodeReader {
    let file: String

    func error(_ node: Node, _ message: String) -> RuleError {
        RuleError(file: file, line: node.mark?.line, message: message)
    }

    func mapping(_ node: Node, what: String) throws(RuleError) -> Node.Mapping {
        guard let map = node.mapping else { throw error(node, "expected \(what)") }
        return map
    }

    func string(_ map: Node.Mapping, _ key: String) throws(RuleError) -> String {
        guard let node = map[key] else {
            throw RuleError(file: file, line: map.mark?.line, message: "missing required key `\(key)`")
        }
        guard let text = node.string, !text.isEmpty else { throw error(node, "`\(key)` must be a non-empty string") }
        return text
    }

    func optionalString(_ map: Node.Mapping, _ key: String) throws(RuleError) -> String? {
        guard let node = map[key] else { return nil }
        guard let text = node.string else { throw error(node, "`\(key)` must be a string") }
        return text
    }

    func stringList(_ map: Node.Mapping, _ key: String) throws(RuleError) -> [String] {
        try stringItems(map, key).map(\.text)
    }

    /// The strings of a list (or of a single scalar) with the node each came from.
    func stringItems(_ map: Node.Mapping, _ key: String) throws(RuleError) -> [(text: String, node: Node)] {
        guard let node = map[key] else { return [] }
        if let single = node.scalar { return [(single.string, node)] }
        guard let items = node.sequence else { throw error(node, "`\(key)` must be a list of strings") }
        var result: [(text: String, node: Node)] = []
        for item in items {
            guard let text = item.string else { throw error(item, "`\(key)` entries must be strings") }
            result.append((text, item))
        }
        return result
    }

    func enumValue<Value: RawRepresentable & CaseIterable>(_ map: Node.Mapping, _ key: String) throws(RuleError) -> Value
    where Value.RawValue == String {
        let text = try string(map, key)
        guard let value = Value(rawValue: text) else {
            let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
            throw error(map[key]!, "`\(key)` must be one of \(allowed), not `\(text)`")
        }
        return value
    }

    func regex(_ node: Node) throws(RuleError) -> CompiledRegex {
        guard let text = node.string else { throw error(node, "a regex must be a string") }
        do {
            return try CompiledRegex(text)
        } catch {
            throw self.error(node, "regex `\(text)` does not compile: \(error.reason)")
        }
    }
}
