import BackcheckAnalysis
import BackcheckModel
import BackcheckRules

/// The project step for the api-docs and testing items: routes of every file (mounts applied),
/// OpenAPI documents and tests, compared; problems become findings where they are.
public enum APIAnalysis {
    /// Whether `rule` is implemented by one of this module's analyzers.
    public static func implements(_ rule: Rule) -> Bool {
        analyzer(of: rule) != nil
    }

    private static func analyzer(of rule: Rule) -> (any APIAnalyzer)? {
        guard case .analyzer(let name, _) = rule.matcher else { return nil }
        return APIAnalyzers.all[name]
    }

    /// The findings of the analyzer `rules` over `facts`; `lineText(path, line)` gives a source
    /// line for the snippet.
    public static func findings(facts: [APIFileFacts], rules: [Rule], settings: APISettings = APISettings(),
                                lineText: (String, Int) -> String) -> [Finding] {
        let analyzers = rules.compactMap { rule in analyzer(of: rule).map { (rule, $0) } }
        guard !analyzers.isEmpty, !facts.isEmpty else { return [] }
        let context = APIContext(facts: facts.sorted { $0.path < $1.path }, settings: settings)
        var findings: [Finding] = []
        var occurrences: [String: Int] = [:]
        for (rule, analyzer) in analyzers {
            for problem in analyzer.problems(in: context, rule: rule) where rule.paths.accepts(problem.path) {
                let key = "\(rule.id)\u{0}\(problem.path)\u{0}\(problem.identity)"
                let occurrence = occurrences[key, default: 0]
                occurrences[key] = occurrence + 1
                findings.append(finding(problem, rule: rule, occurrence: occurrence, snippet: lineText(problem.path, problem.line)))
            }
        }
        return findings
    }

    private static func finding(_ problem: APIProblem, rule: Rule, occurrence: Int, snippet: String) -> Finding {
        let message = rule.message
            .replacingOccurrences(of: "$ROUTE", with: problem.route)
            .replacingOccurrences(of: "$DETAIL", with: problem.detail)
        return Finding(
            ruleId: rule.id, checklist: rule.checklist, severity: problem.severity ?? rule.severity,
            confidence: rule.confidence, path: problem.path, line: problem.line, column: problem.column,
            endLine: problem.line, endColumn: problem.column, message: message, snippet: snippet,
            fingerprint: Fingerprint.make(ruleId: rule.id, path: problem.path, normalizedMatch: problem.identity,
                                          occurrence: occurrence),
            properties: ["route": problem.route])
    }
}
