import BackcheckRules
import Foundation
import BackcheckModel

/// `backcheck stats`: open findings per checklist item × severity, the top directories and rules,
/// and the trend over the last audits, as text or JSON.
public struct StatsFormatter: Sendable {
    private let style: TextStyle

    public init(style: TextStyle = .plain) {
        self.style = style
    }

    public func text(_ stats: FindingStatistics) -> String {
        let severities = Severity.allCases.reversed()
        var table = TextTable(header: ["CHECKLIST ITEM"] + severities.map { $0.rawValue.uppercased() } + ["TOTAL"])
        for item in ChecklistItem.allCases {
            let counts = stats.open[item] ?? [:]
            table.append([item.rawValue] + severities.map { String(counts[$0] ?? 0) } + [String(counts.values.reduce(0, +))])
        }
        let totals = severities.map { severity in stats.open.values.reduce(0) { $0 + ($1[severity] ?? 0) } }
        table.append(["total"] + totals.map(String.init) + [String(stats.openTotal)]) { style.bold($1) }
        var out = "Open findings by checklist item and severity\n" + table.render(headerStyle: style.bold)
        out += "\(stats.suppressed) suppressed, \(stats.fixed) fixed\n"
        for (title, column, ranked) in [("Top directories", "DIRECTORY", stats.topDirectories), ("Top rules", "RULE", stats.topRules)]
        where !ranked.isEmpty {
            var top = TextTable(header: ["OPEN", column])
            for entry in ranked { top.append([String(entry.count), entry.name]) }
            out += "\n\(title)\n" + top.render(headerStyle: style.bold)
        }
        if !stats.trend.isEmpty {
            let active = ChecklistItem.allCases.filter { item in stats.trend.contains { ($0.open[item] ?? 0) > 0 } }
            var trend = TextTable(header: ["AUDIT", "TOTAL"] + active.map(\.rawValue))
            for audit in stats.trend {
                trend.append([ReportDate.minutes(audit.startedAt), String(audit.total)] + active.map { String(audit.open[$0] ?? 0) })
            }
            out += "\nTrend over the last \(stats.trend.count) audits (open findings at the end of each)\n"
                + trend.render(headerStyle: style.bold)
        }
        return out
    }

    public func json(_ stats: FindingStatistics) -> String {
        var open: [String: [String: Int]] = [:]
        for (item, counts) in stats.open {
            open[item.rawValue] = Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) })
        }
        let object: [String: Any] = [
            "open": open, "openTotal": stats.openTotal, "suppressed": stats.suppressed, "fixed": stats.fixed,
            "topDirectories": stats.topDirectories.map { ["name": $0.name, "count": $0.count] },
            "topRules": stats.topRules.map { ["name": $0.name, "count": $0.count] },
            "trend": stats.trend.map { audit -> [String: Any] in
                ["scanId": audit.scanId, "startedAt": ReportDate.iso(audit.startedAt), "total": audit.total,
                 "open": Dictionary(uniqueKeysWithValues: audit.open.map { ($0.key.rawValue, $0.value) })]
            },
        ]
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
