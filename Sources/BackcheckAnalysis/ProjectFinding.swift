import BackcheckModel
import BackcheckRules

/// Findings of project analyzers (schema, api-docs, testing): problems found across files, each
/// placed at one position. Identical problems in one file are told apart by their occurrence, so
/// their fingerprints stay distinct and stable when lines move.
public struct ProjectFindings {
    private var occurrences: [String: Int] = [:]
    public private(set) var findings: [Finding] = []

    public init() {}

    /// Adds the finding of `rule` at `path:line:column`; `identity` is the problem's normalised
    /// form (never a line number), `message` the rule's message with its variables filled in.
    public mutating func add(rule: Rule, path: String, line: Int, column: Int, identity: String, message: String,
                             severity: Severity?, snippet: String, properties: [String: String]) {
        let key = "\(rule.id)\u{0}\(path)\u{0}\(identity)"
        let occurrence = occurrences[key, default: 0]
        occurrences[key] = occurrence + 1
        findings.append(Finding(
            ruleId: rule.id, checklist: rule.checklist, severity: severity ?? rule.severity,
            confidence: rule.confidence, path: path, line: line, column: column,
            endLine: line, endColumn: column, message: message, snippet: snippet,
            fingerprint: Fingerprint.make(ruleId: rule.id, path: path, normalizedMatch: identity, occurrence: occurrence),
            properties: properties))
    }
}
