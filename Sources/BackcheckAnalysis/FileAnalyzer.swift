import BackcheckLexer
import BackcheckRules
import Dispatch
import Synchronization
import BackcheckEngine
import BackcheckModel

/// Runs every applicable rule on one file and turns matches into findings: positions, filled-in
/// messages, masked snippets, fingerprints and suppressions. Pure and `Sendable`: audits run one
/// per core.
public struct FileAnalyzer: Sendable {
    public let rules: RuleSet
    private let secretKey: [UInt8]
    /// Matcher steps allowed per rule and file, per token (with a floor for small files).
    public var budgetPerToken = 400
    /// Whether rules' `paths:` and `roles:` filters apply: off for a rule's own examples (they
    /// run at a synthetic path) and for masking (every secret must be found, wherever it is).
    public var appliesFileFilters = true
    /// Threads that share the rules of one file. An audit keeps 1 (its files already fill the
    /// cores); the daemon raises it for a batch of fewer files than cores, where the time to
    /// the committed finding is one file's analysis.
    public var ruleWorkers = 1
    /// Functions of the root that return taint rules' source data: their calls are sources.
    public var sourceSummaries = SourceSummaries.empty

    /// The rules an analyzer implements: they report after the whole project is read.
    private let projectRuleIds: Set<String>

    public init(rules: RuleSet, secretKey: [UInt8]) {
        self.rules = rules
        self.secretKey = secretKey
        projectRuleIds = Set(rules.rules.compactMap { compiled in
            if case .analyzer = compiled.rule.matcher { compiled.rule.id } else { nil }
        })
    }

    /// The findings and diagnostics of `bytes`, a file at `path` (relative to its root) whose
    /// role is `role`: only rules for that role run, and every finding carries it.
    public func analyze(path: String, bytes: [UInt8], language: Language, role: FileRole) -> FileAnalysis {
        let candidates = bytes.withUnsafeBufferPointer { rules.candidates(for: language, bytes: $0) }
            .filter { !appliesFileFilters || ($0.rule.roles.contains(role) && $0.rule.paths.accepts(path)) }
        // Most files match no rule's keywords: they are not even lexed, unless a suppression
        // comment needs checking for use.
        guard !candidates.isEmpty || Self.hasSuppressionMarkers(bytes) else { return FileAnalysis(findings: [], diagnostics: []) }
        let file = LexedFile(bytes: bytes, language: language)
        let suppressions = SuppressionIndex(file: file)
        var diagnostics = suppressions.problems.map {
            AnalysisDiagnostic(path: path, line: $0.line, message: $0.message, kind: .invalidSuppression)
        }
        var usedMarkers = Set<String>()
        var findings: [Finding] = []
        var fileSecrets = Set<String>()
        var occurrences: [String: Int] = [:]
        var text = SourceText(file: file)
        let budget = max(200_000, file.buffer.tokens.count * budgetPerToken)
        let index = TokenIndex(file)
        var statements: Statements?
        // Which of the root's summarized functions this file names: most name none, and a rule
        // then looks for no calls at all.
        let named = Set(sourceSummaries.names.lazy.filter { index.mayHold($0.bytes) }.map(\.text))
        for (rule, result) in zip(candidates, matches(of: candidates, in: file, index: index, budget: budget, named: named)) {
            if result.exhausted {
                diagnostics.append(AnalysisDiagnostic(
                    path: path, line: nil,
                    message: "rule \(rule.rule.id) stopped after its work budget (\(budget) steps); it may have missed findings in this file, and reports none its filters could not check",
                    kind: .budget))
            }
            var focusSeen = Set<Int>()
            for match in result.matches {
                let focus = rule.focusSlot.flatMap { match.bindings[$0] }?.lowerBound ?? match.start
                guard focusSeen.insert(focus).inserted else { continue }
                if let range = rule.secretSlot.flatMap({ match.bindings[$0] }) {
                    fileSecrets.insert(boundText(range, file: file))
                }
                var finding = makeFinding(rule, match, focus: focus, text: &text, path: path, occurrences: &occurrences)
                finding.fileRole = role
                if statements == nil { statements = index.statements(of: file) }
                let statement = statements!.start(of: match.start)
                let lines = Int(file.buffer.tokens[statement].line)...Int(file.buffer.tokens[match.end - 1].line)
                finding.suppression = suppressions.suppression(ruleId: rule.rule.id, foreignIds: rule.rule.foreignIds, lines: lines)
                if let suppression = finding.suppression { usedMarkers.insert("\(suppression.line) \(rule.rule.id)") }
                findings.append(finding)
            }
        }
        // Project rules' findings are placed after every file is read (``FileSuppressions``):
        // whether their markers are used is not known here.
        for marker in suppressions.ownMarkers where !usedMarkers.contains("\(marker.line) \(marker.ruleId)")
            && !projectRuleIds.contains(marker.ruleId) {
            diagnostics.append(AnalysisDiagnostic(
                path: path, line: marker.line,
                message: "unused suppression of \(marker.ruleId): nothing here matches it any more; remove the comment",
                kind: .unusedSuppression))
        }
        // A line may hold several secrets: every finding's snippet and message masks all of the
        // file's secrets, not only its own.
        for secret in fileSecrets.sorted(by: { $0.count > $1.count }) where secret.count >= 4 {
            let masked = SecretMask.mask(secret)
            for position in findings.indices {
                findings[position].snippet = findings[position].snippet.replacingOccurrences(of: secret, with: masked)
                findings[position].message = findings[position].message.replacingOccurrences(of: secret, with: masked)
            }
        }
        findings.sort { ($0.line, $0.column, $0.ruleId) < ($1.line, $1.column, $1.ruleId) }
        return FileAnalysis(findings: findings, diagnostics: diagnostics)
    }

