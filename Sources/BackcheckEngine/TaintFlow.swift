import BackcheckLexer
import BackcheckModel

/// The names carrying taint in a file's functions, and the test of whether a token range holds
/// tainted data at a given point.
struct TaintFlow {
    let tokens: UnsafeBufferPointer<Token>
    let bytes: UnsafeBufferPointer<UInt8>
    /// Sorted by start.
    let sources: [PatternMatch]
    /// The sources outside every sanitizer.
    let cleanSources: MatchRanges
    let sanitized: MatchRanges
    /// Guard matches, sorted by start.
    let guarded: [Range<Int>]
    let scopes: FunctionScopes
    /// Per token, the index of the innermost open bracket around it (or -1).
    let enclosing: [Int32]
    let parameterSlot: Int?
    let language: Language
    let statements: Statements
    /// Branches constant conditions rule out: nothing assigned or read there counts.
    let deadCode: DeadCode

    init(engine: MatchEngine, sources: [PatternMatch], sanitized: [Range<Int>], guarded: [Range<Int>], parameterSlot: Int?) {
        tokens = engine.tokens
        bytes = engine.bytes
        self.sources = sources.sorted { $0.start < $1.start }
        let sanitized = MatchRanges(sanitized)
        self.sanitized = sanitized
        self.guarded = guarded.sorted { $0.lowerBound < $1.lowerBound }
        self.parameterSlot = parameterSlot
        language = engine.buffer.language
        let grammar = OperandGrammar(tokens: engine.tokens, bytes: engine.bytes, language: engine.buffer.language)
        let deadCode = engine.index.deadCode(tokens: engine.tokens, bytes: engine.bytes, language: engine.buffer.language)
        self.deadCode = deadCode
        cleanSources = MatchRanges(sources.map { $0.start..<$0.end }.filter {
            !sanitized.anyContains($0) && !deadCode.contains($0) && !Self.isComparisonOperand(at: $0.lowerBound, grammar: grammar)
        })
        // Function bodies and bracket nesting are properties of the file, computed once and
        // shared by every taint rule that runs on it.
        (scopes, enclosing) = engine.index.taintStructure(tokens: engine.tokens, bytes: engine.bytes, language: language)
        statements = engine.index.statements(tokens: engine.tokens, bytes: engine.bytes)
    }

    /// Whether `range` holds a source value, or a name tainted before `position`, outside
    /// sanitizers; `work` counts the tokens read.
    func isTainted(_ range: Range<Int>, before position: Int, work: inout Int) -> Bool {
        if cleanSources.anyInside(range) { return true }
        let scope = scopes.innermost(at: position)
        let (names, containers) = replay(in: scope, before: position, work: &work)
        guard !names.isEmpty else { return false }
        work += range.count
        return elementTaint(range, containers: containers) ?? mentions(names, in: range)
    }

    func isSanitized(_ range: Range<Int>) -> Bool { sanitized.anyContains(range) }

    /// Replays the assignments of the function (or file) up to `position`, from `initial` names.
    func taintedNames(in scope: FunctionScopes.Scope?, before position: Int, work: inout Int,
                      from initial: Set<String> = []) -> Set<String> {
        replay(in: scope, before: position, work: &work, from: initial).names
    }

    /// The tainted names and the followed containers at `position`.
    func replay(in scope: FunctionScopes.Scope?, before position: Int, work: inout Int,
                from initial: Set<String> = []) -> (names: Set<String>, containers: ContainerState) {
        let region = scope.map { $0.header.lowerBound..<$0.body.upperBound } ?? 0..<tokens.count
        var names = initial
        if let parameterSlot {
            var next = firstSource(atLeast: region.lowerBound)
            while next < sources.count, sources[next].start < min(position, region.upperBound) {
                if let range = sources[next].bindings[parameterSlot], !range.isEmpty { names.insert(chainText(range.lowerBound).first ?? "") }
                next += 1
                work += 1
            }
        }
        var containers = ContainerState()
        var index = region.lowerBound
        var nextGuard = firstGuard(atLeast: region.lowerBound)
        work += max(0, min(position, region.upperBound) - index)
        while index < min(position, region.upperBound) {
            defer { index += 1 }
            while nextGuard < guarded.count, guarded[nextGuard].lowerBound <= index {
                let test = guarded[nextGuard]
                if !names.isEmpty, test.upperBound <= position {
                    work += test.count
                    names = names.filter { !mentions([$0], in: test, countingComparisons: true) }
                }
                nextGuard += 1
            }
            if let loop = loopBinding(at: index), loop.iterable.upperBound <= position, !deadCode.contains(index) {
                work += loop.iterable.upperBound - index
                if cleanSources.anyInside(loop.iterable) || mentions(names, in: loop.iterable) {
                    names.formUnion(assignedNames(loop.variables))
                }
                continue
            }
            if let call = mutatorCall(at: index), call.end <= position, !deadCode.contains(index) {
                work += call.end - index
                let stored = call.arguments.last.map { cleanSources.anyInside($0) || mentions(names, in: $0) } ?? false
                apply(call, stored: stored, to: &names, containers: &containers)
                continue
            }
            guard isAssignment(index), !deadCode.contains(index) else { continue }
            let statementStart = statements.start(of: index, limit: region.lowerBound)
            let rightEnd = statements.end(from: index + 1, limit: region.upperBound, tokens: tokens, bytes: bytes)
            let right = (index + 1)..<rightEnd
            guard right.upperBound <= position else { continue }
            let targets = assignedNames(statementStart..<index)
            guard !targets.isEmpty else { continue }
            work += rightEnd - statementStart
            let tainted = !isConditionalExpressionHead(right)
                && (elementTaint(right, containers: containers) ?? (cleanSources.anyInside(right) || mentions(names, in: right)))
            let created = isCompound(index) ? nil : emptyContainer(right)
            let defaultsMissing = !tainted && isDefaultForMissingValue(statementStart, targets: targets)
            for target in targets {
                if tainted { names.insert(target) } else if !isCompound(index), !defaultsMissing { names.remove(target) }
                containers.forget(target)
                switch created {
                case .list: containers.lists[target] = []
                case .map: containers.maps[target] = [:]
                case nil: break
                }
            }
        }
        return (names, containers)
    }

