import BackcheckLexer

/// Backtracking matcher of compiled patterns over one file's tokens.
///
/// Groups are matched through the lexer's bracket partners, so `...` skips a whole group in one
/// step and never leaves the group it stands in. Constraints are checked when a metavariable binds,
/// which prunes the search early. Every step counts against a budget; when it runs out the
/// engine stops and reports `exhausted` instead of hanging on adversarial input.
struct MatchEngine {
    let tokens: UnsafeBufferPointer<Token>
    let bytes: UnsafeBufferPointer<UInt8>
    let buffer: TokenBuffer
    let index: TokenIndex
    let constraints: [TextConstraint?]
    /// Per slot, whether it has a constraint and whether that asks for an unexplained binding:
    /// asked at every binding, where reading the constraint itself would copy (and retain) its
    /// regexes.
    private let constrainedSlots: [Bool]
    private let unexplainedSlots: [Bool]
    /// Slots whose filter bindings must equal the filtered match's (``TextConstraint/unify``).
    let unifiedSlots: [Int]
    let budget: Int
    /// Functions that return request data somewhere in the root: their calls are taint sources.
    package var importedSources: Set<String> = []
    /// Functions that return none of their arguments' data wherever the root defines them:
    /// their calls' arguments are sanitized.
    package var importedDataFree: Set<String> = []
    /// Whether taint rules also report their audit tier (``TaintFlow/auditOrigin(_:before:work:)``).
    package var reportsAudit = false
    /// What the text before a value must match for the audit tier to count it as built in.
    package var auditContext: CompiledRegex?
    private(set) var steps = 0
    private(set) var exhausted = false
    private var bound: [Range<Int>?]
    /// The file's statement model, fetched from the index the first time a pattern needs it.
    private var statements: Statements?

    /// How many of an operand's shortest ends a metavariable followed by more pattern tries.
    static let prefixEnds = 16

    init(buffer: TokenBuffer, tokens: UnsafeBufferPointer<Token>, bytes: UnsafeBufferPointer<UInt8>, index: TokenIndex,
         constraints: [TextConstraint?], budget: Int) {
        self.buffer = buffer
        self.index = index
        self.tokens = tokens
        self.bytes = bytes
        self.constraints = constraints
        constrainedSlots = constraints.map { $0 != nil }
        unexplainedSlots = constraints.map { $0?.unexplained == true }
        unifiedSlots = constraints.indices.filter { constraints[$0]?.unify == true }
        self.budget = budget
        self.bound = Array(repeating: nil, count: constraints.count)
    }

    /// All matches of `elements` starting anywhere in the file, in start order.
    mutating func matches(of elements: [PatternElement]) -> [PatternMatch] {
        guard !elements.isEmpty else { return [] }
        var found: [PatternMatch] = []
        let count = tokens.count
        func attempt(_ start: Int, _ engine: inout MatchEngine) {
            guard elements.withUnsafeBufferPointer({ engine.canStart($0, 0, at: start) }) else { return }
            for slot in engine.bound.indices where engine.bound[slot] != nil { engine.bound[slot] = nil }
            if let end = engine.match(elements, 0, start, count, anchored: false), end > start {
                found.append(PatternMatch(start: start, end: end, bindings: engine.bound))
            }
        }
        if let starts = candidateStarts(elements) {
            for start in starts {
                if exhausted { break }
                attempt(start, &self)
            }
        } else {
            for start in 0..<count {
                if exhausted { break }
                attempt(start, &self)
            }
        }
        return found
    }

    /// The only token indices where a match of `elements` can start, in order, when the pattern
    /// has a literal to look up: its first element, or the literal right after a leading
    /// operand (`$X.execute(...)`, `$A == $B`), whose chain head is walked back to. Nil means
    /// every index must be tried.
    private func candidateStarts(_ elements: [PatternElement]) -> [Int]? {
        switch elements[0] {
        case .token(_, let text):
            return index.positions(of: text.array).map(Int.init)
        case .group(let open, _):
            return index.positions(of: [open]).map(Int.init)
        case .anyString, .bindString, .exactString, .interpolatedString:
            return index.strings.map(Int.init)
        case .metavariable:
            guard elements.count > 1, case .token(_, let text) = elements[1] else { return nil }
            return index.chainHeads(before: text.array, grammar: grammar)
        default:
            return nil
        }
    }

    private var grammar: OperandGrammar { OperandGrammar(tokens: tokens, bytes: bytes, language: buffer.language) }

