import BackcheckRules
import BackcheckModel

/// The default human report: findings grouped by checklist item, then severity (worst first),
/// each with `path:line:col`, rule id, message and the masked line of code.
public struct TextReportFormatter: ReportFormatter {
    public init() {}

    public func format(_ report: AuditReport) -> String {
        var lines: [String] = []
        let open = report.open
        for item in ChecklistItem.allCases {
            let inItem = open.filter { $0.finding.checklist == item }
            guard !inItem.isEmpty else { continue }
            lines.append("\(item.rawValue) — \(item.title) (\(inItem.count))")
            for severity in Severity.allCases.reversed() {
                let group = inItem.filter { $0.finding.severity == severity }
                    .sorted { ($0.finding.path, $0.finding.line, $0.finding.column) < ($1.finding.path, $1.finding.line, $1.finding.column) }
                guard !group.isEmpty else { continue }
                lines.append("  \(severity.rawValue.uppercased())")
                for entry in group {
                    let finding = entry.finding
                    let marker = entry.isNew && report.hasBaseline ? "  [new]" : (entry.status == .reopened ? "  [reopened]" : "")
                    // Source is the usual role; any other is worth a glance (a re-classified file).
                    let role = finding.fileRole == .source ? "" : "  (\(finding.fileRole.rawValue) file)"
                    lines.append("    \(finding.path):\(finding.line):\(finding.column)  \(finding.ruleId)\(role)\(marker)")
                    lines.append("      \(finding.message)")
                    if !finding.snippet.isEmpty { lines.append("      > \(finding.snippet)") }
                }
            }
            lines.append("")
        }
        let unchecked = ChecklistItem.allCases.filter { !report.checked.contains($0) }
        if !unchecked.isEmpty {
            lines.append("Not checked: " + unchecked.map(\.rawValue).joined(separator: ", ")
                         + " (no rule applies to any file of this root)")
            lines.append("")
        }
        if !report.fixed.isEmpty {
            lines.append("Fixed (\(report.fixed.count)) \(report.baselineDescription)")
            for entry in report.fixed.sorted(by: { ($0.finding.path, $0.finding.line) < ($1.finding.path, $1.finding.line) }) {
                lines.append("    \(entry.finding.path):\(entry.finding.line)  \(entry.finding.ruleId)")
            }
            lines.append("")
        }
        if !report.unusedSuppressions.isEmpty {
            lines.append("Unused suppressions (\(report.unusedSuppressions.count))")
            lines += report.unusedSuppressions.map { "    \($0)" }
            lines.append("")
        }
        if !report.diagnostics.isEmpty {
            lines.append("Notes (\(report.diagnostics.count))")
            lines += report.diagnostics.prefix(50).map { "    \($0)" }
            if report.diagnostics.count > 50 { lines.append("    … \(report.diagnostics.count - 50) more") }
            lines.append("")
        }
        lines.append(summary(report))
        return lines.joined(separator: "\n") + "\n"
    }

    private func summary(_ report: AuditReport) -> String {
        var parts = ["\(report.filesAnalyzed) files analysed"]
        if !report.skipped.isEmpty { parts.append("\(report.skipped.count) skipped") }
        var counts = "\(report.open.count) open findings"
        if report.hasBaseline {
            counts += " (\(report.new.count) new, \(report.stillOpen.count) still open, \(report.fixed.count) fixed \(report.baselineDescription))"
        }
        parts.append(counts)
        if !report.suppressed.isEmpty { parts.append("\(report.suppressed.count) suppressed") }
        let bySeverity = Severity.allCases.reversed().compactMap { severity -> String? in
            let count = report.open.filter { $0.finding.severity == severity }.count
            return count > 0 ? "\(count) \(severity.rawValue)" : nil
        }
        let tail = bySeverity.isEmpty ? "" : " — " + bySeverity.joined(separator: ", ")
        return "backcheck: " + parts.joined(separator: ", ") + tail
    }
}
