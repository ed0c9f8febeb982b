import BackcheckLexer
import BackcheckModel

/// Same-file function summaries: a function of the file whose every `return` hands back a value
/// built from none of its parameters (a fixed path chosen by comparing the argument, an escaped
/// copy, a constant) gives its callers clean data, whatever they pass it. Its calls' argument
/// lists are sanitized for the rule being evaluated, since the summary replays the function
/// with that rule's sources and sanitizers.
extension TaintFlow {
    private static let selfReceivers: Set<String> = ["this", "self", "cls", "static", "$this", "Self"]
    private static let anonymousKeywords: Set<String> = ["function", "func", "fun", "fn", "def", "async", "new", "lambda"]

    /// The argument lists of calls to functions of this file that return none of their
    /// arguments' data; `work` counts the tokens read.
    func argumentsOfDataFreeCalls(work: inout Int) -> [Range<Int>] {
        // Ruby returns its last expression without `return`: its summaries would need the
        // value of every branch's last statement.
        guard language != .ruby else { return [] }
        var definitions: [String: [(scope: FunctionScopes.Scope, parameters: Range<Int>)]] = [:]
        var definitionNames = Set<Int>()
        for scope in scopes.scopes {
            guard let signature = signature(of: scope) else { continue }
            definitions[text(signature.name), default: []].append((scope, signature.parameters))
            definitionNames.insert(signature.name)
        }
        guard !definitions.isEmpty else { return [] }
        let bodyStarts = scopes.scopes.map(\.body.lowerBound).sorted()
        var verdicts: [String: Bool] = [:]
        var arguments: [Range<Int>] = []
        work += tokens.count
        for index in 0..<(tokens.count - 1) where tokens[index].kind == .identifier && !definitionNames.contains(index) {
            guard isOpenParenthesis(index + 1), hasOwnReceiver(index) else { continue }
            let name = text(index)
            guard let functions = definitions[name] else { continue }
            let argumentList = (index + 1)..<(Int(tokens[index + 1].partner) + 1)
            // A callback passed in keeps its own flow: its sinks see the caller's sources.
            guard !Self.holdsAny(bodyStarts, in: argumentList) else { continue }
            let returnsArgumentData: Bool
            if let known = verdicts[name] {
                returnsArgumentData = known
            } else {
                returnsArgumentData = functions.contains { mayReturnArgumentData($0.scope, parameters: $0.parameters, work: &work) }
                verdicts[name] = returnsArgumentData
            }
            if !returnsArgumentData { arguments.append(argumentList) }
        }
        return arguments
    }

    /// Whether some `return` of the function may hand back data of its parameters or of a
    /// source; a function with no `return` value (or a generator) is taken to.
    private func mayReturnArgumentData(_ scope: FunctionScopes.Scope, parameters: Range<Int>, work: inout Int) -> Bool {
        var parameterNames = Set<String>()
        for index in parameters where tokens[index].kind == .identifier { parameterNames.insert(text(index)) }
        var returnsSomething = false
        var returns = 0
        var index = scope.body.lowerBound
        while index < scope.body.upperBound {
            defer { index += 1 }
            guard tokens[index].kind == .identifier, tokens[index].length <= 6 else { continue }
            let word = text(index)
            if word == "yield" { return true }
            guard word == "return", scopes.innermost(at: index) == scope else { continue }
            let valueEnd = statements.end(from: index + 1, limit: scope.body.upperBound, tokens: tokens, bytes: bytes)
            guard valueEnd > index + 1 else { continue }
            let value = (index + 1)..<valueEnd
            returnsSomething = true
            returns += 1
            // Each return replays the body up to it: past a few dozen, say it may.
            if returns > 32 { return true }
            work += value.count
            if cleanSources.anyInside(value) { return true }
            let (names, containers) = replay(in: scope, before: index, work: &work, from: parameterNames)
            if elementTaint(value, containers: containers) ?? mentions(names, in: value) { return true }
        }
        return !returnsSomething
    }

    /// The function's name token and parameter list (brackets included), when it is named:
    /// `def f(a)`, `function f(a) {`, `f(a) {`, `const f = (a): T => {`, `func f(a int) (T, error) {`.
    private func signature(of scope: FunctionScopes.Scope) -> (name: Int, parameters: Range<Int>)? {
        let brace = scope.body.lowerBound
        var close: Int?
        var cursor = brace - 1
        // Back over a return type to the parameter list; an open bracket or a statement
        // boundary on the way means the body belongs to a call's callback or something else.
        while cursor > 0, brace - cursor <= 24 {
            let token = tokens[cursor]
            if token.hasPartner, Int(token.partner) > brace { return nil }
            if token.kind == .punctuation, token.hasPartner, Int(token.partner) < cursor, text(cursor) == ")" {
                close = cursor
                break
            }
            if token.kind == .punctuation, [";", "{", "}"].contains(text(cursor)) { return nil }
            cursor -= 1
        }
        guard var close else { return nil }
        var open = Int(tokens[close].partner)
        // Go's result list follows the parameters: `(a int) (string, error)`.
        if open > 0, tokens[open - 1].hasPartner, text(open - 1) == ")" {
            close = open - 1
            open = Int(tokens[close].partner)
        }
        guard open > 0 else { return nil }
        var before = open - 1
        // `function (a) {` and `async (a) =>` are anonymous unless assigned: `const f = async (a) =>`.
        while before > 0, text(before) == "function" || text(before) == "async" { before -= 1 }
        if before > 0, tokens[before].kind == .punctuation, text(before) == "=" || text(before) == ":" { before -= 1 }
        guard tokens[before].kind == .identifier, !Self.anonymousKeywords.contains(text(before)),
              !Keywords.isStatementKeyword(bytes[tokens[before].range]) else { return nil }
        return (before, open..<(close + 1))
    }

    /// Whether some of the sorted `positions` lies in `range`.
    private static func holdsAny(_ positions: [Int], in range: Range<Int>) -> Bool {
        var low = 0
        var high = positions.count
        while low < high {
            let middle = (low + high) / 2
            if positions[middle] < range.lowerBound { low = middle + 1 } else { high = middle }
        }
        return low < positions.count && positions[low] < range.upperBound
    }

    /// Whether the call at `index` is to the file's own function: no receiver, `this`/`self`,
    /// or a fresh instance of a class (`new Helper().clean(x)`; with its own definition of the
    /// method in the file, it is that one).
    private func hasOwnReceiver(_ index: Int) -> Bool {
        guard index > 0, isMemberAccess(index - 1) else { return true }
        guard index > 1 else { return false }
        if Self.selfReceivers.contains(text(index - 2)) { return true }
        let close = index - 2
        guard tokens[close].hasPartner, Int(tokens[close].partner) < close, text(close) == ")" else { return false }
        let open = Int(tokens[close].partner)
        return open > 1 && tokens[open - 1].kind == .identifier && text(open - 2) == "new"
    }
}
