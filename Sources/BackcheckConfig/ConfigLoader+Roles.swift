import BackcheckModel
import BackcheckYAML
import Yams

/// The file-role keys (README, "File roles"): `roles:` re-classifies files, `skip-roles:` says
/// which roles are recorded as skipped instead of analysed.
extension ConfigLoader {
    /// `roles:` — role → list of path patterns, kept in file order so the last entry that
    /// selects a file wins.
    static func roleOverrides(_ node: Node, reader: NodeReader) throws(ConfigError) -> [FileRoleOverride] {
        guard let entries = node.mapping else {
            throw reader.error(node, "`roles` maps roles to lists of path patterns, e.g. `vendored: [\"web/legacy/**\"]`")
        }
        var overrides: [FileRoleOverride] = []
        for (roleNode, patternsNode) in entries {
            let role = try fileRole(roleNode, key: "roles", reader: reader)
            guard let items = patternsNode.sequence else {
                throw reader.error(patternsNode, "`roles.\(role.rawValue)` must be a list of path patterns")
            }
            for item in items {
                guard let text = item.string, let pattern = PathPattern(text) else {
                    throw reader.error(item, "`roles.\(role.rawValue)` entries must be path patterns (gitignore syntax), e.g. \"web/legacy/**\"")
                }
                overrides.append(FileRoleOverride(pattern: pattern, role: role))
            }
        }
        return overrides
    }

    /// `skip-roles:` — a list of roles.
    static func skippedRoles(_ node: Node, reader: NodeReader) throws(ConfigError) -> Set<FileRole> {
        guard let items = node.sequence else {
            throw reader.error(node, "`skip-roles` must be a list of roles, e.g. [vendored, minified, generated]")
        }
        var roles = Set<FileRole>()
        for item in items { roles.insert(try fileRole(item, key: "skip-roles", reader: reader)) }
        return roles
    }

    private static func fileRole(_ node: Node, key: String, reader: NodeReader) throws(ConfigError) -> FileRole {
        guard let role = node.string.flatMap(FileRole.init(rawValue:)) else {
            throw reader.error(node, "unknown role `\(node.string ?? "")` in `\(key)`; one of: \(FileRole.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return role
    }
}
