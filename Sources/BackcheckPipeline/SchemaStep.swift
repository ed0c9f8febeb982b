import BackcheckAnalysis
import BackcheckRules
import BackcheckSQL
import Foundation

/// The audit's project step for SQL (DESIGN §3, §6). Files holding SQL facts are held back
/// instead of recorded; once every file is read, the schema analyzers run over all facts and each
/// finding joins the result of the file it points at, so every file is recorded exactly once per
/// audit with all of its findings (re-audits find no duplicates; a fixed problem becomes fixed).
struct SchemaStep {
    let rules: [Rule]
    let root: String
    private var facts: [SQLFileFacts] = []
    private var held: [String: FileResult] = [:]

    init(rules: RuleSet, root: String) {
        self.rules = rules.rules.map(\.rule).filter(SchemaAnalysis.implements)
        self.root = root
    }

    /// Whether any schema rule is enabled (else files need no SQL facts).
    var isEnabled: Bool { !rules.isEmpty }

    /// Takes one file's result and facts: the result back when it can be recorded now, nil when
    /// it is held until ``finish()``.
    mutating func take(_ result: FileResult, facts: SQLFileFacts?) -> FileResult? {
        guard let facts else { return result }
        self.facts.append(facts)
        held[result.path] = result
        return nil
    }

    /// The held results, each with the schema findings that point into its file.
    func finish() -> [FileResult] {
        var lines: [String: [Substring]] = [:]
        let findings = SchemaAnalysis.findings(facts: facts, rules: rules) { path, line in
            if lines[path] == nil {
                let url = URL(fileURLWithPath: root).appendingPathComponent(path)
                let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
                lines[path] = text.split(separator: "\n", omittingEmptySubsequences: false)
            }
            guard let fileLines = lines[path], line >= 1, line <= fileLines.count else { return "" }
            let text = fileLines[line - 1].trimmingCharacters(in: .whitespacesAndNewlines)
            return text.count > 200 ? String(text.prefix(197)) + "..." : text
        }
        var results = held
        for finding in findings {
            guard var result = results[finding.path], case .analyzed(var existing) = result.outcome else { continue }
            existing.append(finding)
            existing.sort { ($0.line, $0.column, $0.ruleId) < ($1.line, $1.column, $1.ruleId) }
            result.outcome = .analyzed(existing)
            results[finding.path] = result
        }
        return results.values.sorted { $0.path < $1.path }
    }
}
