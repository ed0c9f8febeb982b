import BackcheckRules
import Foundation
import BackcheckModel

/// The nightly report: one self-contained HTML page (inline CSS and SVG, no script, no external
/// resource) with the summary per checklist item, what is new and what was fixed since the last
/// audit, the top offenders, and the trend over the last audits.
public struct HTMLReportFormatter: ReportFormatter {
    public init() {}

    public func format(_ report: AuditReport) -> String {
        let title = "backcheck audit — \(HTML.escape((report.root as NSString).lastPathComponent))"
        var body = [
            "<h1>\(title)</h1>",
            "<p class=\"muted\">\(HTML.escape(report.root)) · \(ReportDate.minutes(report.date)) · \(report.filesAnalyzed) files analysed"
                + (report.skipped.isEmpty ? "" : ", \(report.skipped.count) skipped") + "</p>",
            cards(report),
            "<h2>By checklist item</h2>", checklistTable(report),
            "<h2>Trend</h2>",
            "<p class=\"muted\">Open findings per checklist item at the end of each of the last \(report.trend.count) audits.</p>",
            TrendChart(audits: report.trend).svg(),
            "<h2>New (\(report.new.count)) \(HTML.escape(report.baselineDescription))</h2>",
            findingTable(report.hasBaseline ? report.new : [], empty: report.hasBaseline ? "Nothing new." : "First audit of this root: every finding is new; see the tables above."),
            "<h2>Fixed (\(report.fixed.count)) \(HTML.escape(report.baselineDescription))</h2>",
            findingTable(report.fixed, empty: "Nothing fixed."),
            "<h2>Top offenders</h2>", offenders(report),
        ]
        if !report.suppressed.isEmpty {
            body.append("<h2>Suppressed (\(report.suppressed.count))</h2>")
            body.append(findingTable(report.suppressed, empty: "", showReason: true))
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title)</title>
            <style>\(Self.css)</style>
            </head>
            <body>
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
    }

    private func cards(_ report: AuditReport) -> String {
        let critical = report.open.filter { $0.finding.severity >= .high }.count
        let items = [
            ("open", report.open.count, ""), ("high or critical", critical, critical > 0 ? "bad" : "good"),
            ("new", report.hasBaseline ? report.new.count : report.open.count, report.new.isEmpty ? "good" : "bad"),
            ("fixed", report.fixed.count, report.fixed.isEmpty ? "" : "good"), ("suppressed", report.suppressed.count, ""),
        ]
        return "<div class=\"cards\">" + items.map { name, count, kind in
            "<div class=\"card \(kind)\"><div class=\"n\">\(count)</div><div>\(name)</div></div>"
        }.joined() + "</div>"
    }

    private func checklistTable(_ report: AuditReport) -> String {
        let severities = Severity.allCases.reversed()
        var rows = ["<table><thead><tr><th>checklist item</th>" + severities.map { "<th class=\"num\">\($0.rawValue)</th>" }.joined()
                    + "<th class=\"num\">open</th><th class=\"num\">new</th><th class=\"num\">fixed</th></tr></thead><tbody>"]
        for item in ChecklistItem.allCases {
            let open = report.open.filter { $0.finding.checklist == item }
            let new = report.hasBaseline ? open.filter(\.isNew).count : open.count
            let fixed = report.fixed.filter { $0.finding.checklist == item }.count
            let cells = severities.map { severity in
                let count = open.filter { $0.finding.severity == severity }.count
                return "<td class=\"num\">" + (count == 0 ? "<span class=\"muted\">·</span>" : "<span class=\"sev-\(severity.rawValue)\">\(count)</span>") + "</td>"
            }
            let checked = report.checked.contains(item)
            let status = !checked ? "" : open.isEmpty ? "<span class=\"ok\">✓</span> " : ""
            let note = checked ? "" : " <span class=\"muted\">(not checked)</span>"
            rows.append("<tr><td>\(status)<b>\(item.rawValue)</b>\(note)<br><span class=\"muted\">\(HTML.escape(item.title))</span></td>"
                        + cells.joined() + "<td class=\"num\"><b>\(open.count)</b></td><td class=\"num\">\(new)</td><td class=\"num\">\(fixed)</td></tr>")
        }
        return rows.joined(separator: "\n") + "</tbody></table>"
    }

    private func findingTable(_ findings: [ReportedFinding], empty: String, showReason: Bool = false) -> String {
        guard !findings.isEmpty else { return "<p class=\"muted\">\(empty)</p>" }
        let sorted = findings.sorted { ($1.finding.severity, $0.finding.path, $0.finding.line) < ($0.finding.severity, $1.finding.path, $1.finding.line) }
        var rows = ["<table><thead><tr><th>severity</th><th>location</th><th>rule</th><th>message</th></tr></thead><tbody>"]
        for entry in sorted.prefix(200) {
            let finding = entry.finding
            let detail = showReason ? (finding.suppression.map { "<br><span class=\"muted\">suppressed: \(HTML.escape($0.reason))</span>" } ?? "")
                : "<br><code>\(HTML.escape(finding.snippet))</code>"
            rows.append("<tr><td><span class=\"sev-\(finding.severity.rawValue)\">\(finding.severity.rawValue)</span></td>"
                        + "<td><code>\(HTML.escape(finding.path)):\(finding.line)</code></td><td>\(HTML.escape(finding.ruleId))</td>"
                        + "<td>\(HTML.escape(finding.message))\(detail)</td></tr>")
        }
        if sorted.count > 200 { rows.append("<tr><td colspan=\"4\" class=\"muted\">… \(sorted.count - 200) more</td></tr>") }
        return rows.joined(separator: "\n") + "</tbody></table>"
    }

    private func offenders(_ report: AuditReport) -> String {
        func top(_ key: (Finding) -> String, _ header: String) -> String {
            let counts = Dictionary(grouping: report.open, by: { key($0.finding) }).mapValues(\.count)
            let ranked = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(10)
            guard !ranked.isEmpty else { return "<p class=\"muted\">No open findings.</p>" }
            return "<table><thead><tr><th>\(header)</th><th class=\"num\">open</th></tr></thead><tbody>"
                + ranked.map { "<tr><td><code>\(HTML.escape($0.key))</code></td><td class=\"num\">\($0.value)</td></tr>" }.joined()
                + "</tbody></table>"
        }
        return "<div class=\"cols\"><div>\(top(\.path, "file"))</div><div>\(top(\.ruleId, "rule"))</div></div>"
    }

    private static let css = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#222;max-width:1100px;margin:24px auto;padding:0 20px}
        h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
        .muted{color:#777}code{font:12px ui-monospace,monospace;background:#f5f5f5;padding:1px 3px;border-radius:3px}
        table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #eee;vertical-align:top}
        th{font-size:12px;color:#555;text-transform:uppercase}.num{text-align:right}
        .cards{display:flex;gap:12px;margin:16px 0}.card{flex:1;border:1px solid #ddd;border-radius:6px;padding:10px 14px}
        .card .n{font-size:26px;font-weight:600}.card.bad .n{color:#c62828}.card.good .n{color:#2e7d32}
        .cols{display:flex;gap:24px}.cols>div{flex:1}.ok{color:#2e7d32}
        .sev-critical{color:#fff;background:#b71c1c;padding:0 5px;border-radius:3px}.sev-high{color:#c62828;font-weight:600}
        .sev-medium{color:#b26a00;font-weight:600}.sev-low{color:#00838f}.sev-info{color:#777}
        """
}