    /// The variables and the iterable of a `for`/`foreach` loop header at `index`:
    /// `for (Cookie c : cookies)`, `foreach (var h in headers)`, `for (const [k, v] of pairs)`,
    /// `for name in names:`, `foreach ($rows as $key => $row)`.
    func loopBinding(at index: Int) -> (variables: Range<Int>, iterable: Range<Int>)? {
        let token = tokens[index]
        // Compared as bytes: the replay asks this of every token of the function.
        guard token.kind == .identifier, token.length == 3 || token.length == 7,
              bytes[token.range].elementsEqual("for".utf8) || bytes[token.range].elementsEqual("foreach".utf8) else { return nil }
        let word = text(index)
        let start: Int
        let end: Int
        if index + 1 < tokens.count, tokens[index + 1].hasPartner, text(index + 1) == "(" {
            start = index + 2
            end = Int(tokens[index + 1].partner)
        } else if language == .python {
            start = index + 1
            var cursor = start
            while cursor < tokens.count, tokens[cursor].kind != .blockOpen, cursor - index < 200 {
                if tokens[cursor].hasPartner, Int(tokens[cursor].partner) > cursor { cursor = Int(tokens[cursor].partner) }
                cursor += 1
            }
            guard cursor < tokens.count, tokens[cursor].kind == .blockOpen else { return nil }
            end = cursor - 1
        } else {
            return nil
        }
        var cursor = start
        while cursor < end {
            let part = tokens[cursor]
            if part.hasPartner, Int(part.partner) > cursor {
                cursor = Int(part.partner) + 1
                continue
            }
            if part.kind == .punctuation, text(cursor) == ";" { return nil }
            let separator = text(cursor)
            if (part.kind == .punctuation && separator == ":") || (part.kind == .identifier && ["in", "of", "as"].contains(separator)) {
                guard cursor > start, cursor + 1 < end else { return nil }
                return word == "foreach" && separator == "as" ? ((cursor + 1)..<end, start..<cursor) : (start..<cursor, (cursor + 1)..<end)
            }
            cursor += 1
        }
        return nil
    }

    /// Whether a right side is only the head of a multi-line conditional expression (Ruby's
    /// `user = if /@/.match?(params[:email])`, Kotlin's `val x = when (input) {`): the statement
    /// holds the test, and a test passes no data to the value its branches give.
    func isConditionalExpressionHead(_ right: Range<Int>) -> Bool {
        guard language == .ruby || language == .kotlin, let first = right.first, tokens[first].kind == .identifier else { return false }
        let word = text(first)
        return word == "if" || word == "unless" || word == "case" || word == "when"
    }

    private static let missingValueWords: Set<String> = ["null", "nil", "None", "undefined", "isEmpty", "isBlank", "empty", "blank?", "nil?", "IsNullOrEmpty", "IsNullOrWhiteSpace"]

