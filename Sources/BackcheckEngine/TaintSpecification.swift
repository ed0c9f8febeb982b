import BackcheckLexer
import BackcheckModel

/// Taint mode (docs/DESIGN.md §5): a sink is reported when, within one function, a value from a source
/// reaches it — directly, or through names assigned from it (concatenation, formatting and
/// interpolation included) — without passing through a sanitizer.
///
/// Sinks may bind `$SINK` (often `$...SINK`, one whole argument) to say which part must be
/// tainted; sources may bind `$PARAM` to taint a declared parameter's name in its function.
/// Flow is followed in source order within the function; loops are not iterated. A call to a
/// function of the same file whose returns carry none of its arguments' data is clean. A guard (an
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
        let sourceMatches = sources.flatMap { $0.evaluate(&engine) }
        guard !sourceMatches.isEmpty else { return [] }
        let sanitized = sanitizers.flatMap { $0.evaluate(&engine) }.map { $0.start..<$0.end }
        let guarded = guards.flatMap { $0.evaluate(&engine) }.map { $0.start..<$0.end }
        var flow = TaintFlow(engine: engine, sources: sourceMatches, sanitized: sanitized, guarded: guarded,
                             parameterSlot: parameterSlot)
        var summaryWork = 0
        let dataFreeCalls = flow.argumentsOfDataFreeCalls(work: &summaryWork)
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
            if flow.deadCode.contains(sink.start..<sink.end) { continue }
            if !target.isEmpty, flow.isTainted(target, before: sink.start, work: &work), reported.insert(sink.start).inserted {
                found.append(sink)
            }
            engine.charge(work)
            if engine.exhausted { break }
        }
        return found
    }
}
