import BackcheckModel
import BackcheckYAML
import Yams

extension RuleLoader {
    /// `roles:` — the file roles the rule applies to, or nil for its checklist item's defaults.
    static func fileRoles(_ node: Node?, reader: NodeReader) throws(RuleError) -> Set<FileRole>? {
        guard let node else { return nil }
        guard let items = node.sequence, !items.isEmpty else {
            throw reader.error(node, "`roles` must be a non-empty list of file roles, e.g. [source, migration]")
        }
        var roles = Set<FileRole>()
        for item in items {
            guard let role = item.string.flatMap(FileRole.init(rawValue:)) else {
                throw reader.error(item, "unknown file role `\(item.string ?? "")`; one of: \(FileRole.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            roles.insert(role)
        }
        return roles
    }
}
