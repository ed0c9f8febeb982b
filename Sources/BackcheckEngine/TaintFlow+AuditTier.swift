import BackcheckLexer
import BackcheckModel

/// The audit tier (SonarQube's "hotspots"): a sink no source reaches, whose text is *built* — by
/// concatenation, interpolation or a format call — from a value of unknown origin, a parameter of
/// the function around it. A parameter passed alone stays silent: only text assembled here says
/// that this function decides what the query, command or path is made of.
extension TaintFlow {
    /// The token of the parameter whose data is built into `target` (a sink's argument) before
    /// `position`, or nil; `work` counts the tokens read.
    func auditOrigin(_ target: Range<Int>, before position: Int, work: inout Int) -> Int? {
        guard let scope = scopes.innermost(at: position) else { return nil }
        let parameters = parameterNames(of: scope)
        guard !parameters.isEmpty else { return nil }
        var state = BuildState(raw: Dictionary(parameters.map { ($0.name, $0.token) }, uniquingKeysWith: { first, _ in first }))
        replayBuilds(in: scope, before: position, state: &state, work: &work)
        work += target.count
        return builtOrigin(in: target, state: state)
    }

    /// What a replay knows: names holding a parameter's data as it came (`raw`) and names holding
    /// text built from it (`built`), each with the token of the parameter it came from.
    struct BuildState {
        var raw: [String: Int]
        var built: [String: Int] = [:]
    }

    /// Follows the function's assignments, loops and builder calls up to `position`.
    private func replayBuilds(in scope: FunctionScopes.Scope, before position: Int, state: inout BuildState, work: inout Int) {
        let region = scope.body
        let end = min(position, region.upperBound)
        var nextGuard = firstGuard(atLeast: region.lowerBound)
        var index = region.lowerBound
        work += max(0, end - index)
        while index < end {
            defer { index += 1 }
            while nextGuard < guarded.count, guarded[nextGuard].lowerBound <= index {
                let test = guarded[nextGuard]
                if test.upperBound <= position {
                    work += test.count
                    state.raw = state.raw.filter { !mentions([$0.key], in: test, countingComparisons: true) }
                    state.built = state.built.filter { !mentions([$0.key], in: test, countingComparisons: true) }
                }
                nextGuard += 1
            }
            if deadCode.contains(index) { continue }
            if let loop = loopBinding(at: index), loop.iterable.upperBound <= position {
                work += loop.iterable.upperBound - index
                if let origin = rawOrigin(in: loop.iterable, state: state) {
                    for name in assignedNames(loop.variables) { state.raw[name] = origin }
                }
                continue
            }
            if let call = mutatorCall(at: index), call.end <= position {
                work += call.end - index
                // Appending a value to a builder is building text from it.
                if let stored = call.arguments.last, let origin = builtOrigin(in: stored, state: state) ?? rawOrigin(in: stored, state: state) {
                    state.built[call.receiver] = origin
                }
                continue
            }
            guard isAssignment(index) else { continue }
            let statementStart = statements.start(of: index, limit: region.lowerBound)
            let rightEnd = statements.end(from: index + 1, limit: region.upperBound, tokens: tokens, bytes: bytes)
            let right = (index + 1)..<rightEnd
            guard right.upperBound <= position, !isConditionalExpressionHead(right) else { continue }
            let targets = assignedNames(statementStart..<index)
            guard !targets.isEmpty else { continue }
            work += rightEnd - statementStart
            let compound = isCompound(index)
            if let origin = builtOrigin(in: right, state: state) {
                for target in targets { state.built[target] = origin }
            } else if let origin = rawOrigin(in: right, state: state) {
                // `sql += name` extends text; `name = name.strip()` is still the value as it came.
                for target in targets {
                    if compound, state.built[target] != nil { continue }
                    state.raw[target] = origin
                }
            } else if !compound {
                for target in targets {
                    state.raw[target] = nil
                    state.built[target] = nil
                }
            }
        }
    }

    /// The origin of built text in `range`: a name holding built text, or a raw name that
    /// `range` builds into text.
    private func builtOrigin(in range: Range<Int>, state: BuildState) -> Int? {
        var index = range.lowerBound
        while index < range.upperBound {
            defer { index += 1 }
            guard let chain = valueChain(at: index) else { continue }
            if let origin = chain.lazy.compactMap({ state.built[$0] }).first { return origin }
            if let origin = chain.lazy.compactMap({ state.raw[$0] }).first, isBuiltIntoText(index, within: range) { return origin }
        }
        return nil
    }

