import BackcheckAnalysis
import BackcheckAPI
import BackcheckRules
import BackcheckSQL
import Foundation
import BackcheckModel

/// The project step (docs/DESIGN.md §3, §6, §13): the analyzers that read the whole project, the
/// schema analyzers over SQL facts and the api-docs and testing analyzers over routes, OpenAPI
/// documents and tests. Files holding facts are held back instead of recorded; once every file is
/// read, the analyzers run over all facts and each finding joins the result of the file it points
/// at, so every file is recorded exactly once per audit with all of its findings (re-audits find
/// no duplicates; a fixed problem becomes fixed).
///
/// The daemon keeps one per root for its lifetime: files that change replace their facts and
/// results, and the analyzers run again only when some file's facts changed.
public struct ProjectStep {
    /// The schema rules, then the api-docs and testing rules.
    let rules: [Rule]
    let schemaRules: [Rule]
    let apiRules: [Rule]
    let root: String
    let settings: APISettings
    private var facts: [String: ProjectFacts] = [:]
    private var held: [String: FileResult] = [:]
    /// The project findings of the last ``finish()``, by the path they point into.
    private var findings: [String: [Finding]] = [:]

    public init(rules: RuleSet, root: String, settings: APISettings = APISettings()) {
        self.settings = settings
        schemaRules = rules.rules.map(\.rule).filter(SchemaAnalysis.implements)
        apiRules = rules.rules.map(\.rule).filter(APIAnalysis.implements)
        self.rules = schemaRules + apiRules
        self.root = root
    }

    /// The result of a file that was not analysed again (`.unchanged`) made whole from what the
    /// store holds for it, `stored`, without the findings of project rules (``finish()`` adds
    /// those anew): what an analysis of its unchanged bytes under the same rules gives.
    public func restored(_ result: FileResult, stored: [Finding]) -> FileResult {
        let projectRules = Set(rules.map(\.id))
        var restored = result
        restored.outcome = .analyzed(stored.filter { !projectRules.contains($0.ruleId) }
            .sorted { ($0.line, $0.column, $0.ruleId) < ($1.line, $1.column, $1.ruleId) })
        return restored
    }

    /// Whether any project rule is enabled (else files need no facts).
    public var isEnabled: Bool { !rules.isEmpty }

    /// Whether files need SQL facts.
    public var needsSQL: Bool { !schemaRules.isEmpty }

    /// Whether files need api-docs and testing facts.
    public var needsAPI: Bool { !apiRules.isEmpty }

    /// Whether the file at `path` is held: it had SQL facts when last taken.
    public func holds(_ path: String) -> Bool { held[path] != nil }

