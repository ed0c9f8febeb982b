import Yams

/// Typed access to the nodes of one YAML file, turning every mismatch into a `YAMLFileError` at
/// the node's line.
package struct NodeReader: Sendable {
    /// The file the nodes come from, named in every error.
    package let file: String

    package init(file: String) {
        self.file = file
    }

    /// An error at `node`'s line.
    package func error(_ node: Node, _ message: String) -> YAMLFileError {
        YAMLFileError(file: file, line: node.mark?.line, message: message)
    }

    /// `node` as a mapping; `what` says what was expected there.
    package func mapping(_ node: Node, what: String) throws(YAMLFileError) -> Node.Mapping {
        guard let map = node.mapping else { throw error(node, "expected \(what)") }
        return map
    }

    /// The non-empty string under the required `key`.
    package func string(_ map: Node.Mapping, _ key: String) throws(YAMLFileError) -> String {
        guard let node = map[key] else {
            throw YAMLFileError(file: file, line: map.mark?.line, message: "missing required key `\(key)`")
        }
        guard let text = node.string, !text.isEmpty else { throw error(node, "`\(key)` must be a non-empty string") }
        return text
    }

    /// The string under `key`, or nil when the key is absent.
    package func optionalString(_ map: Node.Mapping, _ key: String) throws(YAMLFileError) -> String? {
        guard let node = map[key] else { return nil }
        guard let text = node.string else { throw error(node, "`\(key)` must be a string") }
        return text
    }

    /// The strings under `key`: a list, or a single scalar; empty when the key is absent.
    package func stringList(_ map: Node.Mapping, _ key: String) throws(YAMLFileError) -> [String] {
        try stringItems(map, key).map(\.text)
    }

    /// The strings of a list (or of a single scalar) under `key`, with the node each came from.
    package func stringItems(_ map: Node.Mapping, _ key: String) throws(YAMLFileError) -> [(text: String, node: Node)] {
        guard let node = map[key] else { return [] }
        if let single = node.scalar { return [(single.string, node)] }
        return try stringItems(of: node, key: key)
    }

    /// The strings of `node`, which must be a list (a lone scalar is an error); `key` names it in
    /// errors.
    package func stringList(of node: Node, key: String) throws(YAMLFileError) -> [String] {
        try stringItems(of: node, key: key).map(\.text)
    }

    /// The value under the required `key`, one of `Value`'s raw values.
    package func enumValue<Value: RawRepresentable & CaseIterable>(_ map: Node.Mapping, _ key: String) throws(YAMLFileError) -> Value
    where Value.RawValue == String {
        let text = try string(map, key)
        guard let value = Value(rawValue: text) else {
            let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
            throw error(map[key]!, "`\(key)` must be one of \(allowed), not `\(text)`")
        }
        return value
    }

    private func stringItems(of node: Node, key: String) throws(YAMLFileError) -> [(text: String, node: Node)] {
        guard let items = node.sequence else { throw error(node, "`\(key)` must be a list of strings") }
        var result: [(text: String, node: Node)] = []
        for item in items {
            guard let text = item.string else { throw error(item, "`\(key)` entries must be strings") }
            result.append((text, item))
        }
        return result
    }
}