    /// Whether the statement at `start` is the body of an `if` that tests one of `targets` for a
    /// missing value: `if (param == null) param = "";` gives a default, and a value that was there
    /// keeps its taint.
    private func isDefaultForMissingValue(_ start: Int, targets: [String]) -> Bool {
        guard start > 0 else { return false }
        var condition: Range<Int>?
        func ifCondition(endingAt close: Int) -> Range<Int>? {
            guard close > 0, tokens[close].hasPartner, Int(tokens[close].partner) < close, text(close) == ")" else { return nil }
            let open = Int(tokens[close].partner)
            return open > 0 && text(open - 1) == "if" ? (open + 1)..<close : nil
        }
        condition = ifCondition(endingAt: start - 1)
        // `if (c) x = v;` is one statement starting at `if`.
        if condition == nil, text(start) == "if", start + 1 < tokens.count, tokens[start + 1].hasPartner, text(start + 1) == "(" {
            condition = (start + 2)..<Int(tokens[start + 1].partner)
        }
        if condition == nil {
            let open = Int(enclosing[start])
            if open > 0, tokens[open].kind == .blockOpen {
                let header = statements.start(of: open - 1)
                if tokens[header].kind == .identifier, text(header) == "if" { condition = (header + 1)..<(open - 1) }
            } else if open > 0, bytes[Int(tokens[open].start)] == UInt8(ascii: "{") {
                condition = ifCondition(endingAt: open - 1)
            }
        }
        guard let condition, condition.count <= 32 else { return false }
        var testsTarget = false
        var testsMissing = false
        for index in condition {
            let token = tokens[index]
            if token.kind == .identifier {
                if Self.missingValueWords.contains(text(index)) { testsMissing = true }
                if !followsMemberAccess(index), chainText(index).contains(where: targets.contains) { testsTarget = true }
            } else if token.kind == .string, token.length <= 2 {
                testsMissing = true
            }
        }
        return testsTarget && testsMissing
    }

    /// The index of the first source starting at or after `position`.
    private func firstSource(atLeast position: Int) -> Int {
        Self.firstIndex(in: sources, atLeast: position) { $0.start }
    }

    /// The index of the first guard starting at or after `position`.
    func firstGuard(atLeast position: Int) -> Int {
        Self.firstIndex(in: guarded, atLeast: position) { $0.lowerBound }
    }

