import BackcheckStore
import Testing

@Suite struct ScanSummaryTests {
    @Test func summaryCountsWhatTheScanChanged() throws {
        let test = try TestStore()
        defer { test.directory.remove() }
        let (first, firstSummary) = try test.scan([
            Fixture.analyzed("a.py", [Fixture.finding("keep", path: "a.py"), Fixture.finding("goes", path: "a.py")]),
            Fixture.analyzed("b.py", [Fixture.finding("later-back", path: "b.py")]),
            Fixture.skipped("big.bin"),
        ])
        #expect(firstSummary == ScanSummary(
            newFindings: 3, fixedFindings: 0, reopenedFindings: 0, openFindings: 3, suppressedFindings: 0,
            filesAnalyzed: 2, filesSkipped: 1, previousScanId: nil))

        let (_, second) = try test.scan([
            Fixture.analyzed("a.py", [Fixture.finding("keep", path: "a.py"), Fixture.finding("quiet", path: "a.py", suppressed: true)]),
            Fixture.analyzed("b.py", []),
        ])
        #expect(second == ScanSummary(
            newFindings: 0, fixedFindings: 2, reopenedFindings: 0, openFindings: 1, suppressedFindings: 1,
            filesAnalyzed: 2, filesSkipped: 0, previousScanId: first.id))

        let (third, thirdSummary) = try test.scan([
            Fixture.analyzed("a.py", [
                Fixture.finding("keep", path: "a.py"), Fixture.finding("quiet", path: "a.py", suppressed: true),
                Fixture.finding("fresh", path: "a.py"),
            ]),
            Fixture.analyzed("b.py", [Fixture.finding("later-back", path: "b.py")]),
        ])
        #expect(thirdSummary.newFindings == 2)
        #expect(thirdSummary.reopenedFindings == 1)
        #expect(thirdSummary.fixedFindings == 0)
        #expect(thirdSummary.openFindings == 3)
        #expect(try test.store.newFindings(in: third).map(\.finding.fingerprint).sorted() == ["fresh", "later-back"])
        #expect(try test.store.fixedFindings(in: third).isEmpty)

        let scans = try test.store.scans(root: Fixture.root)
        #expect(scans.count == 3)
        #expect(scans.first?.id == third.id)
        #expect(scans.allSatisfy { $0.status == .complete && $0.coversRoot && $0.finishedAt != nil })
        #expect(scans.first?.findingsNew == 2)
        #expect(scans.first?.findingsOpen == 3)
    }

    @Test func fixedFindingsOfAScanAreListed() throws {
        let test = try TestStore()
        defer { test.directory.remove() }
        try test.scan([Fixture.analyzed("a.py", [Fixture.finding("f1", path: "a.py")])])
        let (scan, _) = try test.scan([Fixture.analyzed("a.py", [])])
        #expect(try test.store.fixedFindings(in: scan).map(\.finding.fingerprint) == ["f1"])
        #expect(try test.store.newFindings(in: scan).isEmpty)
    }

    @Test func failedScanKeepsItsResultsAndRemovesNothing() throws {
        let test = try TestStore()
        defer { test.directory.remove() }
        try test.scan([Fixture.analyzed("a.py", [Fixture.finding("fa", path: "a.py")])])
        let scan = try test.store.beginScan(root: Fixture.root, kind: .audit, toolVersion: "0.1.0", rulePackHash: "h")
        try test.store.record([Fixture.analyzed("b.py", [Fixture.finding("fb", path: "b.py")])], in: scan)
        try test.store.failScan(scan)
        #expect(try test.store.scans(root: Fixture.root).first?.status == .failed)
        #expect(try test.status(of: "fa") == .open)
        #expect(try test.status(of: "fb") == .open)
    }
}