    // The token tests below are `mutating` though they change nothing: called from the matcher,
    // which holds the engine `inout`, a non-mutating method got a copy of the whole engine (232
    // bytes, each array in it retained and released) at every step.

    /// Cheap test of whether a match could begin at `index`, to avoid entering the matcher.
    private mutating func canStart(_ elements: UnsafeBufferPointer<PatternElement>, _ position: Int, at index: Int) -> Bool {
        let token = tokens[index]
        // Read in place: a copied element would retain a group's children.
        switch elements[position] {
        case .token(_, let text): return equals(token, text)
        case .anyString: return token.kind == .string || token.kind == .stringStart
        case .bindString, .exactString: return token.kind == .string
        case .metavariable: return self.index.chainStart[index]
        case .group(let open, _): return token.kind == .punctuation && token.hasPartner && bytes[Int(token.start)] == open
        case .block: return token.kind == .blockOpen
        case .interpolatedString: return token.kind == .stringStart
        case .interpolation: return token.kind == .interpolationOpen
        case .stringText: return token.kind == .stringSegment
        case .ellipsis, .ellipsisComma, .commaEllipsis, .ellipsisBinding, .optionalReturnAnnotation: return true
        }
    }

    /// `match` with its end moved to the end of the group it stands in (the file's end at the
    /// top level), for a filter pattern's trailing `...`.
    mutating func extendedToGroupEnd(_ match: PatternMatch) -> PatternMatch {
        var stop = match.end
        while stop < tokens.count, !exhausted {
            let token = tokens[stop]
            if Statements.isCloser(token, at: stop, bytes: bytes) { break }
            charge(1)
            stop = isOpener(token, at: stop) ? Int(token.partner) + 1 : stop + 1
        }
        var extended = match
        extended.end = max(stop, match.end)
        return extended
    }

    /// Counts `work` steps done outside the matcher (a taint replay) against the budget.
    /// The steps left before the budget runs out.
    var remainingBudget: Int { max(0, budget - steps) }

    mutating func charge(_ work: Int) {
        steps += work
        if steps > budget { exhausted = true }
    }

    // MARK: - Sequence matching

