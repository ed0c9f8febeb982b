import BackcheckAnalysis
import BackcheckStore
import Testing

/// Source summaries kept with each file (kind `summary` in `facts`), and the root-wide table
/// made from them.
@Suite struct SummaryFactsTests {
    static func withSummary(_ result: FileResult, _ json: String?) -> FileResult {
        var result = result
        result.summaryFacts = .replace(json)
        return result
    }

    @Test func aNewReadingWithoutASummaryDropsTheStoredOne() throws {
        let test = try TestStore()
        defer { test.directory.remove() }
        let summary = FileSourceSummary(definedNames: ["textParameter"], returningSources: ["r": ["textParameter"]])
        let json = FileSourceSummary.json(summary, rules: "h1")
        try test.scan([Self.withSummary(Fixture.analyzed("a.py", []), json), Self.withSummary(Fixture.analyzed("b.py", []), json)])
        #expect(try test.store.summaryFacts(root: Fixture.root).keys.sorted() == ["a.py", "b.py"])

        // a.py seen again unchanged keeps its summary; b.py analysed again without one (the
        // daemon's save) loses it, since it was made from the old bytes.
        var unchanged = Fixture.analyzed("a.py", [])
        unchanged.outcome = .unchanged
        try test.scan([unchanged, Fixture.analyzed("b.py", [])])
        let stored = try test.store.summaryFacts(root: Fixture.root)
        #expect(stored.keys.sorted() == ["a.py"])
        #expect(FileSourceSummary.stored(try #require(stored["a.py"]), rules: "h1") == .some(summary))
        #expect(FileSourceSummary.stored(try #require(stored["a.py"]), rules: "other rules") == nil, "made with other rules: made again")
    }

    @Test func aNameCountsOnlyWhenEveryFileDefiningItReturnsTheSource() {
        let rule = "input-validation/sql-injection-java"
        let table = SourceSummaries(files: [
            FileSourceSummary(definedNames: ["textParameter", "get", "run"], returningSources: [rule: ["textParameter", "get", "run"]]),
            // Another `get` that returns something else: the name is ambiguous.
            FileSourceSummary(definedNames: ["get"], returningSources: [:]),
        ])
        #expect(table.byRule[rule] == ["textParameter"], "`get` is defined elsewhere too; `run` is too short to be told apart")
        #expect(SourceSummaries(files: []) == .empty)
    }

    @Test func aDataFreeNameCountsOnlyWhenEveryFileDefiningItSummarizesItSo() {
        let rule = "input-validation/sql-injection-ruby"
        let table = SourceSummaries(files: [
            FileSourceSummary(definedNames: ["report_window", "clean", "parse"], returningSources: [:],
                              dataFree: [rule: ["report_window", "clean", "parse"]]),
            // Another `parse` that hands its argument back: the name is ambiguous.
            FileSourceSummary(definedNames: ["parse"], returningSources: [:]),
        ])
        #expect(table.dataFreeByRule[rule] == ["report_window", "clean"], "`parse` is defined elsewhere too")
        #expect(table.byRule.isEmpty)
        #expect(table.names.map(\.text) == ["clean", "report_window"])
        #expect(table != .empty)
        #expect(table.canonicalText == "|data-free:\(rule)=clean,report_window")
        let sources = SourceSummaries(files: [FileSourceSummary(definedNames: ["textParameter"], returningSources: ["r": ["textParameter"]])])
        #expect(sources.canonicalText == "r=textParameter", "a table without data-free names reads as it did")
    }

    @Test func aSummaryStoredInTheEarlierFormatIsMadeAgain() {
        // Stored before data-free names were summarized: a file "with none" may have some now.
        #expect(FileSourceSummary.stored(#"{"rules":"h1","summary":null}"#, rules: "h1") == nil)
        #expect(FileSourceSummary.stored(#"{"rules":"h1","summary":{"definedNames":["a"],"returningSources":{}}}"#, rules: "h1") == nil)
        let summary = FileSourceSummary(definedNames: ["clean"], returningSources: [:], dataFree: ["r": ["clean"]])
        #expect(FileSourceSummary.stored(FileSourceSummary.json(summary, rules: "h1"), rules: "h1") == .some(summary))
        #expect(FileSourceSummary.stored(FileSourceSummary.json(nil, rules: "h1"), rules: "h1") == .some(nil))
    }
}
