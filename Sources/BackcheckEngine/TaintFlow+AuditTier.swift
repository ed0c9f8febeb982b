import BackcheckLexer
import BackcheckModel

/// The audit tier (SonarQube's "hotspots"): a sink no source reaches, whose text is *built* — by
/// concatenation, interpolation or a format call — from a value of unknown origin, a parameter of
/// the function around it. A parameter passed alone stays silent: only text assembled here says
/// that this function decides what the query, command or path is made of.
///
/// The tier is narrow on purpose, since a hotspot nobody needed to review costs as much as a
/// wrong finding: the function must be callable from outside its file or class (not `private`,
/// not an unexported Go or `_python` name); the value must be the parameter itself or a string
/// method's copy of it (`name.trim()`), not a member of an object (`record.table_name`) nor the
/// result of a call that takes it (`escape(name)`, a same-file helper); and a membership test
/// (`op not in ALLOWED`, `allowed.contains(col)`) clears it like a guard.
extension TaintFlow {
    /// The token of the parameter whose data is built into `target` (a sink's argument) before
    /// `position`, or nil; `work` counts the tokens read.
    func auditOrigin(_ target: Range<Int>, before position: Int, context: CompiledRegex?, work: inout Int) -> Int? {
        guard let scope = scopes.innermost(at: position), !isPrivate(scope) else { return nil }
        let parameters = parameterNames(of: scope)
        guard !parameters.isEmpty else { return nil }
        var state = BuildState(raw: Dictionary(parameters.map { ($0.name, $0.token) }, uniquingKeysWith: { first, _ in first }),
                               context: context)
        replayBuilds(in: scope, before: position, state: &state, work: &work)
        work += target.count
        return builtOrigin(in: target, state: state)
    }

    /// What a replay knows: names holding a parameter's data as it came (`raw`) and names holding
    /// text built from it (`built`), each with the token of the parameter it came from.
    struct BuildState {
        var raw: [String: Int]
        var built: [String: Int] = [:]
        /// What the text right before a value must match for it to count as built in (the
        /// rule's `audit.before`: for SQL, a value's place, not a table name's).
        let context: CompiledRegex?

        init(raw: [String: Int], context: CompiledRegex?) {
            self.raw = raw
            self.context = context
        }

        func accepts(_ joined: String) -> Bool {
            context?.matches(joined.suffix(80)) ?? true
        }
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
            if let tested = membershipTest(at: index), !isLoopHeader(index, region: region) {
                for name in tested {
                    state.raw[name] = nil
                    state.built[name] = nil
                }
                continue
            }
            if let loop = loopBinding(at: index), loop.iterable.upperBound <= position {
                work += loop.iterable.upperBound - index
                if let origin = rawOrigin(in: loop.iterable, state: state) {
                    for name in assignedNames(loop.variables) { state.raw[name] = origin }
                }
                continue
            }
            if let call = mutatorCall(at: index), call.end <= position {
                work += call.end - index
                // Appending a value to a builder is building text from it, after what was appended before.
                if let stored = call.arguments.last {
                    if let origin = builtOrigin(in: stored, state: state) {
                        state.built[call.receiver] = origin
                    } else if let origin = rawOrigin(in: stored, state: state), state.accepts(literal(before: index, limit: region.lowerBound)) {
                        state.built[call.receiver] = origin
                    }
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
            guard let chain = valueChain(at: index), !isSubscriptKey(index, within: range) else { continue }
            if let origin = chain.lazy.compactMap({ state.built[$0] }).first { return origin }
            if let origin = state.raw[chain[0]], isBareValue(index), let joined = builtContext(index, within: range),
               state.accepts(joined) {
                return origin
            }
        }
        return nil
    }