    /// Matches `elements[position...]` from token `index`; returns the index after the match.
    /// `anchored` requires the match to end exactly at `end` (the inside of a group).
    private mutating func match(_ elements: [PatternElement], _ position: Int, _ index: Int, _ end: Int, anchored: Bool) -> Int? {
        steps += 1
        if steps > budget { exhausted = true }
        if exhausted { return nil }
        guard position < elements.count else {
            return !anchored || index == end ? index : nil
        }
        let next = position + 1
        switch elements[position] {
        case .token(_, let text):
            guard index < end, equals(tokens[index], text) else { return nil }
            return match(elements, next, index + 1, end, anchored: anchored)

        case .stringText(let text):
            guard index < end, tokens[index].kind == .stringSegment, equals(tokens[index], text) else { return nil }
            return match(elements, next, index + 1, end, anchored: anchored)

        case .anyString:
            guard index < end else { return nil }
            let token = tokens[index]
            if token.kind == .string { return match(elements, next, index + 1, end, anchored: anchored) }
            guard token.kind == .stringStart, token.hasPartner, Int(token.partner) < end else { return nil }
            return match(elements, next, Int(token.partner) + 1, end, anchored: anchored)

        case .exactString(let text):
            guard index < end, tokens[index].kind == .string,
                  bytes[buffer.contentRange(of: index)].elementsEqual(text.bytes) else { return nil }
            return match(elements, next, index + 1, end, anchored: anchored)

        case .bindString(let slot):
            guard index < end, tokens[index].kind == .string else { return nil }
            return bind(slot, index..<(index + 1)) {
                $0.match(elements, next, index + 1, end, anchored: anchored)
            }

        case .metavariable(let slot):
            guard index < end, self.index.operandStart[index] else { return nil }
            let ends = self.index.operandEnds(of: index)
            // Candidate ends were computed once per file; those past this group do not count.
            let top = lastEnd(in: ends, atMost: end)
            guard top >= ends.lowerBound else { return nil }
            // An operand is the whole chain unless the pattern itself goes on into it
            // (`$X.digest()` binds the receiver): `a == $X` must not bind `Token` of `Token.none`.
            let wholeOnly = next >= elements.count || !isLiteral(elements[next])
            // Where the pattern goes on, only the chain's first links may be the operand,
            // longest first: a minified chain has thousands of prefixes, each a longer text for
            // the constraints, and a receiver the pattern names (`$DB.query(...)`) is short.
            let longest = wholeOnly ? top : min(top, ends.lowerBound + Self.prefixEnds - 1)
            let lowest = wholeOnly ? top : ends.lowerBound
            for position in stride(from: longest, through: lowest, by: -1) {
                // Every end tried is work, whether or not it binds.
                steps += 1
                if steps > budget { exhausted = true }
                if exhausted { return nil }
                let operandEnd = Int(self.index.ends[position])
                // Look ahead over the literals that follow before binding, so constraints
                // (regexes) only run on operands the rest of the pattern could follow: in a
                // chain every link is followed by `.`, but few by `.execute`.
                if next < elements.count, isLiteral(elements[next]),
                   operandEnd >= end || !elements.withUnsafeBufferPointer({ canFollow($0, next, at: operandEnd, end: end) }) {
                    continue
                }
                if let result = bind(slot, index..<operandEnd, then: {
                    $0.match(elements, next, operandEnd, end, anchored: anchored)
                }) {
                    return result
                }
                if exhausted { return nil }
            }
            return nil

        case .ellipsis:
            return ellipsis(from: index, end: end) { engine, stop in
                engine.match(elements, next, stop, end, anchored: anchored)
            }

        case .ellipsisBinding(let slot):
            if next == elements.count, !anchored {
                // A trailing `$...X` takes the rest of the statement, not nothing.
                if statements == nil { statements = self.index.statements(tokens: tokens, bytes: bytes) }
                let stop = statements!.end(from: index, limit: end, atComma: true, tokens: tokens, bytes: bytes)
                guard stop > index else { return nil }
                return bind(slot, index..<stop) { $0.match(elements, next, stop, end, anchored: anchored) }
            }
            if unexplainedSlots[slot] {
                // An unexplained binding holds no tokens, so the empty sequence is the only one
                // to try: walking on would test every longer one, to the end of the file where
                // no closer stops the walk (Ruby's `rescue … end`), and fail each.
                return bind(slot, index..<index) { $0.match(elements, next, index, end, anchored: anchored) }
            }
            return ellipsis(from: index, end: end) { engine, stop in
                engine.bind(slot, index..<stop) { $0.match(elements, next, stop, end, anchored: anchored) }
            }

        case .ellipsisComma:
            if let result = match(elements, next, index, end, anchored: anchored) { return result }
            return ellipsis(from: index, end: end) { engine, stop in
                guard stop < end, engine.isComma(stop) else { return nil }
                return engine.match(elements, next, stop + 1, end, anchored: anchored)
            }

        case .commaEllipsis:
            if let result = match(elements, next, index, end, anchored: anchored) { return result }
            guard index < end, isComma(index) else { return nil }
            return ellipsis(from: index + 1, end: end) { engine, stop in
                engine.match(elements, next, stop, end, anchored: anchored)
            }

        case .group(let open, let children):
            guard index < end else { return nil }
            let token = tokens[index]
            guard token.kind == .punctuation, token.hasPartner, bytes[Int(token.start)] == open else { return nil }
            return matchGroup(children, index, end) { $0.match(elements, next, $1, end, anchored: anchored) }

        case .block(let children):
            guard index < end, tokens[index].kind == .blockOpen else { return nil }
            return matchGroup(children, index, end) { $0.match(elements, next, $1, end, anchored: anchored) }

        case .interpolatedString(let children):
            guard index < end, tokens[index].kind == .stringStart else { return nil }
            return matchGroup(children, index, end) { $0.match(elements, next, $1, end, anchored: anchored) }

        case .interpolation(let children):
            guard index < end, tokens[index].kind == .interpolationOpen else { return nil }
            return matchGroup(children, index, end) { $0.match(elements, next, $1, end, anchored: anchored) }

        case .optionalReturnAnnotation:
            return match(elements, next, returnAnnotationEnd(from: index, end: end), end, anchored: anchored)
        }
    }

    /// Where a return annotation starting at `index` (`-> Optional[T]`) ends: at the header's
    /// `:`, with bracket groups skipped whole. `index` itself when no `->` starts there.
    private mutating func returnAnnotationEnd(from index: Int, end: Int) -> Int {
        guard index < end, isText(index, "->") else { return index }
        var stop = index + 1
        while stop < end, !exhausted, !isText(stop, ":") {
            let token = tokens[stop]
            if Statements.isCloser(token, at: stop, bytes: bytes) || token.kind == .blockOpen { return index }
            charge(1)
            stop = isOpener(token, at: stop) ? Int(token.partner) + 1 : stop + 1
        }
        return stop < end ? stop : index
    }

