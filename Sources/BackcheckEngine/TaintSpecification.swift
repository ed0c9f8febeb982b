import BackcheckLexer
import BackcheckModel

/// Taint mode (docs/DESIGN.md §5): a sink is reported when, within one function, a value from a source
/// reaches it — directly, or through names assigned from it (concatenation, formatting and
/// interpolation included) — without passing through a sanitizer.
///
/// Sinks may bind `$SINK` (often `$...SINK`, one whole argument) to say which part must be
/// tainted; sources may bind `$PARAM` to taint a declared parameter's name in its function.
/// Flow is followed in source order within the function; loops are not iterated. A call to a
/// function of the same file, or one every file of the root defining it summarizes so, whose
/// returns carry none of its arguments' data is clean. A guard (an
/// allow-list lookup, a host comparison) cleans the names it tests from there on, whichever branch
/// follows: a check on a value and then its use anyway is rare, a check and its use common.
package struct TaintSpecification: Sendable {
    let sources: [CompiledFormula]
    let sinks: [CompiledFormula]
    let sanitizers: [CompiledFormula]
    let guards: [CompiledFormula]
    let sinkSlot: Int?
    let parameterSlot: Int?

    func evaluate(_ engine: inout MatchEngine) -> [PatternMatch] {
        let sinkMatches = sinks.flatMap { $0.evaluate(&engine) }
        guard !sinkMatches.isEmpty else { return [] }
        let sourceMatches = sources.flatMap { $0.evaluate(&engine) } + importedSourceCalls(engine)
        guard !sourceMatches.isEmpty || engine.reportsAudit else { return [] }
        let sanitized = ranges(of: sanitizers, &engine)
        let guarded = ranges(of: guards, &engine)
        // Sanitizers and guards cut short by the budget would leave cleaned values tainted.
        if engine.exhausted { return [] }
        var flow = TaintFlow(engine: engine, sources: sourceMatches, sanitized: sanitized, guarded: guarded, parameterSlot: parameterSlot)
        var summaryWork = 0
        let importedCalls = Self.calls(of: engine.importedDataFree, engine).map(\.name)
        let dataFreeCalls = flow.argumentsOfDataFreeCalls(importedCalls: importedCalls, work: &summaryWork)
        engine.charge(summaryWork)
        if !dataFreeCalls.isEmpty {
            flow = TaintFlow(engine: engine, sources: sourceMatches, sanitized: sanitized + dataFreeCalls, guarded: guarded,
                             parameterSlot: parameterSlot)
        }
        var reported = Set<Int>()
        var found: [PatternMatch] = []
        for sink in sinkMatches {
            // Each sink replays its function up to it: work the budget counts, since one
            // function can be a whole minified file.
            var work = 0
            let target = sinkSlot.flatMap { sink.bindings[$0] } ?? (sink.start..<sink.end)
            if flow.deadCode.contains(sink.start..<sink.end) || target.isEmpty { continue }
            if !sourceMatches.isEmpty, flow.isTainted(target, before: sink.start, work: &work) {
                if reported.insert(sink.start).inserted { found.append(sink) }
            } else if engine.reportsAudit, !reported.contains(sink.start), let origin = flow.auditOrigin(target, before: sink.start, context: engine.auditContext, work: &work) {
                reported.insert(sink.start)
                var audited = sink
                audited.origin = origin
                found.append(audited)
            }
            engine.charge(work)
            if engine.exhausted { break }
        }
        return found
    }

    /// The file's functions that matter to the rest of the root under this rule: those that
    /// return a source's data, whose calls are sources in every file (``MatchEngine/importedSources``),
    /// and those with parameters that return none of their data, whose calls' arguments are
    /// clean in every file (``MatchEngine/importedDataFree``). The first are looked for only when
    /// `findingSources`.
    func functionSummaries(_ engine: inout MatchEngine, findingSources: Bool) -> (returningSources: [String], dataFree: [String]) {
        let sourceMatches = sources.flatMap { $0.evaluate(&engine) }
        let flow = TaintFlow(engine: engine, sources: sourceMatches, sanitized: ranges(of: sanitizers, &engine),
                             guarded: ranges(of: guards, &engine), parameterSlot: parameterSlot)
        var work = 0
        let returning = sourceMatches.isEmpty || !findingSources ? [] : flow.functionsReturningSources(work: &work)
        engine.charge(work)
        work = 0
        let dataFree = flow.dataFreeFunctions(limit: engine.remainingBudget, work: &work)
        engine.charge(work)
        return (returning, dataFree)
    }

    /// The token ranges the formulas match in the engine's file.
    private func ranges(of formulas: [CompiledFormula], _ engine: inout MatchEngine) -> [Range<Int>] {
        formulas.flatMap { $0.evaluate(&engine) }.map { $0.start..<$0.end }
    }

    /// Calls of functions that, somewhere in the root, return this rule's source data:
    /// `name(...)` or `receiver.name(...)`, but not the definitions themselves.
    private func importedSourceCalls(_ engine: MatchEngine) -> [PatternMatch] {
        Self.calls(of: engine.importedSources, engine).map {
            PatternMatch(start: $0.name, end: $0.close + 1, bindings: Array(repeating: nil, count: engine.constraints.count))
        }
    }

    /// The calls of `names` in the engine's file, as the name's token and the closing bracket of
    /// its argument list; definitions (`def name(`, `function name(`, `String name(...) {`,
    /// `name(...) throws {`) left out.
    private static func calls(of names: Set<String>, _ engine: MatchEngine) -> [(name: Int, close: Int)] {
        guard !names.isEmpty else { return [] }
        let tokens = engine.tokens
        let bytes = engine.bytes
        var calls: [(name: Int, close: Int)] = []
        for name in names {
            for position in engine.index.positions(of: Array(name.utf8)) {
                let index = Int(position)
                guard index + 1 < tokens.count, bytes[tokens[index].range].elementsEqual(name.utf8) else { continue }
                let open = tokens[index + 1]
                guard open.kind == .punctuation, open.hasPartner, Int(open.partner) > index + 1,
                      bytes[Int(open.start)] == UInt8(ascii: "(") else { continue }
                let close = Int(open.partner)
                if index > 0, ["def", "function", "func", "fun", "fn"].contains(String(decoding: bytes[tokens[index - 1].range], as: UTF8.self)) { continue }
                if close + 1 < tokens.count {
                    let after = String(decoding: bytes[tokens[close + 1].range], as: UTF8.self)
                    if after == "{" || after == "throws" || after == ":" && engine.buffer.language == .python { continue }
                }
                calls.append((index, close))
            }
        }
        return calls
    }
}
