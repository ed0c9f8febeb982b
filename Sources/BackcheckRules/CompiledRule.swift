import BackcheckLexer
import BackcheckEngine
import BackcheckModel

/// A rule ready to run: its patterns compiled for each of its languages.
public struct CompiledRule: Sendable {
    public internal(set) var rule: Rule
    /// Metavariable names; `PatternMatch.bindings` is indexed like this.
    public let metavariables: [String]
    /// Slot of the `focus` metavariable.
    public let focusSlot: Int?
    /// Slot of the `secret` metavariable.
    public let secretSlot: Int?
    let constraints: [TextConstraint?]
    let formulas: [Language: CompiledFormula]
    /// Per language, alternatives of lower-cased words a file must contain (prefilter).
    let requirements: [Language: [[[UInt8]]]]
    /// Lower-cased `keywords`: a file must contain one of them.
    let keywords: [[UInt8]]
    /// Per language, for a taint rule, alternatives of lower-cased words a file must contain for
    /// a source to match (the summary pass's prefilter).
    let sourceRequirements: [Language: [[[UInt8]]]]

    /// Compiles `rule` for each of its languages.
    public init(_ rule: Rule) throws(RuleError) {
        var names: [String] = []
        var formulas: [Language: CompiledFormula] = [:]
        // An analyzer rule has no formula, so it is never a candidate for a file's tokens.
        if case .patterns(let formula) = rule.matcher {
            for language in rule.languages {
                let compiled = CompiledFormula(formula, language: language, metavariables: &names)
                if compiled.hasEmptyPattern {
                    throw RuleError(file: rule.file, line: formula.patterns.first?.line,
                                    message: "a pattern of `\(rule.id)` has no tokens in \(language.rawValue)")
                }
                formulas[language] = compiled
            }
        }
        self.rule = rule
        self.metavariables = names
        self.formulas = formulas
        self.constraints = names.map { rule.constraints[$0] }
        self.focusSlot = rule.focus.flatMap { names.firstIndex(of: $0) }
        self.secretSlot = rule.secret.flatMap { names.firstIndex(of: $0) }
        self.requirements = formulas.mapValues { formula in
            formula.requiredWords.map { words in words.map { $0.map(Self.lowercased) } }
        }
        self.keywords = rule.keywords.map { Array($0.utf8).map(Self.lowercased) }
        self.sourceRequirements = formulas.filter(\.value.isTaint).mapValues { formula in
            formula.sourceRequiredWords.map { words in words.map { $0.map(Self.lowercased) } }
        }
    }

    /// Whether the rule is a taint rule (its findings carry a tier).
    public var isTaint: Bool { formulas.values.contains(where: \.isTaint) }

    /// Whether the rule reports string literals by what they hold: some positive pattern is a
    /// lone string (`"$S"` tested by `where`, `"text"`, `"..."`), so any string holding the right
    /// text matches, even one that holds a whole example.
    public var readsStringContents: Bool {
        formulas.values.contains(where: \.matchesLoneStrings)
    }

    static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
    }

    /// Every word the prefilter needs to know about.
    var prefilterWords: [[UInt8]] {
        keywords + requirements.values.flatMap { $0.flatMap { $0 } }
    }

    /// Words the summary pass's prefilter needs to know about.
    var sourcePrefilterWords: [[UInt8]] {
        sourceRequirements.values.flatMap { $0.flatMap { $0 } }
    }

    /// Whether a file containing exactly the words in `present` could hold one of this taint
    /// rule's sources in `language`. The rule's `keywords` are not asked for: they say where its
    /// sinks may be, and a helper returning request data can live anywhere.
    func mayHoldSources(language: Language, present: (([UInt8]) -> Bool)) -> Bool {
        guard let alternatives = sourceRequirements[language] else { return false }
        return alternatives.contains { words in words.allSatisfy(present) }
    }

    /// Whether a file containing exactly the words in `present` could match in `language`.
    func mayMatch(language: Language, present: (([UInt8]) -> Bool)) -> Bool {
        guard let alternatives = requirements[language] else { return false }
        if !keywords.isEmpty, !keywords.contains(where: present) { return false }
        return alternatives.contains { words in words.allSatisfy(present) }
    }

    /// The rule's matches in `file`, and whether the work budget ran out. For a taint rule, calls
    /// of `importedSources` (functions that return its source data elsewhere in the root) are
    /// sources too, and the arguments of calls of `importedDataFree` (functions that return none
    /// of their arguments' data wherever the root defines them) are clean.
    public func matches(in file: LexedFile, index: TokenIndex, budget: Int, importedSources: Set<String> = [],
                        importedDataFree: Set<String> = []) -> RuleMatches {
        guard let formula = formulas[file.language] else { return RuleMatches(matches: [], exhausted: false) }
        let (matches, exhausted) = formula.matches(in: file, index: index, constraints: constraints, budget: budget,
                                                   importedSources: importedSources, importedDataFree: importedDataFree,
                                                   reportsAudit: rule.auditMessage != nil, auditContext: rule.auditBefore)
        return RuleMatches(matches: matches, exhausted: exhausted)
    }

    /// The names of `file`'s functions that return the rule's source data (looked for when
    /// `findingSources`), and of those with parameters that return none of their data, when it
    /// is a taint rule.
    public func functionSummaries(in file: LexedFile, index: TokenIndex, budget: Int,
                                  findingSources: Bool) -> (returningSources: [String], dataFree: [String]) {
        formulas[file.language]?.functionSummaries(in: file, index: index, constraints: constraints, budget: budget,
                                                   findingSources: findingSources) ?? ([], [])
    }
}

/// A rule's matches in one file; `exhausted` when the work budget ran out before the search ended,
/// so the matches may be incomplete.
public struct RuleMatches: Sendable {
    public var matches: [PatternMatch]
    public var exhausted: Bool

    public init(matches: [PatternMatch], exhausted: Bool) {
        self.matches = matches
        self.exhausted = exhausted
    }
}
