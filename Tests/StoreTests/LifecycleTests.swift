import BackcheckStore
import Testing

@Suite struct LifecycleTests {
    @Test func recordingTheSameResultsTwiceChangesOnlyLastSeen() throws {
        let test = try TestStore()
        defer { test.directory.remove() }
        let results = [Fixture.analyzed("app.py", [Fixture.finding("f1"), Fixture.finding("f2", line: 9)])]
        let scan = try test.store.beginScan(root: Fixture.root, kind: .audit, toolVersion: "0.1.0", rulePackHash: "h")
        try test.store.record(results, in: scan)
        let first = try test.findings()
        try test.store.record(results, in: scan)
        let second = try test.findings()
        #expect(second.count == 2)
        #expect(second.map(\.id) == first.map(\.id))
        #expect(second.map(\.status) == [.open, .open])
        #expect(second.map(\.firstSeen) == first.map(\.firstSeen))
        #expect(try test.store.files(root: Fixture.root).map(\.path) == ["app.py"])
    }

    @Test func openThenFixedThenReopened() throws {
        let test = try TestStore()
        defer { test.directory.remove() }
        try test.scan([Fixture.analyzed("app.py", [Fixture.finding("f1")])])
        #expect(try test.status(of: "f1") == .open)

        try test.scan([Fixture.analyzed("app.py", [])])
        let fixed = try #require(try test.findings().first)
        #expect(fixed.status == .fixed)
        #expect(fixed.fixedAt != nil)

        // It comes back, moved down: same row, reopened, new position.
        try test.scan([Fixture.analyzed("app.py", [Fixture.finding("f1", line: 30)])])
        let reopened = try #require(try test.findings().first)
        #expect(reopened.id == fixed.id)
        #expect(reopened.status == .reopened)
        #expect(reopened.reopenedAt != nil)
        #expect(reopened.fixedAt == nil)
        #expect(reopened.finding.line == 30)
        #expect(reopened.firstSeen == fixed.firstSeen)
    }

    @Test func suppressionFollowsTheMarker() throws {
        let test = try TestStore()
        defer { test.directory.remove() }
        try test.scan([Fixture.analyzed("app.py", [Fixture.finding("f1", suppressed: true)])])
        let suppressed = try #require(try test.findings().first)
        #expect(suppressed.status == .suppressed)
        #expect(suppressed.suppression?.marker == "backcheck:ignore")
        #expect(suppressed.suppression?.reason == "test data")

        try test.scan([Fixture.analyzed("app.py", [Fixture.finding("f1")])])
        let open = try #require(try test.findings().first)
        #expect(open.status == .open)
        #expect(open.suppression == nil)

        try test.scan([Fixture.analyzed("app.py", [Fixture.finding("f1", suppressed: true)])])
        #expect(try test.status(of: "f1") == .suppressed)
    }

    @Test func skippedFileClosesItsFindings() throws {
        let test = try TestStore()
        defer { test.directory.remove() }
        try test.scan([Fixture.analyzed("big.py", [Fixture.finding("f1", path: "big.py")])])
        try test.scan([Fixture.skipped("big.py")])
        #expect(try test.status(of: "f1") == .fixed)
        let file = try #require(try test.store.files(root: Fixture.root).first)
        #expect(file.skipReason == "too large")
        #expect(file.contentHash == nil)
    }

    @Test func completeScanClosesFindingsOfVanishedFiles() throws {
        let test = try TestStore()
        defer { test.directory.remove() }
        try test.scan([
            Fixture.analyzed("a.py", [Fixture.finding("fa", path: "a.py")]),
            Fixture.analyzed("b.py", [Fixture.finding("fb", path: "b.py")]),
        ])
        // A partial scan proves nothing about b.py.
        try test.scan([Fixture.analyzed("a.py", [Fixture.finding("fa", path: "a.py")])], kind: .watch, complete: false)
        #expect(try test.status(of: "fb") == .open)

        try test.scan([Fixture.analyzed("a.py", [Fixture.finding("fa", path: "a.py")])])
        #expect(try test.status(of: "fb") == .fixed)
        #expect(try test.status(of: "fa") == .open)
        #expect(try test.store.files(root: Fixture.root).map(\.path) == ["a.py"])
        // The finding keeps its path after its file row is gone.
        #expect(try test.findings([.fixed]).first?.finding.path == "b.py")
    }

    @Test func removedFileThatComesBackReopensItsFindings() throws {
        let test = try TestStore()
        defer { test.directory.remove() }
        let (scan, _) = try test.scan([Fixture.analyzed("a.py", [Fixture.finding("fa", path: "a.py")])])
        try test.store.removeFiles(paths: ["a.py", "never-seen.py"], in: scan)
        #expect(try test.status(of: "fa") == .fixed)
        #expect(try test.store.files(root: Fixture.root).isEmpty)

        try test.scan([Fixture.analyzed("a.py", [Fixture.finding("fa", path: "a.py")])])
        #expect(try test.findings().map(\.status) == [.reopened])
    }

    @Test func findingsAreOrderedWorstFirstThenByPathAndLine() throws {
        let test = try TestStore()
        defer { test.directory.remove() }
        try test.scan([
            Fixture.analyzed("b.py", [Fixture.finding("b9", path: "b.py", line: 9, severity: .low)]),
            Fixture.analyzed("a.py", [
                Fixture.finding("a5", path: "a.py", line: 5, severity: .low),
                Fixture.finding("a7", path: "a.py", line: 7, severity: .critical),
                Fixture.finding("a2", path: "a.py", line: 2, severity: .low),
            ]),
        ])
        #expect(try test.findings().map(\.finding.fingerprint) == ["a7", "a2", "a5", "b9"])
        #expect(try test.findings().first?.finding.severity == .critical)
        #expect(try test.store.findings(root: "/elsewhere", statuses: [.open]).isEmpty)
        #expect(try test.store.findings(root: nil, statuses: [.open]).count == 4)
        #expect(try test.store.findings(root: nil, statuses: [.fixed]).isEmpty)
    }
}