    /// The origin of a raw name's data read in `range`.
    private func rawOrigin(in range: Range<Int>, state: BuildState) -> Int? {
        var index = range.lowerBound
        while index < range.upperBound {
            defer { index += 1 }
            guard let chain = valueChain(at: index) else { continue }
            if let origin = chain.lazy.compactMap({ state.raw[$0] ?? state.built[$0] }).first { return origin }
        }
        return nil
    }

    /// The names (`a`, `a.b`, ...) whose value the identifier at `index` reads, when its data
    /// can flow on: not a member, not sanitized, not in dead code, not compared, and not only its
    /// size (`len(ids)`, `ids.length`: a count of placeholders is a number).
    private func valueChain(at index: Int) -> [String]? {
        guard tokens[index].kind == .identifier, !followsMemberAccess(index), !isSanitized(index..<(index + 1)),
              !deadCode.contains(index) else { return nil }
        let chain = chainText(index)
        let grammar = OperandGrammar(tokens: tokens, bytes: bytes, language: language)
        if Self.comparedOperandEnd(at: index, grammar: grammar) != nil { return nil }
        if isSizeOf(index) { return nil }
        return chain
    }

    private static let sizeFunctions: Set<String> = ["len", "count", "size", "sizeof", "length", "cap"]
    private static let sizeMembers: Set<String> = ["length", "size", "count", "Count", "Length", "len"]

    /// Whether the identifier at `index` is read only for its size.
    private func isSizeOf(_ index: Int) -> Bool {
        let open = Int(enclosing[index])
        if open > 0, text(open) == "(", tokens[open - 1].kind == .identifier, Self.sizeFunctions.contains(text(open - 1)) { return true }
        let member = index + 1
        return member + 1 < tokens.count && isMemberAccess(member) && tokens[member + 1].kind == .identifier
            && Self.sizeMembers.contains(text(member + 1))
    }

    /// Whether the value at `index` becomes part of text within `range`: it is interpolated
    /// into a string, it is an operand of a concatenation that holds a string literal, or it is
    /// an argument of a format call (`String.format`, `fmt.Sprintf`, `"...".format`). A call's
    /// result is the operand one level up: `"IN (" + String.join(",", ids) + ")"`.
    func isBuiltIntoText(_ index: Int, within range: Range<Int>) -> Bool {
        var open = Int(enclosing[index])
        while open >= range.lowerBound {
            if tokens[open].kind == .interpolationOpen { return true }
            open = Int(enclosing[open])
        }
        var operand = index
        for _ in 0..<4 {
            let level = enclosing[operand]
            if isConcatenatedWithText(operand, level: level, within: range) { return true }
            let call = Int(level)
            guard call > range.lowerBound, text(call) == "(", tokens[call - 1].kind == .identifier else { return false }
            if Self.formatFunctions.contains(text(call - 1)), hasFormatString(call) { return true }
            operand = call - 1
        }
        return false
    }

    /// Whether the operand at `index`, among the tokens of its group at `level` between
    /// separators, is joined by a concatenation operator with a string literal.
    private func isConcatenatedWithText(_ index: Int, level: Int32, within range: Range<Int>) -> Bool {
        // Walking out from the operand, a token whose innermost bracket opened before the
        // group's own is outside it.
        var start = index
        while start > range.lowerBound, enclosing[start - 1] >= level, !(enclosing[start - 1] == level && isSeparator(start - 1)) {
            start -= 1
        }
        var end = index + 1
        while end < range.upperBound, enclosing[end] >= level, !(enclosing[end] == level && isSeparator(end)) {
            end += 1
        }
        var hasString = false
        var hasConcatenation = false
        for cursor in start..<end where enclosing[cursor] == level {
            let kind = tokens[cursor].kind
            if kind == .string || kind == .stringStart { hasString = true }
            if kind == .punctuation, isConcatenation(cursor) { hasConcatenation = true }
        }
        return hasString && hasConcatenation
    }

    /// Whether the call whose `(` is at `open` has a string literal for a format: its first
    /// argument, or the receiver of `"...".format(...)`.
    private func hasFormatString(_ open: Int) -> Bool {
        if open + 1 < tokens.count, tokens[open + 1].kind == .string || tokens[open + 1].kind == .stringStart { return true }
        return open >= 3 && isMemberAccess(open - 2) && (tokens[open - 3].kind == .string || tokens[open - 3].kind == .stringEnd)
    }

    private static let formatFunctions: Set<String> = ["format", "Format", "Sprintf", "sprintf", "vsprintf", "formatted"]

    private func isSeparator(_ index: Int) -> Bool {
        guard tokens[index].kind == .punctuation else { return false }
        let word = text(index)
        return word == "," || word == ";" || word == "=" || word == ":" || word == "=>" || word == "?"
    }

