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
    /// arguments' data, and of the calls at `importedCalls` (name tokens of calls to functions
    /// other files of the root summarize so, ``SourceSummaries/dataFreeByRule``) that this file
    /// does not define; `work` counts the tokens read.
    func argumentsOfDataFreeCalls(importedCalls: [Int] = [], work: inout Int) -> [Range<Int>] {
        var definitions: [String: [(scope: FunctionScopes.Scope, parameters: Range<Int>)]] = [:]
        var definitionNames = Set<Int>()
        for scope in scopes.scopes {
            guard let signature = FunctionSignatures.signature(of: scope, tokens: tokens, bytes: bytes, language: language) else { continue }
            definitions[text(signature.name), default: []].append((scope, signature.parameters))
            definitionNames.insert(signature.name)
        }
        guard !definitions.isEmpty || !importedCalls.isEmpty else { return [] }
        let bodyStarts = scopes.scopes.map(\.body.lowerBound).sorted()
        var arguments: [Range<Int>] = []
        // A call's argument list, unless a callback passed in keeps its own flow: its sinks see
        // the caller's sources.
        func argumentList(_ index: Int) -> Range<Int>? {
            let list = (index + 1)..<(Int(tokens[index + 1].partner) + 1)
            return Self.holdsAny(bodyStarts, in: list) ? nil : list
        }
        for index in importedCalls where !definitionNames.contains(index) && isOpenParenthesis(index + 1) && hasOwnReceiver(index) {
            guard definitions[text(index)] == nil, let list = argumentList(index) else { continue }
            arguments.append(list)
        }
        guard !definitions.isEmpty else { return arguments }
        var verdicts: [String: Bool] = [:]
        work += tokens.count
        for index in 0..<(tokens.count - 1) where tokens[index].kind == .identifier && !definitionNames.contains(index) {
            guard isOpenParenthesis(index + 1), hasOwnReceiver(index) else { continue }
            let name = text(index)
            guard let functions = definitions[name], let list = argumentList(index) else { continue }
            let returnsArgumentData: Bool
            if let known = verdicts[name] {
                returnsArgumentData = known
            } else {
                returnsArgumentData = functions.contains { mayReturnArgumentData($0.scope, parameters: $0.parameters, work: &work) }
                verdicts[name] = returnsArgumentData
            }
            if !returnsArgumentData { arguments.append(list) }
        }
        return arguments
    }

    /// The names of the file's functions with parameters none of whose returns hands back
    /// their data or a source's (every definition of a name agreeing): their calls' arguments
    /// are sanitized wherever the root calls them (``argumentsOfDataFreeCalls(importedCalls:work:)``).
    /// Past `limit` tokens read the rest are left out: a name missing only keeps its callers'
    /// taint.
    func dataFreeFunctions(limit: Int, work: inout Int) -> [String] {
        var verdicts: [String: Bool] = [:]
        for scope in scopes.scopes where work <= limit {
            guard let signature = FunctionSignatures.signature(of: scope, tokens: tokens, bytes: bytes, language: language),
                  signature.parameters.contains(where: { tokens[$0].kind == .identifier }) else { continue }
            let name = text(signature.name)
            guard verdicts[name] != false else { continue }
            verdicts[name] = !mayReturnArgumentData(scope, parameters: signature.parameters, work: &work)
        }
        return verdicts.filter(\.value).keys.sorted()
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

    /// Whether some value the function returns hands back a source's data or that of `initial`
    /// names; nil when the function returns no value, yields (a generator), or is a Ruby method
    /// whose last value is not understood.
    private func someReturnCarries(_ scope: FunctionScopes.Scope, from initial: Set<String>, work: inout Int) -> Bool? {
        guard let values = returnedValues(of: scope, work: &work) else { return nil }
        // A Ruby method whose every value is known and none given is nil: it carries nothing.
        guard !values.isEmpty else { return language == .ruby ? false : nil }
        // Each value replays the body up to it: past a few dozen, say it may.
        if values.count > 32 { return true }
        for value in values {
            work += value.count
            if cleanSources.anyInside(value) { return true }
            let (names, containers) = replay(in: scope, before: value.lowerBound, work: &work, from: initial)
            if elementTaint(value, containers: containers) ?? mentions(names, in: value) { return true }
        }
        return false
    }

    /// The values the function hands back: each of its own `return`s' and, in Ruby, those of its
    /// last statement (``rubyImplicitValues(of:work:)``); nil when it yields or that last
    /// statement is not understood. Stops past 32 values.
    private func returnedValues(of scope: FunctionScopes.Scope, work: inout Int) -> [Range<Int>]? {
        var values: [Range<Int>] = []
        var index = scope.body.lowerBound
        work += scope.body.count
        while index < scope.body.upperBound, values.count <= 32 {
            defer { index += 1 }
            let token = tokens[index]
            guard token.kind == .identifier, token.length == 5 || token.length == 6 else { continue }
            if isWord(index, "yield") { return nil }
            guard isWord(index, "return"), returnsFrom(scope, at: index) else { continue }
            var valueEnd = statements.end(from: index + 1, limit: scope.body.upperBound, tokens: tokens, bytes: bytes)
            if language == .ruby { valueEnd = rubyModifierStart(in: (index + 1)..<valueEnd) }
            if valueEnd > index + 1 { values.append((index + 1)..<valueEnd) }
        }
        if language == .ruby, values.count <= 32 {
            guard let implicit = rubyImplicitValues(of: scope, work: &work) else { return nil }
            values += implicit
        }
        return values
    }

    /// Whether the `return` at `index` leaves `scope`: it stands in no function nested in it, or,
    /// in Ruby, only in blocks (`items.each do … end`), from which `return` leaves the method.
    private func returnsFrom(_ scope: FunctionScopes.Scope, at index: Int) -> Bool {
        var inner = scopes.innermost(at: index)
        var steps = 0
        while let current = inner, current != scope {
            let opener = current.header.lowerBound
            guard language == .ruby, steps < 16, opener > 0, isWord(opener, "do") else { return false }
            inner = scopes.innermost(at: opener - 1)
            steps += 1
        }
        return inner == scope
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
