import BackcheckStore
import Testing
import BackcheckModel

/// An audit's new / fixed are relative to the previous audit of the root, whatever daemon batches
/// (`watch` scans) changed in between.
@Suite struct AuditDiffTests {
    func fingerprints(_ findings: [TrackedFinding]) -> [String] { findings.map(\.finding.fingerprint).sorted() }

    @Test func daemonChangesBetweenAuditsCountTowardsTheNextAudit() throws {
        let test = try TestStore()
        defer { test.directory.remove() }
        try test.scan([Fixture.analyzed("a.py", [Fixture.finding("a")]), Fixture.analyzed("b.py", [])])
        // The daemon sees b.py gain a finding and a.py lose its own.
        try test.scan([Fixture.analyzed("b.py", [Fixture.finding("b", path: "b.py")])], kind: .watch, complete: false)
        try test.scan([Fixture.analyzed("a.py", [])], kind: .watch, complete: false)
        let (audit, summary) = try test.scan([Fixture.analyzed("a.py", []), Fixture.analyzed("b.py", [Fixture.finding("b", path: "b.py")])])
        #expect(fingerprints(try test.store.newFindings(in: audit)) == ["b"])
        #expect(fingerprints(try test.store.fixedFindings(in: audit)) == ["a"])
        #expect(summary.newFindings == 1)
        #expect(summary.fixedFindings == 1)
        #expect(summary.previousScanId != nil)
    }

    @Test func findingFixedAndBackBetweenAuditsIsNeitherNewNorFixed() throws {
        let test = try TestStore()
        defer { test.directory.remove() }
        try test.scan([Fixture.analyzed("a.py", [Fixture.finding("a")])])
        try test.scan([Fixture.analyzed("a.py", [])], kind: .watch, complete: false)
        try test.scan([Fixture.analyzed("a.py", [Fixture.finding("a")])], kind: .watch, complete: false)
        #expect(try test.status(of: "a") == .reopened)
        let (audit, summary) = try test.scan([Fixture.analyzed("a.py", [Fixture.finding("a")])])
        #expect(try test.store.newFindings(in: audit).isEmpty)
        #expect(try test.store.fixedFindings(in: audit).isEmpty)
        #expect(summary.openFindings == 1)
    }

    @Test func findingBornAndGoneBetweenAuditsIsNotReported() throws {
        let test = try TestStore()
        defer { test.directory.remove() }
        try test.scan([Fixture.analyzed("a.py", [])])
        try test.scan([Fixture.analyzed("a.py", [Fixture.finding("brief")])], kind: .watch, complete: false)
        let (audit, _) = try test.scan([Fixture.analyzed("a.py", [])])
        #expect(try test.store.newFindings(in: audit).isEmpty)
        #expect(try test.store.fixedFindings(in: audit).isEmpty)
    }

    @Test func aDaemonBatchIsComparedWithWhatCameJustBefore() throws {
        let test = try TestStore()
        defer { test.directory.remove() }
        try test.scan([Fixture.analyzed("a.py", [Fixture.finding("a")])])
        let (batch, summary) = try test.scan([Fixture.analyzed("b.py", [Fixture.finding("b", path: "b.py")])], kind: .watch, complete: false)
        #expect(fingerprints(try test.store.newFindings(in: batch)) == ["b"])
        #expect(summary.newFindings == 1)
    }

    @Test func historyRecordsEveryStatusChange() throws {
        let test = try TestStore()
        defer { test.directory.remove() }
        try test.scan([Fixture.analyzed("a.py", [Fixture.finding("a")])])
        try test.scan([Fixture.analyzed("a.py", [Fixture.finding("a")])])
        try test.scan([Fixture.analyzed("a.py", [])])
        try test.scan([Fixture.analyzed("a.py", [Fixture.finding("a")])], kind: .watch, complete: false)
        try test.scan([Fixture.analyzed("a.py", [Fixture.finding("a", suppressed: true)])])
        let id = try #require(try test.findings().first?.id)
        let history = try test.store.history(of: id)
        #expect(history.map(\.status) == [.open, .fixed, .reopened, .suppressed])
        #expect(history.map(\.scanKind) == [.audit, .audit, .watch, .audit])
        #expect(history.last?.reason == "test data")
    }
}