    /// The operators that join text: `+` everywhere, `.` in PHP, `%` (formatting) in Python and
    /// Ruby, `<<` in Ruby.
    private func isConcatenation(_ index: Int) -> Bool {
        switch text(index) {
        case "+", "+=": true
        case ".", ".=": language == .php
        case "%": language == .python || language == .ruby
        case "<<": language == .ruby
        default: false
        }
    }

    /// A function's parameters that can hold text: names declared with a number, boolean or
    /// UUID type are left out, as are receivers (`self`, `this`, `cls`).
    func parameterNames(of scope: FunctionScopes.Scope) -> [(name: String, token: Int)] {
        let list: Range<Int>
        if let signature = FunctionSignatures.signature(of: scope, tokens: tokens, bytes: bytes, language: language) {
            list = (signature.parameters.lowerBound + 1)..<(signature.parameters.upperBound - 1)
        } else if let open = scope.header.first(where: { tokens[$0].hasPartner && Int(tokens[$0].partner) > $0 && text($0) == "(" }),
                  Int(tokens[open].partner) < scope.body.lowerBound {
            list = (open + 1)..<Int(tokens[open].partner)
        } else if language == .ruby {
            list = scope.header.dropFirst(2).startIndex..<scope.header.upperBound
        } else {
            return []
        }
        var result: [(name: String, token: Int)] = []
        var partStart = list.lowerBound
        var cursor = list.lowerBound
        let level = list.isEmpty ? -1 : enclosing[list.lowerBound]
        func finish(_ end: Int) {
            if let parameter = parameter(in: partStart..<end) { result.append(parameter) }
        }
        while cursor < list.upperBound {
            if enclosing[cursor] == level, text(cursor) == "," {
                finish(cursor)
                partStart = cursor + 1
            }
            if tokens[cursor].hasPartner, Int(tokens[cursor].partner) > cursor { cursor = Int(tokens[cursor].partner) }
            cursor += 1
        }
        finish(list.upperBound)
        return result
    }

    private static let receiverNames: Set<String> = ["self", "this", "cls", "$this", "_"]
    private static let nonTextTypes: Set<String> = [
        "int", "long", "short", "byte", "double", "float", "boolean", "bool", "char", "decimal", "Integer", "Long", "Short",
        "Byte", "Double", "Float", "Boolean", "Bool", "Int", "Int8", "Int16", "Int32", "Int64", "UInt", "UInt8", "UInt16",
        "UInt32", "UInt64", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "float32",
        "float64", "number", "boolean", "UUID", "Guid", "uuid", "BigDecimal", "BigInteger", "LocalDate", "Instant",
        "DateTime", "Date", "time", "Duration", "Timestamp", "ObjectId", "ulong", "uint", "ushort", "sbyte",
    ]

    /// The name of one declared parameter (`String name`, `name: str = ""`, `name string`,
    /// `$name`, `@RequestParam("q") String q`), unless its type says it holds no text.
    private func parameter(in part: Range<Int>) -> (name: String, token: Int)? {
        guard !part.isEmpty else { return nil }
        // A default value does not name the parameter.
        let declared = part.lowerBound..<(part.first(where: { enclosing[$0] == enclosing[part.lowerBound] && text($0) == "=" }) ?? part.upperBound)
        var identifiers: [Int] = []
        var cursor = declared.lowerBound
        while cursor < declared.upperBound {
            let token = tokens[cursor]
            // Annotations' arguments (`@RequestParam("q")`) and generic arguments are not names.
            if token.hasPartner, Int(token.partner) > cursor { cursor = Int(token.partner) + 1; continue }
            if token.kind == .identifier, cursor == declared.lowerBound || text(cursor - 1) != "@" { identifiers.append(cursor) }
            cursor += 1
        }
        guard !identifiers.isEmpty else { return nil }
        let colon = declared.first { text($0) == ":" && enclosing[$0] == enclosing[declared.lowerBound] }
        let nameToken: Int
        let typeTokens: [Int]
        if let colon, let before = identifiers.last(where: { $0 < colon }) {
            nameToken = before
            typeTokens = identifiers.filter { $0 > colon }
        } else if language == .go {
            nameToken = identifiers[0]
            typeTokens = Array(identifiers.dropFirst())
        } else {
            nameToken = identifiers[identifiers.count - 1]
            typeTokens = Array(identifiers.dropLast())
        }
        let name = text(nameToken)
        guard !Self.receiverNames.contains(name) else { return nil }
        if let type = typeTokens.last.map(text), Self.nonTextTypes.contains(type) { return nil }
        return (name, nameToken)
    }
}
