import BackcheckAnalysis
import Foundation
import BackcheckRules
import BackcheckModel

/// The project step for SQL: builds one schema per engine tree (``SchemaScope``) from its files'
/// DDL facts, replayed as migrations run (``SchemaReplay``), then runs each analyzer rule over it
/// and the queries written for it, and turns problems into findings at the declaring file and line.
public enum SchemaAnalysis {
    /// Whether `rule` is implemented by one of this module's analyzers.
    public static func implements(_ rule: Rule) -> Bool {
        analyzer(of: rule) != nil
    }

    private static func analyzer(of rule: Rule) -> (any SchemaAnalyzer)? {
        guard case .analyzer(let name, _) = rule.matcher else { return nil }
        return SchemaAnalyzers.all[name]
    }

    /// The schema that `facts` declare, applied in replay order; the dialect is `dialect` or the
    /// one most schema files suggest.
    static func schema(from facts: [SQLFileFacts], dialect: SQLDialect? = nil) -> Schema {
        let ordered = SchemaReplay.ordered(facts)
        let detected = SQLDialect.majority(ordered.filter { !$0.changes.isEmpty }.map(\.dialect))
        return Schema(changes: ordered.flatMap(\.changes), dialect: dialect ?? detected)
    }

    /// The findings of the analyzer `rules` over `facts`. `roles` gives files' roles (queries in
    /// migrations are not judged); `lineText(path, line)` gives a source line for the snippet.
    public static func findings(
        facts: [SQLFileFacts], rules: [Rule], dialect: SQLDialect? = nil, roles: [String: FileRole] = [:],
        lineText: (String, Int) -> String
    ) -> [Finding] {
        let analyzers = rules.compactMap { rule in analyzer(of: rule).map { (rule, $0) } }
        guard !analyzers.isEmpty, !facts.isEmpty else { return [] }
        var findings = ProjectFindings()
        // The same problem at the same place is reported once: a file several scopes share (DDL
        // outside any engine tree, a query naming no engine) has it found in each, and a
        // statement reading a table twice (a subquery over it) finds it per reference.
        var reported = Set<String>()
        for context in contexts(facts: facts, dialect: dialect, roles: roles) {
            for (rule, analyzer) in analyzers {
                for problem in analyzer.problems(in: context, rule: rule) where rule.paths.accepts(problem.location.path) {
                    let location = problem.location
                    guard reported.insert("\(rule.id) \(location.path):\(location.line):\(location.column) \(problem.identity)").inserted
                    else { continue }
                    add(problem, rule: rule, to: &findings, snippet: lineText(location.path, location.line))
                }
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
