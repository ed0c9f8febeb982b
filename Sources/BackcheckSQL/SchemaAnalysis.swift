import BackcheckAnalysis
import Foundation
import BackcheckRules
import BackcheckModel

/// The project step for SQL: builds the schema from every file's DDL facts (files in path order,
/// so migrations apply in file-name order), then runs each analyzer rule over it and the
/// queries, and turns problems into findings at the declaring file and line.
public enum SchemaAnalysis {
    /// Whether `rule` is implemented by one of this module's analyzers.
    public static func implements(_ rule: Rule) -> Bool {
        analyzer(of: rule) != nil
    }

    private static func analyzer(of rule: Rule) -> (any SchemaAnalyzer)? {
        guard case .analyzer(let name, _) = rule.matcher else { return nil }
        return SchemaAnalyzers.all[name]
    }

    /// The schema that `facts` declare, applied in path order; the dialect is `dialect` or the
    /// one most schema files suggest.
    static func schema(from facts: [SQLFileFacts], dialect: SQLDialect? = nil) -> Schema {
        let ordered = facts.sorted { $0.path < $1.path }
        let detected = SQLDialect.majority(ordered.filter { !$0.changes.isEmpty }.map(\.dialect))
        return Schema(changes: ordered.flatMap(\.changes), dialect: dialect ?? detected)
    }

    /// The findings of the analyzer `rules` over `facts`. `lineText(path, line)` gives a source
    /// line for the snippet.
    public static func findings(
        facts: [SQLFileFacts], rules: [Rule], dialect: SQLDialect? = nil, lineText: (String, Int) -> String
    ) -> [Finding] {
        let analyzers = rules.compactMap { rule in analyzer(of: rule).map { (rule, $0) } }
        guard !analyzers.isEmpty, !facts.isEmpty else { return [] }
        let context = SchemaContext(schema: schema(from: facts, dialect: dialect),
                                    queries: facts.sorted { $0.path < $1.path }.flatMap(\.queries))
        var findings = ProjectFindings()
        for (rule, analyzer) in analyzers {
            for problem in analyzer.problems(in: context, rule: rule) where rule.paths.accepts(problem.location.path) {
                add(problem, rule: rule, to: &findings, snippet: lineText(problem.location.path, problem.location.line))
            }
        }
        return findings.findings
    }

    private static func add(_ problem: SchemaProblem, rule: Rule, to findings: inout ProjectFindings, snippet: String) {
        let columns = problem.columns.joined(separator: ", ")
        let message = rule.message
            .replacingOccurrences(of: "$TABLE", with: problem.table)
            .replacingOccurrences(of: "$COLUMNS", with: columns)
            .replacingOccurrences(of: "$DETAIL", with: problem.detail)
            .replacingOccurrences(of: "$FIX", with: problem.fix)
        let location = problem.location
        var properties = ["table": problem.table]
        if !problem.columns.isEmpty { properties["columns"] = columns }
        findings.add(rule: rule, path: location.path, line: location.line, column: location.column, identity: problem.identity,
                     message: message, severity: problem.severity, snippet: snippet, properties: properties)
    }
}