    /// Each rule's matches, in the order of `rules`: on this thread, or on ``ruleWorkers``
    /// threads that take the next rule as they finish one (rule costs differ by orders of
    /// magnitude, so a fixed split would leave threads idle).
    private func matches(of rules: [CompiledRule], in file: LexedFile, index: TokenIndex,
                         budget: Int, named: Set<String>) -> [RuleMatches] {
        @Sendable func matches(of rule: CompiledRule) -> RuleMatches {
            guard !named.isEmpty else { return rule.matches(in: file, index: index, budget: budget) }
            return rule.matches(in: file, index: index, budget: budget,
                                importedSources: (sourceSummaries.byRule[rule.rule.id] ?? []).intersection(named),
                                importedDataFree: (sourceSummaries.dataFreeByRule[rule.rule.id] ?? []).intersection(named))
        }
        guard ruleWorkers > 1, rules.count > 1 else { return rules.map(matches(of:)) }
        let next = Atomic<Int>(0)
        let results = Mutex([RuleMatches?](repeating: nil, count: rules.count))
        DispatchQueue.concurrentPerform(iterations: min(ruleWorkers, rules.count)) { _ in
            while true {
                let position = next.add(1, ordering: .relaxed).oldValue
                guard position < rules.count else { return }
                let result = matches(of: rules[position])
                results.withLock { $0[position] = result }
            }
        }
        return results.withLock { $0.map { $0 ?? RuleMatches(matches: [], exhausted: false) } }
    }

    /// What `bytes` (a file at `path` with `role`) tell the rest of the root: its functions, and
    /// which of them return a taint rule's source data or none of their arguments' data. Only
    /// files with a `return` (a Ruby `def`, whose last value is returned) can.
    public func sourceSummary(path: String, bytes: [UInt8], language: Language, role: FileRole) -> FileSourceSummary? {
        guard Self.contains(bytes, "return") || (language == .ruby && Self.contains(bytes, "def")) else { return nil }
        // Any taint rule may find a function data-free; only one whose sources this file may
        // hold can find it returning them.
        let sourceRules = Set(bytes.withUnsafeBufferPointer { self.rules.sourceCandidates(for: language, bytes: $0) }.map(\.rule.id))
        let rules = self.rules.taintRules(for: language).filter {
            !appliesFileFilters || ($0.rule.roles.contains(role) && $0.rule.paths.accepts(path))
        }
        guard !rules.isEmpty else { return nil }
        let file = LexedFile(bytes: bytes, language: language)
        let index = TokenIndex(file)
        let budget = max(200_000, file.buffer.tokens.count * budgetPerToken)
        var returning: [String: [String]] = [:]
        var dataFree: [String: [String]] = [:]
        for rule in rules {
            let found = rule.functionSummaries(in: file, index: index, budget: budget, findingSources: sourceRules.contains(rule.rule.id))
            if !found.returningSources.isEmpty { returning[rule.rule.id] = found.returningSources }
            if !found.dataFree.isEmpty { dataFree[rule.rule.id] = found.dataFree }
        }
        return FileSourceSummary(definedNames: FunctionSignatures.definedNames(in: file, index: index),
                                 returningSources: returning, dataFree: dataFree)
    }

