import BackcheckLexer
import BackcheckModel

/// Same-file function summaries: a function of the file whose every `return` hands back a value
/// built from none of its parameters (a fixed path chosen by comparing the argument, an escaped
/// copy, a constant) gives its callers clean data, whatever they pass it. Its calls' argument
/// lists are sanitized for the rule being evaluated, since the summary replays the function
/// with that rule's sources and sanitizers.
extension TaintFlow {
    private static let selfReceivers: Set<String> = ["this", "self", "cls", "static", "$this", "Self"]

    /// The argument lists of calls to functions of this file that return none of their
    /// arguments' data; `work` counts the tokens read.
    func argumentsOfDataFreeCalls(work: inout Int) -> [Range<Int>] {
        // Ruby returns its last expression without `return`: its summaries would need the
        // value of every branch's last statement.
        guard language != .ruby else { return [] }
        var definitions: [String: [(scope: FunctionScopes.Scope, parameters: Range<Int>)]] = [:]
        var definitionNames = Set<Int>()
        for scope in scopes.scopes {
            guard let signature = FunctionSignatures.signature(of: scope, tokens: tokens, bytes: bytes, language: language) else { continue }
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

    /// The names of the file's functions some `return` of which hands back a source's data
    /// (`String getParam(String n) { return request.getParameter(n); }`): their calls are
    /// sources wherever the root calls them (see ``TaintSpecification/functionsReturningSources(_:)``).
    func functionsReturningSources(work: inout Int) -> [String] {
        guard language != .ruby else { return [] }
        var names: [String] = []
        for scope in scopes.scopes {
            guard cleanSources.anyInside(scope.body),
                  let signature = FunctionSignatures.signature(of: scope, tokens: tokens, bytes: bytes, language: language),
                  someReturnCarries(scope, from: [], work: &work) == true else { continue }
            names.append(text(signature.name))
        }
        return names
    }

    /// Whether some `return` of the function may hand back data of its parameters or of a
    /// source; a function with no `return` value (or a generator) is taken to.
    private func mayReturnArgumentData(_ scope: FunctionScopes.Scope, parameters: Range<Int>, work: inout Int) -> Bool {
        var parameterNames = Set<String>()
        for index in parameters where tokens[index].kind == .identifier { parameterNames.insert(text(index)) }
        return someReturnCarries(scope, from: parameterNames, work: &work) ?? true
    }

    /// Whether some `return` of the function hands back a source's data or that of `initial`
    /// names; nil when the function returns no value or yields (a generator).
    private func someReturnCarries(_ scope: FunctionScopes.Scope, from initial: Set<String>, work: inout Int) -> Bool? {
        let parameterNames = initial
        var returnsSomething = false
        var returns = 0
        var index = scope.body.lowerBound
        while index < scope.body.upperBound {
            defer { index += 1 }
            guard tokens[index].kind == .identifier, tokens[index].length <= 6 else { continue }
            let word = text(index)
            if word == "yield" { return nil }
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
        return returnsSomething ? false : nil
    }

    /// Whether some of the sorted `positions` lies in `range`.
    private static func holdsAny(_ positions: [Int], in range: Range<Int>) -> Bool {
        let first = firstIndex(in: positions, atLeast: range.lowerBound) { $0 }
        return first < positions.count && positions[first] < range.upperBound
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
