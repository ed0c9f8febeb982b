import BackcheckModel
import BackcheckYAML
import Yams

extension ConfigLoader {
    /// `tiers: [confirmed, audit]`: which tiers of taint rules report. `confirmed` cannot be left
    /// out: turning a rule off is `rules.disable`.
    static func tiers(_ node: Node, reader: NodeReader) throws(ConfigError) -> Set<FindingTier> {
        let names = FindingTier.allCases.map(\.rawValue).joined(separator: ", ")
        guard let items = node.sequence else {
            throw reader.error(node, "`tiers` must be a list of tiers, e.g. [confirmed, audit]; one of: \(names)")
        }
        var tiers = Set<FindingTier>()
        for item in items {
            guard let tier = item.string.flatMap(FindingTier.init(rawValue:)) else {
                throw reader.error(item, "unknown tier `\(item.string ?? "")` in `tiers`; one of: \(names)")
            }
            tiers.insert(tier)
        }
        guard tiers.contains(.confirmed) else {
            throw reader.error(node, "`tiers` must keep `confirmed` (request input reaches the sink); to turn a rule off, list it in `rules.disable`")
        }
        return tiers
    }
}