    /// Matches a group's contents entirely, then the rest of the pattern after its closer.
    private mutating func matchGroup(
        _ children: [PatternElement], _ open: Int, _ end: Int,
        then rest: (inout MatchEngine, Int) -> Int?
    ) -> Int? {
        let close = Int(tokens[open].partner)
        guard tokens[open].hasPartner, close > open, close < end else { return nil }
        guard match(children, 0, open + 1, close, anchored: true) != nil else { return nil }
        return rest(&self, close + 1)
    }

    /// Tries `rest` at every stop of a lazy `...` from `index`: never past a closer, groups skipped whole.
    private mutating func ellipsis(from index: Int, end: Int, rest: (inout MatchEngine, Int) -> Int?) -> Int? {
        var stop = index
        while true {
            if let result = rest(&self, stop) { return result }
            if exhausted || stop >= end { return nil }
            let token = tokens[stop]
            if Statements.isCloser(token, at: stop, bytes: bytes) { return nil }
            steps += 1
            if isOpener(token, at: stop) {
                let close = Int(token.partner)
                guard close < end else { return nil }
                stop = close + 1
            } else {
                stop += 1
            }
        }
    }

    /// Binds `slot` to `range` (or checks equality with an earlier binding), runs `rest`, and
    /// undoes the binding if `rest` fails.
    private mutating func bind(_ slot: Int, _ range: Range<Int>, then rest: (inout MatchEngine) -> Int?) -> Int? {
        if let existing = bound[slot] {
            // Comparing, like testing a constraint below, reads every bound token.
            steps += range.count
            guard sameText(existing, range) else { return nil }
            return rest(&self)
        }
        if constrainedSlots[slot], !accepts(slot, range) { return nil }
        bound[slot] = range
        if let result = rest(&self) { return result }
        bound[slot] = nil
        return nil
    }

    /// Constraint results by slot and range: the alternatives of an `any:` list share their
    /// metavariables, so each operand's regexes run once per file, not once per alternative.
    private var constraintCache = ConstraintCache()

    /// Whether the constraint of `slot` accepts `range`.
    private mutating func accepts(_ slot: Int, _ range: Range<Int>) -> Bool {
        if let known = constraintCache.result(slot, range) { return known }
        steps += range.count
        let text = unexplainedSlots[slot] ? "" : constrainedText(range)
        // Through the buffer, the constraint is read in place: the array's subscript copies it.
        let result = unexplainedSlots[slot] ? isUnexplained(range)
            : constraints.withUnsafeBufferPointer { $0[slot]?.accepts(text) ?? true }
        constraintCache.store(result, slot, range)
        return result
    }

    /// The last position in `ends` (a range of ``TokenIndex/ends``, increasing) whose end is at
    /// most `limit`, or one before the range.
    private mutating func lastEnd(in ends: Range<Int>, atMost limit: Int) -> Int {
        var low = ends.lowerBound
        var high = ends.upperBound
        while low < high {
            let middle = (low + high) / 2
            if Int(index.ends[middle]) <= limit { low = middle + 1 } else { high = middle }
        }
        return low - 1
    }

    /// Whether the literal `elements[position]`, and when it is a token the plain tokens right
    /// after it, can match from token `index` on.
    private mutating func canFollow(_ elements: UnsafeBufferPointer<PatternElement>, _ position: Int, at index: Int, end: Int) -> Bool {
        guard canStart(elements, position, at: index) else { return false }
        guard case .token = elements[position] else { return true }
        var element = position + 1
        var token = index + 1
        while element < elements.count, token < end, case .token(_, let text) = elements[element] {
            if !equals(tokens[token], text) { return false }
            element += 1
            token += 1
        }
        return true
    }

    /// Elements whose first token can be tested without context (for lookahead).
    private mutating func isLiteral(_ element: PatternElement) -> Bool {
        switch element {
        case .token, .group, .block, .interpolatedString, .interpolation, .anyString, .bindString, .exactString, .stringText: true
        case .metavariable, .ellipsis, .ellipsisComma, .commaEllipsis, .ellipsisBinding, .optionalReturnAnnotation: false
        }
    }

    // MARK: - Token tests

    private mutating func equals(_ token: Token, _ text: PatternLiteral) -> Bool {
        guard Int(token.length) == text.count else { return false }
        let literal = text.bytes
        let start = Int(token.start)
        var offset = 0
        while offset < literal.count {
            if bytes[start + offset] != literal[offset] { return false }
            offset += 1
        }
        return true
    }

    private mutating func isComma(_ index: Int) -> Bool {
        let token = tokens[index]
        return token.kind == .punctuation && token.length == 1 && bytes[Int(token.start)] == UInt8(ascii: ",")
    }

