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
        var findings = ProjectFindings()
        for (rule, analyzer) in analyzers {
            for problem in analyzer.problems(in: context, rule: rule) where rule.paths.accepts(problem.path) {
                let message = rule.message
                    .replacingOccurrences(of: "$ROUTE", with: problem.route)
                    .replacingOccurrences(of: "$DETAIL", with: problem.detail)
                findings.add(rule: rule, path: problem.path, line: problem.line, column: problem.column, identity: problem.identity,
                             message: message, severity: problem.severity, snippet: lineText(problem.path, problem.line),
                             properties: ["route": problem.route])
            }
        }
        return findings.findings
    }
}
