import BackcheckRules
import BackcheckModel

/// Renders the rule catalog: a plain list, a checklist × language matrix in Markdown (the README
/// table is generated with it), or one rule in full.
public enum RuleCatalogFormatter {
    /// One line per rule: id, checklist item, severity, languages.
    public static func list(_ rules: [Rule]) -> String {
        let width = rules.map(\.id.count).max() ?? 10
        var lines = [pad("RULE", width) + "  " + pad("CHECKLIST", 17) + "  " + pad("SEVERITY", 8) + "  LANGUAGES"]
        for rule in rules.sorted(by: { $0.id < $1.id }) {
            lines.append(pad(rule.id, width) + "  " + pad(rule.checklist.rawValue, 17) + "  "
                         + pad(rule.severity.rawValue, 8) + "  " + rule.languages.map(\.rawValue).joined(separator: ", "))
        }
        lines.append("\(rules.count) rules")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A Markdown table: rules per checklist item (rows) and language (columns), then every rule.
    public static func markdown(_ rules: [Rule]) -> String {
        let languages = Language.allCases
        var lines = ["| checklist item | " + languages.map(\.rawValue).joined(separator: " | ") + " | rules |",
                     "| --- |" + String(repeating: " ---: |", count: languages.count + 1)]
        for item in ChecklistItem.allCases {
            let inItem = rules.filter { $0.checklist == item }
            let counts = languages.map { language in
                let count = inItem.filter { $0.languages.contains(language) }.count
                return count == 0 ? "·" : String(count)
            }
            lines.append("| `\(item.rawValue)` | " + counts.joined(separator: " | ") + " | \(inItem.count) |")
        }
        lines.append("")
        lines.append("| rule | severity | languages |")
        lines.append("| --- | --- | --- |")
        for rule in rules.sorted(by: { $0.id < $1.id }) {
            lines.append("| `\(rule.id)` | \(rule.severity.rawValue) | \(rule.languages.map(\.rawValue).joined(separator: ", ")) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Everything about one rule: metadata, message, help and examples.
    public static func show(_ rule: Rule) -> String {
        var lines = [
            rule.id,
            "  checklist:  \(rule.checklist.rawValue) — \(rule.checklist.title)",
            "  severity:   \(rule.severity.rawValue) (confidence \(rule.confidence.rawValue))",
            "  languages:  \(rule.languages.map(\.rawValue).joined(separator: ", "))",
        ]
        if !rule.cwe.isEmpty || !rule.owasp.isEmpty {
            lines.append("  references: \((rule.cwe + rule.owasp.map { "OWASP \($0)" }).joined(separator: ", "))")
        }
        lines.append("  file:       \(rule.file)")
        lines.append("")
        lines.append("Message")
        lines.append("  \(rule.message)")
        if !rule.help.isEmpty {
            lines.append("")
            lines.append("How to fix")
            lines += rule.help.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
        }
        for (title, examples) in [("Flagged (bad)", rule.examples.bad), ("Not flagged (good)", rule.examples.good)] where !examples.isEmpty {
            lines.append("")
            lines.append(title)
            for example in examples {
                let code = example.text.split(separator: "\n", omittingEmptySubsequences: false)
                lines += code.map { "  | " + $0 }
                lines.append("")
            }
        }
        return lines.joined(separator: "\n").trimmingCharacters(in: .newlines) + "\n"
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}

import Foundation
