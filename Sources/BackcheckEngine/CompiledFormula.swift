import BackcheckModel

/// A `Formula` whose patterns are compiled for one language.
package indirect enum CompiledFormula: Sendable {
    case pattern([PatternElement])
    case any([CompiledFormula])
    case all([CompiledFormula])
    case not(CompiledFormula)
    case inside(CompiledFormula)
    case notInside(CompiledFormula)
    case notInFile(CompiledFormula)
    case taint(TaintSpecification)

    package init(_ formula: Formula, language: Language, metavariables: inout [String]) {
        switch formula {
        case .pattern(let text, _):
            self = .pattern(PatternCompiler.compile(text, language: language, metavariables: &metavariables))
        case .any(let items):
            self = .any(items.map { CompiledFormula($0, language: language, metavariables: &metavariables) })
        case .all(let items):
            self = .all(items.map { CompiledFormula($0, language: language, metavariables: &metavariables) })
        case .not(let inner): self = .not(CompiledFormula(inner, language: language, metavariables: &metavariables))
        case .inside(let inner): self = .inside(CompiledFormula(inner, language: language, metavariables: &metavariables))
        case .notInside(let inner): self = .notInside(CompiledFormula(inner, language: language, metavariables: &metavariables))
        case .notInFile(let inner): self = .notInFile(CompiledFormula(inner, language: language, metavariables: &metavariables))
        case .taint(let sources, let sinks, let sanitizers, let guards):
            func compile(_ items: [Formula]) -> [CompiledFormula] {
                items.map { CompiledFormula($0, language: language, metavariables: &metavariables) }
            }
            let compiled = (compile(sources), compile(sinks), compile(sanitizers), compile(guards))
            self = .taint(TaintSpecification(
                sources: compiled.0, sinks: compiled.1, sanitizers: compiled.2, guards: compiled.3,
                sinkSlot: metavariables.firstIndex(of: "SINK"), parameterSlot: metavariables.firstIndex(of: "PARAM")))
        }
    }

    /// Alternatives of identifier sets, one of which a file must wholly contain for a match
    /// to be possible (disjunctive normal form, used by the prefilter).
    package var requiredWords: [[[UInt8]]] {
        switch self {
        case .pattern(let elements): [elements.flatMap(\.requiredWords)]
        case .any(let items): items.flatMap(\.requiredWords)
        case .all(let items): items.first(where: \.isPositive)?.requiredWords ?? [[]]
        case .taint(let specification): specification.sinks.flatMap(\.requiredWords)
        case .not, .inside, .notInside, .notInFile: [[]]
        }
    }

    /// Whether a lone string literal can be a match: a positive pattern is just `"$S"`, `"text"`
    /// or `"..."` (for `all`, the first positive member gives the match; for taint, the sinks).
    package var matchesLoneStrings: Bool {
        switch self {
        case .pattern(let elements):
            switch elements.first {
            case .anyString?, .bindString?, .exactString?: elements.count == 1
            default: false
            }
        case .any(let items): items.contains(where: \.matchesLoneStrings)
        case .all(let items): items.first(where: \.isPositive)?.matchesLoneStrings ?? false
        case .taint(let specification): specification.sinks.contains(where: \.matchesLoneStrings)
        case .not, .inside, .notInside, .notInFile: false
        }
    }

    /// Whether the formula is a filter that removes candidates (`not`, `not-inside`, `not-in-file`).
    var excludes: Bool {
        switch self {
        case .not, .notInside, .notInFile: true
        case .pattern, .any, .all, .taint, .inside: false
        }
    }

    var isPositive: Bool {
        switch self {
        case .pattern, .any, .all, .taint: true
        case .not, .inside, .notInside, .notInFile: false
        }
    }

    /// Whether some pattern failed to compile to anything.
    package var hasEmptyPattern: Bool {
        switch self {
        case .pattern(let elements): elements.isEmpty
        case .any(let items), .all(let items): items.contains(where: \.hasEmptyPattern)
        case .not(let inner), .inside(let inner), .notInside(let inner), .notInFile(let inner): inner.hasEmptyPattern
        case .taint(let specification):
            (specification.sources + specification.sinks + specification.sanitizers + specification.guards)
                .contains(where: \.hasEmptyPattern)
        }
    }

    /// The matches of the formula in `file`, constraints checked per metavariable slot, and whether
    /// the matcher ran out of its budget of `budget` steps.
    package func matches(in file: LexedFile, index: TokenIndex, constraints: [TextConstraint?],
                         budget: Int, importedSources: Set<String> = [], importedDataFree: Set<String> = [], reportsAudit: Bool = false,
                         auditContext: CompiledRegex? = nil) -> (matches: [PatternMatch], exhausted: Bool) {
        file.buffer.tokens.withUnsafeBufferPointer { tokens in
            file.bytes.withUnsafeBufferPointer { bytes in
                var engine = MatchEngine(buffer: file.buffer, tokens: tokens, bytes: bytes, index: index,
                                         constraints: constraints, budget: budget)
                engine.importedSources = importedSources
                engine.importedDataFree = importedDataFree
                engine.reportsAudit = reportsAudit
                engine.auditContext = auditContext
                let found = evaluate(&engine)
                return (found, engine.exhausted)
            }
        }
    }

    /// The taint specification the formula runs, at its top or as the positive member of `all`.
    private var taintSpecification: TaintSpecification? {
        switch self {
        case .taint(let specification): specification
        case .all(let items): items.lazy.compactMap(\.taintSpecification).first
        default: nil
        }
    }

    /// Whether the formula is a taint rule's.
    package var isTaint: Bool { taintSpecification != nil }

    /// For a taint formula, alternatives of words a file must hold for some source to match in
    /// it (empty for other formulas).
    package var sourceRequiredWords: [[[UInt8]]] {
        taintSpecification?.sources.flatMap(\.requiredWords) ?? []
    }

    /// The names of `file`'s functions that return this taint formula's source data (looked for
    /// when `findingSources`), and of those that return none of their arguments' data (none for
    /// other formulas).
    package func functionSummaries(in file: LexedFile, index: TokenIndex, constraints: [TextConstraint?],
                                   budget: Int, findingSources: Bool) -> (returningSources: [String], dataFree: [String]) {
        guard let specification = taintSpecification else { return ([], []) }
        return file.buffer.tokens.withUnsafeBufferPointer { tokens in
            file.bytes.withUnsafeBufferPointer { bytes in
                var engine = MatchEngine(buffer: file.buffer, tokens: tokens, bytes: bytes, index: index,
                                         constraints: constraints, budget: budget)
                return specification.functionSummaries(&engine, findingSources: findingSources)
            }
        }
    }

    /// The matches of the formula in the engine's file. In a filter (the formula of `not`,
    /// `inside` or `not-inside`) a pattern's trailing `...` runs to the end of the group it
    /// stands in, the file at the top level: `not-inside: 'STDIN.gets ...'` is everything after
    /// the read, where a lazy `...` would be nothing.
    func evaluate(_ engine: inout MatchEngine, filter: Bool = false) -> [PatternMatch] {
        switch self {
        case .pattern(let elements):
            if filter, elements.count > 1, elements.last == .ellipsis {
                return engine.matches(of: Array(elements.dropLast())).map { engine.extendedToGroupEnd($0) }
            }
            return engine.matches(of: elements)
        case .any(let items):
            var seen = Set<Range<Int>>()
            var result: [PatternMatch] = []
            for item in items {
                for match in item.evaluate(&engine, filter: filter) where seen.insert(match.start..<match.end).inserted {
                    result.append(match)
                }
            }
            return result.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        case .all(let items):
            guard let firstPositive = items.firstIndex(where: \.isPositive) else { return [] }
            var candidates = items[firstPositive].evaluate(&engine, filter: filter)
            // Each test is a binary search in the other member's matches, not a scan of them:
            // a minified line holds tens of thousands of both.
            for (offset, item) in items.enumerated() where offset != firstPositive && !candidates.isEmpty {
                switch item {
                case .not(let inner):
                    let others = FilterRanges(inner.evaluate(&engine, filter: true), engine: engine)
                    candidates.removeAll { others.anyOverlaps($0) }
                case .inside(let inner):
                    let others = FilterRanges(inner.evaluate(&engine, filter: true), engine: engine)
                    candidates.removeAll { !others.anyContains($0) }
                case .notInside(let inner):
                    let others = FilterRanges(inner.evaluate(&engine, filter: true), engine: engine)
                    candidates.removeAll { others.anyContains($0) }
                case .notInFile(let inner):
                    if !inner.evaluate(&engine, filter: true).isEmpty { candidates.removeAll() }
                default:
                    let others = MatchRanges(item.evaluate(&engine))
                    candidates.removeAll { !others.anyInside($0.start..<$0.end) }
                }
            }
            // A filter cut short by the budget matched only part of the file, so the candidates
            // it would have removed look like the rest: reporting them would report exactly what
            // the rule's author excluded.
            if engine.exhausted, items.contains(where: \.excludes) { return [] }
            return candidates
        case .taint(let specification):
            return specification.evaluate(&engine)
        case .not, .inside, .notInside, .notInFile:
            return []
        }
    }
}

import BackcheckLexer
