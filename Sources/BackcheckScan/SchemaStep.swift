import BackcheckAnalysis
import BackcheckRules
import BackcheckSQL
import Foundation
import BackcheckModel

/// The project step for SQL (docs/DESIGN.md §3, §6). Files holding SQL facts are held back instead of
/// recorded; once every file is read, the schema analyzers run over all facts and each finding
/// joins the result of the file it points at, so every file is recorded exactly once per audit
/// with all of its findings (re-audits find no duplicates; a fixed problem becomes fixed).
///
/// The daemon keeps one per root for its lifetime: files that change replace their facts and
/// results, and the analyzers run again only when some file's facts changed.
public struct SchemaStep {
    let rules: [Rule]
    let root: String
    private var facts: [String: SQLFileFacts] = [:]
    private var held: [String: FileResult] = [:]
    /// The schema findings of the last ``finish()``, by the path they point into.
    private var findings: [String: [Finding]] = [:]

    public init(rules: RuleSet, root: String) {
        self.rules = rules.rules.map(\.rule).filter(SchemaAnalysis.implements)
        self.root = root
    }

    /// The result of a file that was not analysed again (`.unchanged`) made whole from what the
    /// store holds for it, `stored`, without the findings of schema rules (``finish()`` adds
    /// those anew): what an analysis of its unchanged bytes under the same rules gives.
    public func restored(_ result: FileResult, stored: [Finding]) -> FileResult {
        let schemaRules = Set(rules.map(\.id))
        var restored = result
        restored.outcome = .analyzed(stored.filter { !schemaRules.contains($0.ruleId) }
            .sorted { ($0.line, $0.column, $0.ruleId) < ($1.line, $1.column, $1.ruleId) })
        return restored
    }

    /// Whether any schema rule is enabled (else files need no SQL facts).
    public var isEnabled: Bool { !rules.isEmpty }

    /// Whether the file at `path` is held: it had SQL facts when last taken.
    public func holds(_ path: String) -> Bool { held[path] != nil }

    /// Takes one file's result and facts: the result back when it can be recorded now, nil when
    /// it is held until ``finish()``. A file taken again replaces what it held, and one that no
    /// longer has facts is forgotten.
    public mutating func take(_ result: FileResult, facts: SQLFileFacts?) -> FileResult? {
        guard let facts else {
            forget(result.path)
            return result
        }
        self.facts[result.path] = facts
        held[result.path] = result
        return nil
    }

    /// Forgets the file at `path` (deleted, or without SQL now); whether it had facts.
    @discardableResult
    public mutating func forget(_ path: String) -> Bool {
        held[path] = nil
        return facts.removeValue(forKey: path) != nil
    }

    /// The facts the file at `path` had when last taken.
    public func facts(of path: String) -> SQLFileFacts? { facts[path] }

    /// Runs the analyzers over every file's facts; the held results, each with the schema
    /// findings that point into its file.
    public mutating func finish() -> [FileResult] {
        var lines: [String: [Substring]] = [:]
        let all = SchemaAnalysis.findings(facts: facts.values.sorted { $0.path < $1.path }, rules: rules) { path, line in
            if lines[path] == nil {
                let url = URL(fileURLWithPath: root).appendingPathComponent(path)
                let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
                lines[path] = text.split(separator: "\n", omittingEmptySubsequences: false)
            }
            guard let fileLines = lines[path], line >= 1, line <= fileLines.count else { return "" }
            let text = fileLines[line - 1].trimmingCharacters(in: .whitespacesAndNewlines)
            return text.count > 200 ? String(text.prefix(197)) + "..." : text
        }
        findings = Dictionary(grouping: all, by: \.path)
        return results(for: held.keys.sorted())
    }

    /// The held results of the files at `paths` with the schema findings of the last
    /// ``finish()``: for files that changed without changing their facts.
    public func results(for paths: [String]) -> [FileResult] {
        paths.compactMap { path in
            guard var result = held[path] else { return nil }
            // A schema rule reports into files of its roles only, as a pattern rule does.
            let extra = (findings[path] ?? []).compactMap { finding -> Finding? in
                guard rules.first(where: { $0.id == finding.ruleId })?.roles.contains(result.role) ?? true else { return nil }
                var finding = finding
                finding.fileRole = result.role
                return finding
            }
            if case .analyzed(var existing) = result.outcome, !extra.isEmpty {
                existing += extra
                existing.sort { ($0.line, $0.column, $0.ruleId) < ($1.line, $1.column, $1.ruleId) }
                result.outcome = .analyzed(existing)
            }
            return result
        }
    }
}