    /// The origin of a raw name's data read in `range`.
    private func rawOrigin(in range: Range<Int>, state: BuildState) -> Int? {
        var index = range.lowerBound
        while index < range.upperBound {
            defer { index += 1 }
            guard let chain = valueChain(at: index) else { continue }
            if let origin = chain.lazy.compactMap({ state.built[$0] }).first { return origin }
            if let origin = state.raw[chain[0]], isBareValue(index), !isCallArgument(index, within: range) { return origin }
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

    /// The text the value at `index` is joined to, when it becomes part of text within `range`:
    /// interpolated into a string (the segment before it), an operand of a concatenation that
    /// holds a string literal (the nearest literal before it), or an argument of a format call
    /// (`String.format`, `fmt.Sprintf`, `"...".format`, `"..." % (a, b)`: the format up to its
    /// placeholder). Nil when the value is not built into text; empty when nothing precedes it.
    func builtContext(_ index: Int, within range: Range<Int>) -> String? {
        var open = Int(enclosing[index])
        while open >= range.lowerBound {
            if tokens[open].kind == .interpolationOpen {
                return open > 0 && tokens[open - 1].kind == .stringSegment ? text(open - 1) : ""
            }
            open = Int(enclosing[open])
        }
        let level = enclosing[index]
        if let literal = concatenatedLiteral(index, level: level, within: range) {
            if language == .python || language == .ruby, literal + 1 < tokens.count, text(literal + 1) == "%" {
                return formatPrefix(literalContent(literal), argument: 0, keyword: nil)
            }
            return literal < index ? literalTail(literal) : ""
        }
        let call = Int(level)
        guard call > range.lowerBound, text(call) == "(" else { return nil }
        // `"..." % (a, b)` in Python and Ruby.
        if language == .python || language == .ruby, call >= 2, text(call - 1) == "%", isStringLiteral(call - 2) {
            let arguments = argumentRanges(call)
            guard let position = arguments.firstIndex(where: { $0.contains(index) }) else { return nil }
            return formatPrefix(literalContent(call - 2), argument: position, keyword: nil)
        }
        guard tokens[call - 1].kind == .identifier, Self.formatFunctions.contains(text(call - 1)) else { return nil }
        let arguments = argumentRanges(call)
        guard let position = arguments.firstIndex(where: { $0.contains(index) }) else { return nil }
        let keyword = keywordName(of: arguments[position])
        // The format: the receiver of `"...".format(...)`, else the first argument that is a
        // lone string literal (C#'s `string.Format(CultureInfo.InvariantCulture, "...", x)`).
        if call >= 3, isMemberAccess(call - 2), tokens[call - 3].kind == .string || tokens[call - 3].kind == .stringEnd {
            let literal = tokens[call - 3].kind == .stringEnd ? Int(tokens[call - 3].partner) : call - 3
            return formatPrefix(literalContent(literal), argument: position, keyword: keyword)
        }
        guard let format = arguments.prefix(2).firstIndex(where: { $0.count == 1 && isStringLiteral($0.lowerBound) }),
              position > format else { return nil }
        return formatPrefix(literalContent(arguments[format].lowerBound), argument: position - format - 1, keyword: keyword)
    }

    /// The string literal the operand at `index` is concatenated with, among the tokens of its
    /// group at `level` between separators: the nearest before it, else the first after it.
    private func concatenatedLiteral(_ index: Int, level: Int32, within range: Range<Int>) -> Int? {
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
        var before: Int?
        var after: Int?
        var hasConcatenation = false
        for cursor in start..<end where enclosing[cursor] == level {
            if tokens[cursor].kind == .string || tokens[cursor].kind == .stringEnd {
                if cursor < index { before = cursor } else if after == nil { after = cursor }
            } else if tokens[cursor].kind == .stringStart, cursor > index, after == nil {
                after = cursor
            }
            if tokens[cursor].kind == .punctuation, isConcatenation(cursor) { hasConcatenation = true }
        }
        guard hasConcatenation else { return nil }
        return before ?? after
    }

    private func isStringLiteral(_ index: Int) -> Bool {
        tokens[index].kind == .string || tokens[index].kind == .stringStart
    }

    /// A literal's text without its delimiters: a plain string's content, or for an
    /// interpolated one its segments and holes as written.
    private func literalContent(_ index: Int) -> String {
        if tokens[index].kind == .stringStart, tokens[index].hasPartner {
            let end = Int(tokens[index].partner)
            return String(decoding: bytes[Int(tokens[index].end)..<Int(tokens[end].start)], as: UTF8.self)
        }
        var raw = Substring(text(index))
        while let first = raw.first, first != "\"" && first != "'" && first != "`" { raw = raw.dropFirst() }
        guard let quote = raw.first else { return String(raw) }
        let width = raw.count >= 6 && raw.hasPrefix(String(repeating: quote, count: 3)) ? 3 : 1
        return String(raw.dropFirst(width).dropLast(min(width, max(0, raw.count - width))))
    }

    /// The end of the literal whose last token is at `index`: a plain string's content, or the
    /// segment before an interpolated string's end.
    private func literalTail(_ index: Int) -> String {
        if tokens[index].kind == .stringEnd {
            return index > 0 && tokens[index - 1].kind == .stringSegment ? text(index - 1) : ""
        }
        return literalContent(index)
    }

    /// The nearest literal's tail within 16 tokens before `index` in the same block (what a
    /// builder held before `sb.append(x)`), or empty.
    private func literal(before index: Int, limit: Int) -> String {
        var cursor = index - 1
        while cursor >= max(limit, index - 16) {
            let token = tokens[cursor]
            if token.kind == .string || token.kind == .stringEnd { return literalTail(cursor) }
            if token.kind == .blockOpen || token.kind == .blockClose || text(cursor) == "{" || text(cursor) == "}" { break }
            cursor -= 1
        }
        return ""
    }

    /// The token ranges of the arguments of the call whose `(` is at `open`.
    private func argumentRanges(_ open: Int) -> [Range<Int>] {
        let close = Int(tokens[open].partner)
        var arguments: [Range<Int>] = []
        var start = open + 1
        var cursor = open + 1
        while cursor < close {
            if tokens[cursor].hasPartner, Int(tokens[cursor].partner) > cursor { cursor = Int(tokens[cursor].partner) + 1; continue }
            if tokens[cursor].kind == .punctuation, text(cursor) == "," {
                arguments.append(start..<cursor)
                start = cursor + 1
            }
            cursor += 1
        }
        if start < close { arguments.append(start..<close) }
        return arguments
    }

    /// `name` of a keyword argument (`name=value` in Python, `name: value` in C#), else nil.
    private func keywordName(of argument: Range<Int>) -> String? {
        guard argument.count >= 3, tokens[argument.lowerBound].kind == .identifier else { return nil }
        let separator = text(argument.lowerBound + 1)
        return separator == "=" || separator == ":" ? text(argument.lowerBound) : nil
    }

    /// The format string `format` up to the placeholder that takes argument `argument` (or the
    /// one named `keyword`): `%s`, `%(name)s`, `%v`, `{}`, `{0}`, `{name}`, `{name:>5}`.
    private func formatPrefix(_ format: String, argument: Int, keyword: String?) -> String? {
        let characters = Array(format.utf8)
        var positional = 0
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == UInt8(ascii: "%") {
                if index + 1 < characters.count, characters[index + 1] == UInt8(ascii: "%") { index += 2; continue }
                var cursor = index + 1
                var name: String?
                if cursor < characters.count, characters[cursor] == UInt8(ascii: "(") {
                    let close = characters[cursor...].firstIndex(of: UInt8(ascii: ")")) ?? characters.count
                    name = String(decoding: characters[(cursor + 1)..<close], as: UTF8.self)
                    cursor = close + 1
                }
                while cursor < characters.count, Array("-+ #0123456789.*lh".utf8).contains(characters[cursor]) { cursor += 1 }
                guard cursor < characters.count, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(characters[cursor] | 0x20) else {
                    index += 1
                    continue
                }
                let matches = keyword.map { name == $0 } ?? (name == nil && positional == argument)
                if matches { return String(decoding: characters[..<index], as: UTF8.self) }
                if name == nil { positional += 1 }
                index = cursor + 1
            } else if character == UInt8(ascii: "{") {
                if index + 1 < characters.count, characters[index + 1] == UInt8(ascii: "{") { index += 2; continue }
                let close = characters[index...].firstIndex(of: UInt8(ascii: "}")) ?? characters.count
                let inside = String(decoding: characters[(index + 1)..<close], as: UTF8.self)
                let field = inside.split(whereSeparator: { $0 == ":" || $0 == "!" }).first.map(String.init) ?? ""
                let matches: Bool
                if let keyword {
                    matches = field == keyword
                } else if let number = Int(field) {
                    matches = number == argument
                } else {
                    matches = field.isEmpty && positional == argument
                }
                if matches { return String(decoding: characters[..<index], as: UTF8.self) }
                if field.isEmpty { positional += 1 }
                index = close + 1
            } else {
                index += 1
            }
        }
        return nil
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

    private static let stringMethods: Set<String> = [
        "trim", "strip", "lstrip", "rstrip", "lower", "upper", "toLowerCase", "toUpperCase", "ToLower", "ToUpper",
        "ToLowerInvariant", "ToUpperInvariant", "Trim", "trimmed", "lowercased", "uppercased", "toString", "ToString",
        "downcase", "upcase", "squish", "to_s", "str",
    ]

    /// Whether the identifier at `index` is read as the value itself, or through a string
    /// method that copies it (`name.trim()`), not for one of its members.
    private func isBareValue(_ index: Int) -> Bool {
        let member = index + 1
        guard member + 1 < tokens.count, isMemberAccess(member) else { return true }
        return tokens[member + 1].kind == .identifier && Self.stringMethods.contains(text(member + 1))
    }

    /// Whether the token at `index` is an argument of a call inside `range`: what the call
    /// returns is its own value (an escaped copy, a lookup), not the argument as it came.
    private func isCallArgument(_ index: Int, within range: Range<Int>) -> Bool {
        let grammar = OperandGrammar(tokens: tokens, bytes: bytes, language: language)
        var open = Int(enclosing[index])
        while open > range.lowerBound {
            if text(open) == "(", grammar.isCallee(open - 1) { return true }
            open = Int(enclosing[open])
        }
        return false
    }

    /// Whether the token at `index` is inside a subscript within `range`: `env[`${name}_FILE`]`
    /// builds a key, and what the lookup returns is not that text.
    private func isSubscriptKey(_ index: Int, within range: Range<Int>) -> Bool {
        var open = Int(enclosing[index])
        while open > range.lowerBound {
            if text(open) == "[", tokens[open - 1].kind == .identifier || text(open - 1) == ")" || text(open - 1) == "]" { return true }
            open = Int(enclosing[open])
        }
        return false
    }

    private static let membershipCalls: Set<String> = [
        "contains", "Contains", "containsKey", "ContainsKey", "includes", "include?", "has", "in_array", "member?",
        "key?", "has_key", "array_key_exists", "isin",
    ]

    /// The names a membership test at `index` checks against a collection: `op in ALLOWED`,
    /// `op not in ALLOWED`, `allowed.contains(col)`, `in_array($col, $allowed)`.
    private func membershipTest(at index: Int) -> [String]? {
        guard tokens[index].kind == .identifier else { return nil }
        let word = text(index)
        if word == "in", language == .python, index > 0 {
            var value = index - 1
            if text(value) == "not", value > 0 { value -= 1 }
            return tokens[value].kind == .identifier && !followsMemberAccess(value) ? [text(value)] : nil
        }
        guard Self.membershipCalls.contains(word), index + 1 < tokens.count, isOpenParenthesis(index + 1) else { return nil }
        let close = Int(tokens[index + 1].partner)
        return ((index + 2)..<close).filter { tokens[$0].kind == .identifier && enclosing[$0] == Int32(index + 1) && !followsMemberAccess($0) }
            .map(text)
    }

    /// Whether `index` lies in the header of a `for` loop (`for op in ops:` binds, not tests).
    private func isLoopHeader(_ index: Int, region: Range<Int>) -> Bool {
        let start = statements.start(of: index, limit: region.lowerBound)
        return tokens[start].kind == .identifier && (text(start) == "for" || text(start) == "foreach")
    }

    /// Whether the function is callable only from its own file or class: `private` (Java, C#,
    /// Kotlin, Swift, PHP, TypeScript), an unexported Go name, a `_name` in Python, a named
    /// function declared inside another function.
    private func isPrivate(_ scope: FunctionScopes.Scope) -> Bool {
        let signature = FunctionSignatures.signature(of: scope, tokens: tokens, bytes: bytes, language: language)
        if let signature {
            if signature.name > 0, let outer = scopes.innermost(at: signature.name - 1), outer != scope,
               outer.body.contains(signature.name), language != .ruby {
                return true
            }
            let name = bytes[tokens[signature.name].range]
            switch language {
            case .go: if let first = name.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) { return true }
            case .python: if name.first == UInt8(ascii: "_"), !name.starts(with: "__".utf8) { return true }
            default: break
            }
        }
        var cursor = (signature?.name ?? scope.header.lowerBound) - 1
        var steps = 0
        while cursor >= 0, steps < 12 {
            let token = tokens[cursor]
            if token.kind == .punctuation, token.length == 1, [";", "{", "}"].contains(text(cursor)) { break }
            if token.kind == .identifier, ["private", "fileprivate"].contains(text(cursor)) { return true }
            if token.hasPartner, Int(token.partner) < cursor { cursor = Int(token.partner) }
            cursor -= 1
            steps += 1
        }
        return false
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
        let converted = convertedRouteParameters(before: scope.header.lowerBound)
        return converted.isEmpty ? result : result.filter { !converted.contains($0.name) }
    }

    /// Python route parameters a decorator's path converts to a number or UUID
    /// (`@app.get("/items/<int:item_id>")`): the framework hands the function no text.
    private func convertedRouteParameters(before start: Int) -> Set<String> {
        guard language == .python else { return [] }
        var names = Set<String>()
        var cursor = start - 1
        while cursor >= 0, start - cursor <= 64 {
            let token = tokens[cursor]
            if token.kind == .blockOpen || token.kind == .blockClose { break }
            if token.kind == .identifier, text(cursor) == "def" || text(cursor) == "class" { break }
            if token.kind == .string {
                for converter in ["<int:", "<float:", "<uuid:"] {
                    var rest = Substring(text(cursor))
                    while let found = rest.range(of: converter) {
                        rest = rest[found.upperBound...]
                        if let close = rest.firstIndex(of: ">") { names.insert(String(rest[..<close])) }
                    }
                }
            }
            cursor -= 1
        }
        return names
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
