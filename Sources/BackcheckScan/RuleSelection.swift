import BackcheckAnalysis
import BackcheckConfig
import BackcheckRulePack
import BackcheckRules
import Crypto
import Foundation
import BackcheckModel

/// The rules an audit runs: the built-in pack plus the config's rule folders, minus disabled
/// rules, with severity overrides applied; and a hash that identifies that rule set in scans.
public struct RuleSelection: Sendable {
    public let rules: RuleSet
    /// Identifies the rule set in scans: a file analysed under the same hash need not be analysed again.
    public let hash: String

    public init(configuration: Configuration, root: String) throws(ScanError) {
        var hasher = SHA256()
        for file in EmbeddedPack.ruleFiles {
            hasher.update(data: Array(file.path.utf8))
            hasher.update(data: file.contents)
        }
        let rules: RuleSet
        do {
            rules = try RuleSet.builtIn(plus: configuration.ruleFolders, root: root)
        } catch {
            throw .rules(error)
        }
        // The files' contents, not just their names: an edited custom rule is a new rule set.
        for folder in configuration.ruleFolders {
            for file in RuleSet.ruleFiles(in: RuleSet.folderPath(folder, root: root)) ?? [] {
                hasher.update(data: Array(file.path.utf8))
                hasher.update(data: file.bytes)
            }
        }
        // Language overrides decide which rules a file meets.
        for (key, language) in configuration.languages.sorted(by: { $0.key < $1.key }) {
            hasher.update(data: Array("language \(key) \(language.rawValue)".utf8))
        }
        // Roles decide which rules a file meets, and whether it is read at all.
        for entry in configuration.roles { hasher.update(data: Array("role \(entry.role.rawValue) \(entry.pattern)".utf8)) }
        for role in configuration.skippedRoles.map(\.rawValue).sorted() { hasher.update(data: Array("skip-role \(role)".utf8)) }
        for rule in configuration.disabledRules.sorted() { hasher.update(data: Array("disable \(rule)".utf8)) }
        for tier in configuration.tiers.map(\.rawValue).sorted() { hasher.update(data: Array("tier \(tier)".utf8)) }
        for (rule, severity) in configuration.severityOverrides.sorted(by: { $0.key < $1.key }) {
            hasher.update(data: Array("severity \(rule) \(severity.rawValue)".utf8))
        }
        self.rules = rules.configured(disabled: configuration.disabledRules, severities: configuration.severityOverrides,
                                      auditTier: configuration.tiers.contains(.audit))
        self.hash = hasher.finalize().map { String(format: "%02x", $0) }.joined().prefix(16).description
    }
}

extension RuleSelection {
    /// The hash that identifies what a file's findings depend on besides its bytes: the rule set
    /// and, when the root has any, the functions elsewhere in it that return request data.
    public func hash(with summaries: SourceSummaries) -> String {
        let table = summaries.canonicalText
        guard !table.isEmpty else { return hash }
        var hasher = SHA256()
        hasher.update(data: Array(hash.utf8))
        hasher.update(data: Array(table.utf8))
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