    /// The index of the first element of `sorted` (ascending by `start`) that starts at or
    /// after `position`.
    static func firstIndex<Element>(in sorted: [Element], atLeast position: Int, start: (Element) -> Int) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if start(sorted[middle]) < position { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Whether an identifier chain in `range` (outside sanitizers and, unless `countingComparisons`,
    /// outside comparisons) is one of `names`.
    func mentions(_ names: Set<String>, in range: Range<Int>, countingComparisons: Bool = false) -> Bool {
        guard !names.isEmpty else { return false }
        let grammar = OperandGrammar(tokens: tokens, bytes: bytes, language: language)
        var index = range.lowerBound
        while index < range.upperBound {
            defer { index += 1 }
            guard tokens[index].kind == .identifier, !followsMemberAccess(index) else { continue }
            if isSanitized(index..<(index + 1)) || deadCode.contains(index) { continue }
            // `{ param: value }` names a key, not the variable.
            if language == .ruby, isRubyLabel(index) { continue }
            if isKeywordArgumentName(index) { continue }
            if !countingComparisons, let end = Self.comparedOperandEnd(at: index, grammar: grammar) {
                index = end - 1
                continue
            }
            if chainText(index).contains(where: names.contains) { return true }
        }
        return false
    }

    private static let comparisonOperators: Set<String> = ["==", "===", "!=", "!==", "<=", ">="]

    /// Whether the identifier at `index` names a keyword argument in a call's parentheses,
    /// `f(device=escape(device))` (Python, Kotlin) or `f(device: device)` (Swift, C#): the
    /// parameter's name, not the variable's value.
    func isKeywordArgumentName(_ index: Int) -> Bool {
        guard index + 1 < tokens.count, tokens[index + 1].kind == .punctuation, tokens[index + 1].length == 1 else { return false }
        let next = bytes[Int(tokens[index + 1].start)]
        let marker: UInt8
        switch language {
        case .python, .kotlin: marker = UInt8(ascii: "=")
        case .swift, .csharp: marker = UInt8(ascii: ":")
        default: return false
        }
        guard next == marker else { return false }
        let open = Int(enclosing[index])
        guard open >= 0, bytes[Int(tokens[open].start)] == UInt8(ascii: "(") else { return false }
        // Right after `(` or `,`: `f(a, b=c)`, not `f(x[a]=…)`-like shapes.
        return index > 0 && (index - 1 == open || text(index - 1) == ",")
    }

    /// Whether the operand starting at `start` is compared: `a === b` is a boolean, and neither
    /// side's data flows on (`client === Desktop ? Desktop : Web` is one of two constants).
    static func isComparisonOperand(at start: Int, grammar: OperandGrammar) -> Bool {
        comparedOperandEnd(at: start, grammar: grammar) != nil
    }

    /// The end of the operand starting at `start` when an equality or ordering operator stands
    /// right before or right after it.
    static func comparedOperandEnd(at start: Int, grammar: OperandGrammar) -> Int? {
        let tokens = grammar.tokens
        guard let first = grammar.firstEnd(from: start, limit: tokens.count) else { return nil }
        let end = grammar.lastEnd(from: first, limit: tokens.count)
        func isComparison(_ index: Int) -> Bool {
            guard index >= 0, index < tokens.count, tokens[index].kind == .punctuation, tokens[index].length <= 3 else { return false }
            return comparisonOperators.contains(String(decoding: grammar.bytes[tokens[index].range], as: UTF8.self))
        }
        return isComparison(start - 1) || isComparison(end) ? end : nil
    }

    /// `a`, `a.b`, `a.b.c`... for the chain starting at `index` (whitespace removed).
    func chainText(_ index: Int) -> [String] {
        var texts = [text(index)]
        var cursor = index + 1
        while cursor + 1 < tokens.count, texts.count < 5, isMemberAccess(cursor), tokens[cursor + 1].kind == .identifier {
            texts.append(texts.last! + text(cursor) + text(cursor + 1))
            cursor += 2
        }
        return texts
    }

    // MARK: - Statements

    private static let assignmentOperators: Set<String> = ["=", ":=", "+=", ".=", "||=", "??=", "<<="]

    func isAssignment(_ index: Int) -> Bool {
        let token = tokens[index]
        guard token.kind == .punctuation, token.length <= 3, Self.assignmentOperators.contains(text(index)) else { return false }
        // `f(a=b)` is a keyword argument, not an assignment; Ruby has none written so, and
        // assigns in brackets too (`if (m = text.match(re))`).
        let open = Int(enclosing[index])
        return open < 0 || tokens[open].kind == .blockOpen || bytes[Int(tokens[open].start)] == UInt8(ascii: "{")
            || language == .ruby
    }

    func isCompound(_ index: Int) -> Bool { text(index) != "=" && text(index) != ":=" }

    /// The names an assignment's left side binds: `x`, `self.x`, `a, b`, `{ a, b: c }`, `[a, b]`,
    /// with declarations and type annotations dropped.
    func assignedNames(_ left: Range<Int>) -> [String] {
        var left = left
        // `case 'A': bar = param` — the label is not part of the target.
        while !left.isEmpty, tokens[left.lowerBound].kind == .identifier, ["case", "default"].contains(text(left.lowerBound)),
              let colon = left.first(where: { text($0) == ":" }) {
            left = (colon + 1)..<left.upperBound
        }
        guard !left.isEmpty else { return [] }
        var names: [String] = []
        var partStart = left.lowerBound
        var cursor = left.lowerBound
        func finishPart(_ end: Int) {
            var last = end - 1
            // Drop a type annotation: `x: Int`.
            if let colon = (partStart..<end).first(where: { text($0) == ":" && enclosing[$0] == enclosing[left.lowerBound] }) { last = colon - 1 }
            guard last >= partStart else { return }
            let token = tokens[last]
            if token.hasPartner, Int(token.partner) < last, Int(token.partner) >= partStart {
                // Destructuring: `{ a, b: c }`, `[a, b]`.
                for inner in (Int(token.partner) + 1)..<last where tokens[inner].kind == .identifier
                    && enclosing[inner] == Int32(token.partner) && (inner + 1 >= last || text(inner + 1) != ":") {
                    names.append(text(inner))
                }
                return
            }
            guard token.kind == .identifier else { return }
            var head = last
            while head - 2 >= partStart, isMemberAccess(head - 1), tokens[head - 2].kind == .identifier { head -= 2 }
            names.append((head...last).map(text).joined())
        }
        while cursor < left.upperBound {
            if text(cursor) == ",", enclosing[cursor] == enclosing[left.lowerBound] {
                finishPart(cursor)
                partStart = cursor + 1
            }
            if tokens[cursor].hasPartner, Int(tokens[cursor].partner) > cursor { cursor = Int(tokens[cursor].partner) }
            cursor += 1
        }
        finishPart(left.upperBound)
        return names
    }

    // MARK: - Tokens

    func text(_ index: Int) -> String { String(decoding: bytes[tokens[index].range], as: UTF8.self) }

    /// Whether the token at `index` is `word`, compared as bytes.
    func isWord(_ index: Int, _ word: StaticString) -> Bool {
        let token = tokens[index]
        guard Int(token.length) == word.utf8CodeUnitCount else { return false }
        let start = Int(token.start)
        let characters = word.utf8Start
        for offset in 0..<Int(token.length) where bytes[start + offset] != characters[offset] { return false }
        return true
    }

    func isMemberAccess(_ index: Int) -> Bool {
        OperandGrammar.isMemberAccess(tokens[index], bytes: bytes, language: language)
    }

    func followsMemberAccess(_ index: Int) -> Bool { index > 0 && isMemberAccess(index - 1) }
}