    private mutating func isText(_ index: Int, _ text: String) -> Bool {
        let token = tokens[index]
        return token.kind == .punctuation && bytes[token.range].elementsEqual(text.utf8)
    }

    private mutating func isOpener(_ token: Token, at index: Int) -> Bool {
        token.hasPartner && Int(token.partner) > index
    }

    private mutating func sameText(_ lhs: Range<Int>, _ rhs: Range<Int>) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for offset in 0..<lhs.count where !bytes[tokens[lhs.lowerBound + offset].range].elementsEqual(bytes[tokens[rhs.lowerBound + offset].range]) {
            return false
        }
        return true
    }

    /// Whether `range` holds no tokens and the source between its neighbours no comment but
    /// placeholder words (see ``TextConstraint/unexplained``).
    func isUnexplained(_ range: Range<Int>) -> Bool {
        guard range.isEmpty else { return false }
        let start = range.lowerBound > 0 ? Int(tokens[range.lowerBound - 1].end) : 0
        let end = range.lowerBound < tokens.count ? Int(tokens[range.lowerBound].start) : bytes.count
        return Self.isPlaceholder(bytes[start..<end])
    }

    /// Comments addressed to a tool (linters, test harnesses) rather than to a reader.
    private static let directives = [
        "backcheck:", "expect:", "nosemgrep", "nosec", "nosonar", "noqa", "nolint", "eslint-", "istanbul ", "c8 ", "@ts-",
        "pylint:", "rubocop:", "phpcs:", "codeql", "lgtm", "prettier-ignore", "noinspection", "resharper", "pragma ",
    ]

    /// Whether `gap` (source between two tokens) explains nothing: whitespace, comment delimiters,
    /// and comment lines that are to-dos, tool directives or commented-out code. Any other
    /// comment, `// ignore` included, records a decision (as SonarQube reads empty blocks).
    static func isPlaceholder(_ gap: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard gap.contains(where: { $0 > 0x20 }) else { return true }
        for rawLine in String(decoding: gap, as: UTF8.self).split(whereSeparator: \.isNewline) {
            let line = rawLine.drop { $0.isWhitespace || "/*#-".contains($0) }
                .reversed().drop { $0.isWhitespace || "/*".contains($0) }.reversed()
            let text = String(line).lowercased()
            if text.isEmpty || directives.contains(where: text.hasPrefix) || looksLikeCode(text) { continue }
            // A to-do says what is missing, not why nothing is needed.
            if ["todo", "fixme", "xxx", "hack"].contains(where: text.hasPrefix) { continue }
            return false
        }
        return true
    }

    /// Whether a comment's text reads as commented-out code (`Rails.logger.error "..."`,
    /// `log(err);`) rather than prose: a call, a member access, an assignment or a statement end,
    /// outside quotes, in a line of fewer than five plain words (prose may quote code).
    private static func looksLikeCode(_ text: String) -> Bool {
        var unquoted = ""
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "`" || character == "\"" || character == "'" {
                quote = character
            } else {
                unquoted.append(character)
            }
        }
        if unquoted.split(separator: " ").filter({ $0.allSatisfy(\.isLetter) }).count >= 5 { return false }
        let characters = Array(unquoted)
        if characters.last == ";" || text.contains("#{") || unquoted.contains("->") || unquoted.contains("::") { return true }
        for index in characters.indices.dropFirst() {
            let previous = characters[index - 1]
            switch characters[index] {
            case "(" where previous.isLetter || previous.isNumber || previous == "_": return true
            case "." where (previous.isLetter || previous == ")") && index + 1 < characters.count && characters[index + 1].isLetter: return true
            case "=" where previous == " " && index + 1 < characters.count && characters[index + 1] == " ": return true
            default: continue
            }
        }
        return false
    }

    /// The text a constraint sees: a string's content, or the source text of the bound tokens.
    func constrainedText(_ range: Range<Int>) -> Substring {
        guard !range.isEmpty else { return "" }
        let first = tokens[range.lowerBound]
        let byteRange: Range<Int>
        if range.count == 1, first.kind == .string {
            byteRange = buffer.contentRange(of: range.lowerBound)
        } else if first.kind == .stringStart, first.hasPartner, Int(first.partner) == range.upperBound - 1 {
            byteRange = buffer.contentRange(of: range.lowerBound)
        } else {
            byteRange = Int(first.start)..<Int(tokens[range.upperBound - 1].end)
        }
        return Substring(String(decoding: bytes[byteRange], as: UTF8.self))
    }
}
