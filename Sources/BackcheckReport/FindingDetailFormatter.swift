import Foundation

/// `backcheck show`: the finding, the code around it (finding lines marked `>`), the rule's fix,
/// and its history.
public struct FindingDetailFormatter: Sendable {
    private let style: TextStyle

    public init(style: TextStyle = .plain) {
        self.style = style
    }

    public func format(_ detail: FindingDetail) -> String {
        let stored = detail.finding
        let finding = stored.finding
        var lines = [
            style.bold("Finding \(stored.id)") + "  " + style.severity(finding.severity.rawValue.uppercased(), finding.severity)
                + "  \(stored.status.rawValue)",
            "  rule:        \(finding.ruleId) (\(finding.checklist.rawValue), confidence \(finding.confidence.rawValue))",
            "  location:    \(stored.root)/\(finding.path):\(finding.line):\(finding.column)",
            "  fingerprint: \(finding.fingerprint)",
            "  message:     \(finding.message)",
        ]
        if let suppression = finding.suppression {
            lines.append("  suppressed:  by \(suppression.marker) on line \(suppression.line)"
                         + (suppression.reason.isEmpty ? "" : ": \(suppression.reason)"))
        }
        lines.append("")
        if detail.context.isEmpty {
            lines.append("  > \(finding.snippet)")
        } else {
            let width = String(detail.context.last?.number ?? 0).count
            for line in detail.context {
                let number = String(repeating: " ", count: width - String(line.number).count) + String(line.number)
                let text = "\(line.isFinding ? ">" : " ") \(number) | \(line.text)"
                lines.append(line.isFinding ? style.bold(text) : style.dim(text))
            }
        }
        if let note = detail.contextNote { lines.append("  (\(note))") }
        if let rule = detail.rule, !rule.help.isEmpty {
            lines.append("")
            lines.append(style.bold("How to fix"))
            lines += rule.help.trimmingCharacters(in: .whitespacesAndNewlines)
                .split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
            let references = rule.cwe + rule.owasp.map { "OWASP \($0)" }
            if !references.isEmpty { lines.append("  References: " + references.joined(separator: ", ")) }
        }
        lines.append("")
        lines.append(style.bold("History"))
        lines.append("  first seen   \(ReportDate.minutes(stored.firstSeen))")
        for event in detail.history.dropFirst() {
            let reason = event.reason.map { ": \($0)" } ?? ""
            let verb = event.status == .open ? "open again" : event.status.rawValue
            lines.append("  \(verb.padding(toLength: 12, withPad: " ", startingAt: 0)) \(ReportDate.minutes(event.at)) (\(event.scanKind.rawValue) scan \(event.scanId))\(reason)")
        }
        lines.append("  last seen    \(ReportDate.minutes(stored.lastSeen))")
        return lines.joined(separator: "\n") + "\n"
    }
}
