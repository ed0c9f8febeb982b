@testable import BackcheckAnalysis
@testable import BackcheckEngine
import BackcheckLexer
import BackcheckModel
import BackcheckRules
import Testing
import TestSupport

/// A megabyte of minified JavaScript on one line, in the shapes that made the engine
/// quadratic: every built-in rule must stay within a budget linear in the tokens, far below
/// the default one, and positions and snippets deep in the line must stay right.
@Suite struct MinifiedInputTests {
    static let size = 1 << 20

    /// `unit` repeated (joined by `separator`) between `prefix` and `suffix` to fill one line of
    /// about a megabyte.
    static func line(_ unit: String, prefix: String = "", suffix: String = "", separator: String = "") -> String {
        let count = (size - prefix.utf8.count - suffix.utf8.count) / (unit.utf8.count + separator.utf8.count)
        return prefix + Array(repeating: unit, count: count).joined(separator: separator) + suffix
    }

    static let shapes: [(name: String, code: String)] = [
        ("empty catches", line("function(){try{a()}catch(e){}}", prefix: "var x=[", suffix: "];", separator: ",")),
        ("a call chain", line(".b(c).d(e)", prefix: "a", suffix: ";")),
        ("a promise chain", line(".then(g).catch(function(e){})", prefix: "p", suffix: ";")),
        ("nested calls", "a" + String(repeating: "f(", count: size / 4) + String(repeating: ")", count: size / 4) + ";"),
        ("nested literals", "x=" + String(repeating: "[{a:(", count: size / 10) + String(repeating: ")}]", count: size / 10) + ";"),
        ("short chains", line("a.b.c.d.e.f.g.h", prefix: "x=", suffix: ";", separator: "+")),
        ("tainted handlers", line("function h(req,res){var q=req.query.x;eval(q);res.send(q)}", separator: ";")),
        ("ternaries in a handler", "function h(req,res){var q=req.query.x;var k=7;var y="
            + line("k>3?q:", suffix: "q") + ";eval(y)}"),
    ]

    /// Steps per token that no rule may exceed on these shapes (the audit allows 400).
    static let stepsPerToken = 40

    @Test(arguments: shapes.map(\.name))
    func everyRuleStaysWithinALinearBudget(shape: String) throws {
        let code = try #require(Self.shapes.first { $0.name == shape }).code
        var analyzer = FileAnalyzer(rules: try RuleSet.builtIn(), secretKey: [1, 2, 3])
        analyzer.budgetPerToken = Self.stepsPerToken
        let analysis = analyzer.analyze(path: "app.js", bytes: Array(code.utf8), language: .javascript, role: .source)
        let findings = analysis.findings
        #expect(analysis.diagnostics.filter { $0.kind == .budget }.map(\.message) == [])
        for finding in findings {
            #expect(finding.line == 1)
            #expect(finding.snippet.count <= 200)
        }
    }

    /// Every empty catch of a long line is found, at the column a count from the line's start
    /// gives.
    @Test func positionsDeepInTheLineAreExact() throws {
        let code = "é" + String(repeating: "function(){try{a()}catch(e){}},", count: 8_000)
        let rule = try #require(RuleSet.builtIn().rules.first { $0.rule.id == "error-handling/empty-catch-javascript" })
        let bytes = Array(code.utf8)
        let findings = FileAnalyzer(rules: RuleSet(rules: [rule]), secretKey: [1]).analyze(path: "app.js", bytes: bytes, language: .javascript, role: .source).findings
        #expect(findings.count == 8_000)
        let lines = LineStarts(bytes)
        let unit = "function(){try{a()}catch(e){}},".utf8.count
        for (position, finding) in findings.enumerated() where position % 97 == 0 {
            let offset = 2 + position * unit + "function(){".utf8.count
            #expect(finding.column == lines.position(ofByte: offset, in: bytes).column)
            #expect(finding.snippet.hasPrefix("éfunction(){try{a()}catch(e){}}"))
        }
    }
}

/// The sorted-range queries of `all:` and taint against a scan of every range.
@Suite struct MatchRangesTests {
    @Test func answersAsAScanWould() {
        var random = SplitMix64(state: 11)
        for _ in 0..<200 {
            let ranges = (0..<random.below(12)).map { _ in
                let start = random.below(40)
                return start..<(start + 1 + random.below(10))
            }
            let table = MatchRanges(ranges)
            for _ in 0..<20 {
                let start = random.below(45)
                let query = start..<(start + random.below(12))
                #expect(table.anyOverlaps(query) == ranges.contains { $0.lowerBound < query.upperBound && query.lowerBound < $0.upperBound })
                #expect(table.anyContains(query) == ranges.contains { $0.lowerBound <= query.lowerBound && query.upperBound <= $0.upperBound })
                #expect(table.anyInside(query) == ranges.contains { query.lowerBound <= $0.lowerBound && $0.upperBound <= query.upperBound })
            }
        }
    }
}
