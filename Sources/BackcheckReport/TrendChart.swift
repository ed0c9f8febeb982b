import BackcheckRules
import Foundation
import BackcheckModel

/// The nightly report's trend chart as inline SVG: open findings per checklist item (one line
/// each, only items that had findings) over the last audits, with a y axis, date labels and a
/// legend. No script, no external resource.
struct TrendChart {
    let audits: [AuditTotals]
    var width = 760.0
    var height = 280.0

    /// One colour per checklist item, distinguishable on white.
    static let colors: [ChecklistItem: String] = [
        .inputValidation: "#d62728", .errorHandling: "#ff7f0e", .queryPerformance: "#8c564b", .auth: "#9467bd",
        .sensitiveData: "#1f77b4", .logging: "#2ca02c", .testing: "#17becf", .apiDocs: "#7f7f7f",
    ]

    func svg() -> String {
        let items = ChecklistItem.allCases.filter { item in audits.contains { ($0.open[item] ?? 0) > 0 } }
        guard !audits.isEmpty else { return "<p class=\"muted\">No audits recorded yet.</p>" }
        let left = 44.0, right = 170.0, top = 12.0, bottom = 40.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let maximum = Self.niceCeiling(items.flatMap { item in audits.map { $0.open[item] ?? 0 } }.max() ?? 0)
        func x(_ index: Int) -> Double {
            audits.count == 1 ? left + plotWidth / 2 : left + plotWidth * Double(index) / Double(audits.count - 1)
        }
        func y(_ value: Int) -> Double { top + plotHeight - plotHeight * Double(value) / Double(maximum) }
        var parts = ["<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"Open findings per checklist item over the last \(audits.count) audits\">"]
        for step in 0...4 {
            let value = maximum * step / 4
            let lineY = Self.format(y(value))
            parts.append("<line x1=\"\(Int(left))\" y1=\"\(lineY)\" x2=\"\(Self.format(left + plotWidth))\" y2=\"\(lineY)\" stroke=\"#e5e5e5\"/>")
            parts.append("<text x=\"\(Int(left - 6))\" y=\"\(Self.format(y(value) + 4))\" text-anchor=\"end\" font-size=\"11\" fill=\"#555\">\(value)</text>")
        }
        let labelEvery = max(1, audits.count / 6)
        for (index, audit) in audits.enumerated() where index % labelEvery == 0 || index == audits.count - 1 {
            parts.append("<text x=\"\(Self.format(x(index)))\" y=\"\(Int(height - bottom + 16))\" text-anchor=\"middle\" font-size=\"11\" fill=\"#555\">\(ReportDate.day(audit.startedAt).dropFirst(5))</text>")
        }
        parts.append("<text x=\"\(Self.format(left + plotWidth / 2))\" y=\"\(Int(height - 6))\" text-anchor=\"middle\" font-size=\"11\" fill=\"#555\">audit (month-day, UTC)</text>")
        for (row, item) in items.enumerated() {
            let color = Self.colors[item] ?? "#000"
            let points = audits.enumerated().map { "\(Self.format(x($0.offset))),\(Self.format(y($0.element.open[item] ?? 0)))" }
            parts.append("<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" points=\"\(points.joined(separator: " "))\"><title>\(item.rawValue)</title></polyline>")
            for point in points {
                let xy = point.split(separator: ",")
                parts.append("<circle cx=\"\(xy[0])\" cy=\"\(xy[1])\" r=\"2.5\" fill=\"\(color)\"/>")
            }
            let legendY = top + 14 + Double(row) * 18
            let legendX = width - right + 14
            parts.append("<rect x=\"\(Self.format(legendX))\" y=\"\(Self.format(legendY - 9))\" width=\"12\" height=\"12\" fill=\"\(color)\"/>")
            parts.append("<text x=\"\(Self.format(legendX + 18))\" y=\"\(Self.format(legendY + 1))\" font-size=\"12\" fill=\"#222\">\(item.rawValue) (\(audits.last?.open[item] ?? 0))</text>")
        }
        if items.isEmpty {
            parts.append("<text x=\"\(Self.format(left + plotWidth / 2))\" y=\"\(Self.format(top + plotHeight / 2))\" text-anchor=\"middle\" font-size=\"13\" fill=\"#2ca02c\">No open findings in these audits</text>")
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// The smallest of 4, 8, 12, 20, 40, 80, 100, 200, 400, ... that is at least `value`, so the
    /// four grid lines get round labels.
    static func niceCeiling(_ value: Int) -> Int {
        var step = 1
        while true {
            for factor in [4, 8, 12, 20] where factor * step >= max(value, 1) { return factor * step }
            step *= 10
        }
    }

    private static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
