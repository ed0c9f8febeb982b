import BackcheckLexer

/// A filter formula's matches (`not`, `inside`, `not-inside`), asked whether one overlaps or
/// contains a candidate. A match binding none of the rule's unified metavariables
/// (``TextConstraint/unify``) answers for every candidate, as ``MatchRanges`` does; one that binds
/// some answers only for a candidate that binds the same tokens to them (or leaves them unbound),
/// found by the bound texts rather than by comparing every pair.
struct FilterRanges {
    private let plain: MatchRanges
    /// Per set of unified slots some matches bind: those matches by the texts bound there.
    private let keyed: [[Int]: [[UInt8]: MatchRanges]]
    private let tokens: UnsafeBufferPointer<Token>
    private let bytes: UnsafeBufferPointer<UInt8>

    init(_ matches: [PatternMatch], engine: MatchEngine) {
        tokens = engine.tokens
        bytes = engine.bytes
        let unified = engine.unifiedSlots
        guard !unified.isEmpty else {
            plain = MatchRanges(matches)
            keyed = [:]
            return
        }
        var plainMatches: [PatternMatch] = []
        var grouped: [[Int]: [[UInt8]: [PatternMatch]]] = [:]
        for match in matches {
            let slots = unified.filter { $0 < match.bindings.count && match.bindings[$0] != nil }
            if let key = Self.key(match, slots, tokens: tokens, bytes: bytes), !slots.isEmpty {
                grouped[slots, default: [:]][key, default: []].append(match)
            } else {
                plainMatches.append(match)
            }
        }
        plain = MatchRanges(plainMatches)
        keyed = grouped.mapValues { $0.mapValues(MatchRanges.init) }
    }

    /// Whether some match that applies to `candidate` overlaps it.
    func anyOverlaps(_ candidate: PatternMatch) -> Bool {
        applying(to: candidate) { $0.anyOverlaps(candidate.start..<candidate.end) }
    }

    /// Whether some match that applies to `candidate` contains it.
    func anyContains(_ candidate: PatternMatch) -> Bool {
        applying(to: candidate) { $0.anyContains(candidate.start..<candidate.end) }
    }

    private func applying(to candidate: PatternMatch, _ test: (MatchRanges) -> Bool) -> Bool {
        if test(plain) { return true }
        for (slots, groups) in keyed {
            if let key = Self.key(candidate, slots, tokens: tokens, bytes: bytes) {
                if let ranges = groups[key], test(ranges) { return true }
            } else if groups.values.contains(where: test) {
                // The candidate leaves a slot unbound: the filter's binding of it is free.
                return true
            }
        }
        return false
    }

    /// The tokens `match` binds to `slots`, each token's bytes followed by a space and each slot's
    /// by a NUL; nil when it leaves one of them unbound.
    private static func key(_ match: PatternMatch, _ slots: [Int], tokens: UnsafeBufferPointer<Token>,
                            bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var key: [UInt8] = []
        for slot in slots {
            guard slot < match.bindings.count, let range = match.bindings[slot] else { return nil }
            for index in range {
                key += bytes[tokens[index].range]
                key.append(0x20)
            }
            key.append(0)
        }
        return key
    }
}