    private func makeFinding(
        _ rule: CompiledRule, _ match: PatternMatch, focus: Int, text: inout SourceText, path: String,
        occurrences: inout [String: Int]
    ) -> Finding {
        let file = text.file
        let tokens = file.buffer.tokens
        let secretRange = rule.secretSlot.flatMap { match.bindings[$0] }
        let secret = secretRange.map { boundText($0, file: file) }
        let secretHash = secret.map { SecretMask.keyedHash($0, key: secretKey) }
        let masked = secret.map(SecretMask.mask)

        var normalized: [String] = []
        var index = match.start
        while index < match.end, normalized.count < Fingerprint.tokenLimit {
            if let secretRange, secretRange.contains(index) {
                normalized.append("<secret:\(secretHash ?? "")>")
                index = secretRange.upperBound
                continue
            }
            normalized.append(file.text(ofTokens: index..<(index + 1)))
            index += 1
        }
        let normalizedText = normalized.joined(separator: " ")
        let occurrenceKey = rule.rule.id + "\u{0}" + normalizedText
        let occurrence = occurrences[occurrenceKey, default: 0]
        occurrences[occurrenceKey] = occurrence + 1

        let start = text.position(ofByte: Int(tokens[focus].start))
        let end = text.position(ofByte: Int(tokens[match.end - 1].end))
        let audited = match.origin.flatMap { origin in rule.rule.auditMessage.map { (origin, $0) } }
        var message = audited?.1 ?? rule.rule.message
        if let (origin, _) = audited {
            message = message.replacingOccurrences(of: "$VALUE", with: messageValue(origin..<(origin + 1), file: file))
        }
        for (slot, name) in rule.metavariables.enumerated().sorted(by: { $0.element.count > $1.element.count }) {
            guard let range = match.bindings[slot] else { continue }
            let value = slot == rule.secretSlot ? (masked ?? "") : messageValue(range, file: file)
            message = message.replacingOccurrences(of: "$" + name, with: value)
        }
        var snippet = text.snippet(ofLine: start.line)
        if let secret, let masked { snippet = snippet.replacingOccurrences(of: secret, with: masked) }

        var properties: [String: String] = [:]
        if rule.isTaint { properties["tier"] = (audited == nil ? FindingTier.confirmed : .audit).rawValue }
        return Finding(
            ruleId: rule.rule.id, checklist: rule.rule.checklist,
            severity: audited == nil ? rule.rule.severity : rule.rule.auditSeverity,
            confidence: audited == nil || rule.rule.confidence == .low ? rule.rule.confidence : .medium, path: path,
            line: start.line, column: start.column, endLine: end.line, endColumn: end.column,
            message: message, snippet: snippet,
            fingerprint: Fingerprint.make(ruleId: rule.rule.id, path: path, normalizedMatch: normalizedText, occurrence: occurrence),
            secretHash: secretHash, properties: properties
        )
    }

    /// A binding's value: a string literal's content, else the bound source text; at most its
    /// first `limit` bytes.
    private func boundText(_ range: Range<Int>, file: LexedFile, limit: Int = .max) -> String {
        let bytes: Range<Int>
        if range.count == 1, file.buffer.tokens[range.lowerBound].kind == .string {
            bytes = file.buffer.contentRange(of: range.lowerBound)
        } else if range.isEmpty {
            return ""
        } else {
            let tokens = file.buffer.tokens
            let lower = Int(tokens[range.lowerBound].start)
            bytes = lower..<max(lower, Int(tokens[range.upperBound - 1].end))
        }
        let upper = bytes.count > limit ? bytes.lowerBound + limit : bytes.upperBound
        return String(decoding: file.bytes[bytes.lowerBound..<upper], as: UTF8.self)
    }

    /// A binding as a message shows it (``shorten(_:)``): its first 60 characters are all that
    /// can show, so only a window of its bytes is read, however much of a minified line it spans.
    private func messageValue(_ range: Range<Int>, file: LexedFile) -> String {
        Self.shorten(boundText(range, file: file, limit: 1024))
    }

    /// Whether `bytes` hold a `backcheck:ignore` comment, whose use only an analysis can tell
    /// (and report when unused).
    public static func hasSuppressionMarkers(_ bytes: [UInt8]) -> Bool {
        contains(bytes, "backcheck:ignore")
    }

    static func contains(_ bytes: [UInt8], _ word: String) -> Bool {
        let needle = Array(word.utf8)
        guard bytes.count >= needle.count else { return false }
        var index = 0
        while let found = bytes[index...].firstIndex(of: needle[0]) {
            if bytes[found...].starts(with: needle) { return true }
            index = found + 1
        }
        return false
    }

    /// One line of code for messages: whitespace collapsed, at most 60 characters.
    static func shorten(_ text: String) -> String {
        let collapsed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return collapsed.count > 60 ? String(collapsed.prefix(57)) + "..." : collapsed
    }
}

import Foundation
