import BackcheckAnalysis
import BackcheckLexer
import BackcheckRules
import BackcheckReport
import BackcheckStore
import Foundation
import BackcheckModel

/// Builds `backcheck show`'s ``FindingDetail``: the stored finding, its history, its rule, and the
/// code around it read from the file now, with secrets masked.
public struct FindingInspector: Sendable {
    /// Lines shown above and below the finding.
    public var contextLines = 3
    private let store: FindingStore
    private let rules: RuleSet

    /// Inspects findings of `store`, with `rules` for help texts and secret masking.
    public init(store: FindingStore, rules: RuleSet) {
        self.store = store
        self.rules = rules
    }

    /// The finding whose id or fingerprint (prefix) is `reference`.
    public func detail(_ reference: String) throws(QueryError) -> FindingDetail {
        let matches: [TrackedFinding]
        let history: [FindingEvent]
        do {
            matches = try store.findings(reference: reference)
            guard matches.count == 1, let stored = matches.first else {
                throw matches.isEmpty ? QueryError.noSuchFinding(reference)
                    : QueryError.ambiguousFinding(reference, candidates: matches.map { "\($0.id) \($0.finding.fingerprint)" })
            }
            history = try store.history(of: stored.id)
            let (context, note) = try context(of: stored)
            return FindingDetail(
                finding: stored, context: context, contextNote: note,
                rule: rules.rules.first { $0.rule.id == stored.finding.ruleId }?.rule, history: history)
        } catch let error as QueryError {
            throw error
        } catch let error as StoreError {
            throw .store(error)
        } catch {
            throw .store(.cannotOpen(path: store.location.path, reason: "\(error)"))
        }
    }

    private func context(of stored: TrackedFinding) throws -> ([FindingDetail.Line], String?) {
        let finding = stored.finding
        let path = (stored.root as NSString).appendingPathComponent(finding.path)
        guard let data = FileManager.default.contents(atPath: path) else {
            return ([], "\(path) cannot be read (deleted or moved?); showing the stored snippet only")
        }
        var analyzer = FileAnalyzer(rules: rules.secretRules, secretKey: try store.secretKey())
        analyzer.appliesFileFilters = false
        let language = Language.forExtension((finding.path as NSString).pathExtension)
        let source = MaskedSource(bytes: Array(data), path: finding.path, language: language, analyzer: analyzer)
        let end = max(finding.endLine, finding.line)
        guard finding.line <= source.lines.count else {
            return ([], "\(finding.path) is shorter than it was at the last scan; run an audit to refresh")
        }
        let range = max(1, finding.line - contextLines)...min(source.lines.count, end + contextLines)
        let lines = range.map { number in
            var text = source.lines[number - 1]
            // A secret the current rules no longer see on the finding's own line: print the
            // stored, masked snippet instead of the raw line.
            if finding.secretHash != nil, number == finding.line, !source.maskedLines.contains(number) {
                text = String(text.prefix { $0 == " " || $0 == "\t" }) + finding.snippet
            }
            return FindingDetail.Line(number: number, text: text, findingLines: finding.line...end)
        }
        let changed = stored.status != .fixed && !(source.lines[finding.line - 1].contains(finding.snippet.prefix(20)))
            && finding.secretHash == nil
        return (lines, changed ? "the file changed since the last scan; the lines may have moved" : nil)
    }
}

extension RuleSet {
    /// The rules that flag secret values (their findings carry a secret hash).
    var secretRules: RuleSet {
        RuleSet(rules: rules.filter { $0.rule.secret != nil })
    }
}