    /// Takes one file's result and facts: the result back when it can be recorded now, nil when
    /// it is held until ``finish()``. A file taken again replaces what it held, and one that no
    /// longer has facts is forgotten.
    public mutating func take(_ result: FileResult, facts: ProjectFacts?) -> FileResult? {
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
    public func facts(of path: String) -> ProjectFacts? { facts[path] }

    /// Runs the analyzers over every file's facts; the held results, each with the project
    /// findings that point into its file.
    public mutating func finish() -> [FileResult] {
        var lines: [String: [Substring]] = [:]
        let lineText = { (path: String, line: Int) -> String in
            if lines[path] == nil {
                let url = URL(fileURLWithPath: root).appendingPathComponent(path)
                let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
                lines[path] = text.split(separator: "\n", omittingEmptySubsequences: false)
            }
            guard let fileLines = lines[path], line >= 1, line <= fileLines.count else { return "" }
            let text = fileLines[line - 1].trimmingCharacters(in: .whitespacesAndNewlines)
            return text.count > 200 ? String(text.prefix(197)) + "..." : text
        }
        let ordered = facts.keys.sorted().compactMap { facts[$0] }
        let all = SchemaAnalysis.findings(facts: ordered.compactMap(\.sql), rules: schemaRules, roles: held.mapValues(\.role),
                                          lineText: lineText)
            + APIAnalysis.findings(facts: ordered.compactMap(\.api), rules: apiRules, settings: settings,
                                   lineText: lineText)
        findings = Dictionary(grouping: all, by: \.path)
        return results(for: held.keys.sorted())
    }

    /// The `backcheck:ignore` markers naming a project rule in `results`' files (those
    /// ``finish()`` returned) that none of their findings used. Each file is read again, so
    /// only an audit, which reports them, asks; the daemon does not.
    public func unusedMarkers(in results: [FileResult]) -> [AnalysisDiagnostic] {
        let projectRules = Set(rules.map(\.id))
        return results.flatMap { result -> [AnalysisDiagnostic] in
            guard let bytes = try? Array(Data(contentsOf: URL(fileURLWithPath: root).appendingPathComponent(result.path))),
                  FileAnalyzer.hasSuppressionMarkers(bytes) else { return [] }
            let markers = FileSuppressions(bytes: bytes, language: result.language).ownMarkers.filter { projectRules.contains($0.ruleId) }
            guard !markers.isEmpty else { return [] }
            var used = Set<String>()
            if case .analyzed(let found) = result.outcome {
                for finding in found { if let marker = finding.suppression { used.insert("\(marker.line) \(finding.ruleId)") } }
            }
            return markers.filter { !used.contains("\($0.line) \($0.ruleId)") }.map { marker in
                AnalysisDiagnostic(path: result.path, line: marker.line,
                                   message: "unused suppression of \(marker.ruleId): nothing here matches it any more; remove the comment",
                                   kind: .unusedSuppression)
            }
        }
    }

    /// `found`, project findings in one file, with the file's `backcheck:ignore` (and foreign)
    /// markers applied; the file is read again only when it holds a marker.
    private func suppressed(_ found: [Finding]) -> [Finding] {
        guard let path = found.first?.path,
              let bytes = try? Array(Data(contentsOf: URL(fileURLWithPath: root).appendingPathComponent(path))),
              FileSuppressions.mayHoldMarkers(bytes) else { return found }
        let markers = FileSuppressions(bytes: bytes, language: held[path]?.language)
        return found.map { finding in
            var finding = finding
            finding.suppression = markers.suppression(ruleId: finding.ruleId, line: finding.line)
            return finding
        }
    }

    /// The held results of the files at `paths` with the project findings of the last
    /// ``finish()``: for files that changed without changing their facts.
    public func results(for paths: [String]) -> [FileResult] {
        paths.compactMap { path in
            guard var result = held[path] else { return nil }
            // A project rule reports into files of its roles only, as a pattern rule does.
            // Markers are read now, not at ``finish()``: an edit may change a file's comments only.
            let extra = suppressed(findings[path] ?? []).compactMap { finding -> Finding? in
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

extension ProjectStep {
    /// The OpenAPI documents taken whose `$ref`s read one of `paths`: when those change, the
    /// documents must be read again.
    public func documents(referencing paths: Set<String>) -> Set<String> {
        Set(facts.compactMap { path, facts in
            (facts.api?.document?.references ?? []).contains(where: paths.contains) ? path : nil
        })
    }

    /// Whether some file taken is an OpenAPI document.
    public var hasDocuments: Bool { facts.values.contains { $0.api?.document != nil } }

    /// Whether some file taken declares tests.
    public var hasTests: Bool { facts.values.contains { $0.api?.tests != nil } }

    /// The checklist items `rules` checked in a root whose analysed files have `languages`: a
    /// pattern or schema rule checks its item when it reads one of them; an api-docs rule needs
    /// an OpenAPI document and a testing rule needs tests.
    public func checkedItems(rules: RuleSet, languages: Set<String>) -> Set<ChecklistItem> {
        var items = Set<ChecklistItem>()
        for compiled in rules.rules {
            let rule = compiled.rule
            if APIAnalysis.implements(rule) {
                if rule.checklist == .testing ? hasTests : hasDocuments { items.insert(rule.checklist) }
            } else if rule.languages.contains(where: { languages.contains($0.rawValue) }) {
                items.insert(rule.checklist)
            }
        }
        return items
    }
}
