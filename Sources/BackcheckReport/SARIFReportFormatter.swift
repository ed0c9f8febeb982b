import BackcheckRules
import Foundation
import BackcheckModel

/// SARIF 2.1.0 for code-scanning upload (docs/DESIGN.md §9): each result with `ruleId`, `level`, a
/// location relative to `%SRCROOT%`, the fingerprint as `partialFingerprints`, the checklist item,
/// `suppressions` when suppressed and `baselineState` when there is a baseline; `tool.driver.rules`
/// lists each reported rule once with its description, help and fix, level, and properties.
public struct SARIFReportFormatter: ReportFormatter {
    /// The key under which results carry their fingerprint.
    public static let fingerprintKey = "backcheck/v1"

    private let rules: [String: Rule]
    private let toolVersion: String

    /// `rules` describes the rules findings refer to (a finding's rule missing from it gets a
    /// descriptor built from the finding).
    public init(rules: [Rule], toolVersion: String) {
        self.rules = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.toolVersion = toolVersion
    }

    public func format(_ report: AuditReport) -> String {
        format(report.findings, root: report.root, hasBaseline: report.hasBaseline, diagnostics: report.diagnostics)
    }

    /// SARIF for `findings` of `root`; with `hasBaseline`, each result says whether it is new;
    /// `diagnostics` become the run's tool notifications.
    public func format(_ findings: [ReportedFinding], root: String, hasBaseline: Bool, diagnostics: [String] = []) -> String {
        let ruleIds = Array(Set(findings.map(\.finding.ruleId))).sorted()
        let index = Dictionary(uniqueKeysWithValues: ruleIds.enumerated().map { ($1, $0) })
        let descriptors = ruleIds.map { id in
            descriptor(rules[id], id: id, example: findings.first { $0.finding.ruleId == id }!.finding)
        }
        let results = findings.map { entry in
            result(entry, ruleIndex: index[entry.finding.ruleId] ?? 0, hasBaseline: hasBaseline)
        }
        let base = root.hasSuffix("/") ? root : root + "/"
        let log = SARIFLog(runs: [SARIFLog.Run(
            tool: SARIFLog.Tool(driver: SARIFLog.Driver(version: toolVersion, semanticVersion: toolVersion, rules: descriptors)),
            invocations: diagnostics.isEmpty ? nil : [SARIFLog.Invocation(
                toolExecutionNotifications: diagnostics.map { SARIFLog.Notification(message: SARIFLog.Message(text: $0)) })],
            originalUriBaseIds: ["SRCROOT": SARIFLog.ArtifactLocation(uri: URL(fileURLWithPath: base).absoluteString, uriBaseId: nil)],
            results: results)])
        return ReportJSON.text(log, fallback: "{}\n")
    }

    private func result(_ entry: ReportedFinding, ruleIndex: Int, hasBaseline: Bool) -> SARIFLog.Result {
        let finding = entry.finding
        let uri = finding.path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? finding.path
        let region = SARIFLog.Region(
            startLine: finding.line, startColumn: finding.column,
            endLine: max(finding.endLine, finding.line), endColumn: max(finding.endColumn, 1),
            snippet: finding.snippet.isEmpty ? nil : SARIFLog.Message(text: finding.snippet))
        return SARIFLog.Result(
            ruleId: finding.ruleId, ruleIndex: ruleIndex, level: finding.severity.sarifLevel,
            message: SARIFLog.Message(text: finding.message),
            locations: [SARIFLog.Location(physicalLocation: SARIFLog.PhysicalLocation(
                artifactLocation: SARIFLog.ArtifactLocation(uri: uri, uriBaseId: "SRCROOT"), region: region))],
            partialFingerprints: [Self.fingerprintKey: finding.fingerprint],
            baselineState: hasBaseline ? (entry.isNew ? "new" : "unchanged") : nil,
            suppressions: finding.suppression.map { [SARIFLog.Suppression(justification: $0.reason.isEmpty ? $0.marker : $0.reason)] },
            properties: SARIFLog.ResultProperties(
                checklist: finding.checklist.rawValue, severity: finding.severity.rawValue, status: entry.status.rawValue,
                fileRole: finding.fileRole.rawValue, tier: finding.properties["tier"]))
    }

    private func descriptor(_ rule: Rule?, id: String, example: Finding) -> SARIFLog.ReportingDescriptor {
        let short = rule?.shortDescription ?? id
        let help = rule?.help.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let full = rule.map { "\($0.checklist.title): \($0.shortDescription)." } ?? example.checklist.title
        var markdown = "**\(short)**\n\nChecklist: *\(example.checklist.title)* (`\(example.checklist.rawValue)`)"
        if !help.isEmpty { markdown += "\n\n### How to fix\n\n\(help)" }
        if let rule, !(rule.cwe + rule.owasp).isEmpty {
            markdown += "\n\nReferences: " + (rule.cwe + rule.owasp.map { "OWASP \($0)" }).joined(separator: ", ")
        }
        let severity = rule?.severity ?? example.severity
        return SARIFLog.ReportingDescriptor(
            id: id, name: Self.pascalCase(id), shortDescription: SARIFLog.Message(text: short),
            fullDescription: SARIFLog.Message(text: full),
            help: SARIFLog.Message(text: help.isEmpty ? short : "\(short)\n\nHow to fix: \(help)", markdown: markdown),
            defaultConfiguration: SARIFLog.Configuration(level: severity.sarifLevel),
            properties: SARIFLog.RuleProperties(
                checklist: example.checklist.rawValue, tags: rule?.sarifTags ?? [example.checklist.rawValue],
                precision: (rule?.confidence ?? example.confidence).rawValue, securitySeverity: severity.securityScore))
    }

    /// `logging/secret-in-log-python` → `LoggingSecretInLogPython`.
    static func pascalCase(_ id: String) -> String {
        id.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
