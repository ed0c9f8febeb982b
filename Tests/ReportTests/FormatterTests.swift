@testable import BackcheckReport
import Foundation
import Testing
import BackcheckModel

@Suite struct FormatterTests {
    static let finding = Finding(
        ruleId: "logging/secret-in-log-python", checklist: .logging, severity: .medium, confidence: .high,
        path: "app/a, b:c.py", line: 3, column: 5, endLine: 4, endColumn: 9,
        message: "100% bad:\r\nsee, here", snippet: "x", fingerprint: "0123456789abcdef0123456789abcdef")

    @Test func githubAnnotationEscapesDataAndProperties() {
        #expect(GitHubAnnotationFormatter.annotation(Self.finding)
            == "::warning file=app/a%2C b%3Ac.py,line=3,col=5,endLine=4,endColumn=9,title=logging/secret-in-log-python (medium)::100%25 bad:%0D%0Asee, here")
        #expect(GitHubAnnotationFormatter.escapeProperty("a%b:c,d\ne") == "a%25b%3Ac%2Cd%0Ae")
    }

    @Test func csvQuotesOnlyWhatNeedsIt() {
        #expect(FindingCSVFormatter.quoted("plain") == "plain")
        #expect(FindingCSVFormatter.quoted("a,b") == "\"a,b\"")
        #expect(FindingCSVFormatter.quoted("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(FindingCSVFormatter.quoted("two\nlines") == "\"two\nlines\"")
    }

    @Test(arguments: [
        (true, [:], true), (true, ["NO_COLOR": "1"], false), (true, ["NO_COLOR": ""], true),
        (false, [:], false), (true, ["TERM": "dumb"], false),
    ] as [(Bool, [String: String], Bool)])
    func colourOnlyOnATerminalWithoutNoColor(isTerminal: Bool, environment: [String: String], expected: Bool) {
        #expect(TextStyle.shouldColor(isTerminal: isTerminal, environment: environment) == expected)
    }

    @Test func stylesDoNotBreakTableAlignment() {
        var table = TextTable(header: ["A", "B"])
        table.append(["long value", "x"]) { column, text in column == 0 ? TextStyle(enabled: true).bold(text) : text }
        table.append(["s", "y"])
        let lines = table.render().split(separator: "\n")
        #expect(lines[1] == "\u{1B}[1mlong value\u{1B}[0m  x")
        #expect(lines[2] == "s           y")
    }

    @Test func trendChartScalesToRoundNumbers() {
        #expect([0, 1, 4, 5, 9, 13, 35, 101].map(TrendChart.niceCeiling) == [4, 4, 4, 8, 12, 20, 40, 120])
        let chart = TrendChart(audits: [
            AuditTotals(scanId: 1, startedAt: Date(timeIntervalSince1970: 0), open: [.logging: 3]),
            AuditTotals(scanId: 2, startedAt: Date(timeIntervalSince1970: 86_400), open: [.logging: 1, .auth: 2]),
        ]).svg()
        #expect(chart.components(separatedBy: "<polyline").count - 1 == 2)
        #expect(chart.contains(">01-02<"))
        #expect(chart.contains("auth (2)"))
    }

    @Test func sarifRuleNamesAreCamelCase() {
        #expect(SARIFReportFormatter.pascalCase("logging/secret-in-log-python") == "LoggingSecretInLogPython")
    }
}
