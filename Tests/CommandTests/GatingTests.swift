import Foundation
import Testing
import TestSupport

/// `--baseline`, `--new-since-last-audit` and `--fail-on`: CI fails on new findings only.
@Suite(.serialized) struct GatingTests {
    /// Adds a new high finding (a second weak password hash) to the Python file.
    func addFinding(_ session: CLISession) throws {
        try session.edit("app/auth.py") { $0 + "\n\ndef other_digest(password):\n    return hashlib.sha1(password.encode()).hexdigest()\n" }
    }

    @Test(arguments: ["json", "sarif"])
    func baselineMakesOnlyNewFindingsFail(format: String) throws {
        let session = try CLISession("baseline-\(format)")
        defer { session.remove() }
        let baseline = session.work.appendingPathComponent("baseline.\(format)").path
        let first = try session.run(["audit", session.root.path, "--format", format, "--output", baseline])
        #expect(first.status == 1, "high findings fail without a baseline")

        let unchanged = try session.run(["audit", session.root.path, "--baseline", baseline, "--fail-on", "high"])
        #expect(unchanged.status == 0, "\(unchanged.stdout)\(unchanged.stderr)")
        #expect(unchanged.stdout.contains("(0 new, \(ExpectedFindings.shopBackend.count) still open"))

        try addFinding(session)
        let added = try session.run(["audit", session.root.path, "--baseline", baseline, "--fail-on", "high", "--format", "json"])
        #expect(added.status == 1)
        let json = try session.json(added)
        let new = (json["findings"] as? [[String: Any]] ?? []).filter { $0["new"] as? Bool == true }
        #expect(new.map { $0["line"] as? Int } == [52])
        #expect(try session.run(["audit", session.root.path, "--baseline", baseline, "--fail-on", "critical"]).status == 0)
    }

    @Test func newSinceLastAuditIgnoresWhatWasThere() throws {
        let session = try CLISession("new-since")
        defer { session.remove() }
        try session.audit()
        #expect(try session.run(["audit", session.root.path, "--new-since-last-audit"]).status == 0)
        try addFinding(session)
        let github = try session.run(["audit", session.root.path, "--new-since-last-audit", "--format", "github"])
        #expect(github.status == 1)
        #expect(github.stdout.split(separator: "\n").count == 1, "only the new finding is annotated: \(github.stdout)")
        #expect(github.stdout.hasPrefix("::error file=app/auth.py,line=52,"))
    }

    @Test func badArgumentsAndBaselinesExitWithTwo() throws {
        let session = try CLISession("gating-errors")
        defer { session.remove() }
        let missing = try session.run(["audit", session.root.path, "--baseline", session.work.appendingPathComponent("nope.json").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot be read"))
        let notJSON = session.work.appendingPathComponent("x.txt")
        try "hello".write(to: notJSON, atomically: true, encoding: .utf8)
        #expect(try session.run(["audit", session.root.path, "--baseline", notJSON.path]).status == 2)
        let both = try session.run(["audit", session.root.path, "--baseline", notJSON.path, "--new-since-last-audit"])
        #expect(both.status == 2)
        #expect(try session.run(["audit", session.root.path, "--fail-on", "severe"]).status == 2)
    }

    @Test func daemonBatchesBetweenAuditsCountTowardsTheNextAudit() throws {
        // Covered at the store level (AuditDiffTests); here: two audits with nothing in between
        // report nothing new and nothing fixed, and the text says what the diff is against.
        let session = try CLISession("diff-text")
        defer { session.remove() }
        let first = try session.audit()
        #expect(!first.stdout.contains("since the last audit"))
        let second = try session.audit()
        #expect(second.stdout.contains("(0 new, \(ExpectedFindings.shopBackend.count) still open, 0 fixed since the last audit"))
    }
}
