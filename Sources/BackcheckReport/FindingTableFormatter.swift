
/// `backcheck findings` for people: an aligned table (id, severity, status, rule, location,
/// message), severities coloured when `style` is enabled, and a count line.
public struct FindingTableFormatter: FindingListFormatter {
    private let style: TextStyle

    public init(style: TextStyle) {
        self.style = style
    }

    public func format(_ list: FindingList) -> String {
        guard !list.findings.isEmpty else {
            return list.total == 0 ? "No findings match.\n" : "\(list.total) findings match; none shown (--limit 0).\n"
        }
        var table = TextTable(header: ["ID", "SEVERITY", "STATUS", "RULE", "LOCATION", "MESSAGE"])
        for stored in list.findings {
            let finding = stored.finding
            let message = finding.message.count > 100 ? String(finding.message.prefix(99)) + "…" : finding.message
            table.append([
                String(stored.id), finding.severity.rawValue, stored.status.rawValue, finding.ruleId,
                "\(list.displayPath(stored)):\(finding.line):\(finding.column)", message,
            ]) { column, text in
                column == 1 ? style.severity(text, finding.severity) : (column == 0 ? style.dim(text) : text)
            }
        }
        let shown = list.findings.count
        let footer = shown < list.total ? "\(shown) of \(list.total) findings (raise --limit to see more)" : "\(shown) findings"
        return table.render(headerStyle: style.bold) + footer + "\n"
    }
}
