import Foundation
import Testing
import TestSupport

/// The finding lifecycle and fingerprint stability, through the real binary and real edits.
@Suite(.serialized) struct LifecycleCommandTests {
    func statuses(_ session: CLISession, rule: String) throws -> [String] {
        let json = try session.json(try session.run(["findings", "--format", "json", "--status", "all", "--rule", rule]))
        return (json["findings"] as? [[String: Any]] ?? []).compactMap { $0["status"] as? String }
    }

    /// A re-audit does not analyse files whose bytes the same rules analysed before, yet reports
    /// exactly what a full analysis would: the same findings, the same unused suppressions, and
    /// findings of a new rule in files that did not change.
    @Test func reauditOfUnchangedFilesReportsWhatAFullAnalysisWould() throws {
        let session = try CLISession("reaudit-unchanged")
        defer { session.remove() }
        try "def run(text):\n    return eval(text)\n"
            .write(to: session.root.appendingPathComponent("app/run.py"), atomically: true, encoding: .utf8)
        try "x = 1  # backcheck:ignore sensitive-data/weak-password-hash-python -- old accounts\n"
            .write(to: session.root.appendingPathComponent("app/legacy.py"), atomically: true, encoding: .utf8)
        func summary(_ result: BackcheckProcess.Result) throws -> (findings: [String], unused: [String]) {
            let json = try session.json(result)
            let findings = (json["findings"] as? [[String: Any]] ?? [])
                .map { "\($0["path"] ?? ""):\($0["line"] ?? "") \($0["ruleId"] ?? "") \($0["fingerprint"] ?? "") \($0["status"] ?? "")" }
            return (findings.sorted(), json["unusedSuppressions"] as? [String] ?? [])
        }
        let first = try summary(try session.audit(["--format", "json"]))
        #expect(first.findings.count == ExpectedFindings.shopBackend.count)
        #expect(first.unused.count == 1, "\(first.unused)")
        let second = try summary(try session.audit(["--format", "json"]))
        #expect(second.findings == first.findings)
        #expect(second.unused == first.unused)

        let rules = session.root.appendingPathComponent("rules/input-validation")
        try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
        try WatchReloadTests.evalRule.write(to: rules.appendingPathComponent("no-eval-python.yml"), atomically: true, encoding: .utf8)
        try "rules:\n  folders: [rules]\n".write(to: session.root.appendingPathComponent(".backcheck.yml"), atomically: true, encoding: .utf8)
        let third = try summary(try session.audit(["--format", "json"]))
        #expect(third.findings.count == ExpectedFindings.shopBackend.count + 1)
        #expect(third.findings.contains { $0.hasPrefix("app/run.py:2 input-validation/no-eval-python") }, "\(third.findings)")

        // New schema facts: the unchanged files with SQL are made whole from the store, and the
        // schema findings are those a fresh audit into a new database computes.
        try session.edit("db/schema.sql") { $0 + "CREATE INDEX orders_user_id_idx ON orders (user_id);\n" }
        let fourth = try summary(try session.audit(["--format", "json"]))
        #expect(fourth.findings.count < third.findings.count, "the foreign key is indexed now")
        let fresh = session.work.appendingPathComponent("state/fresh.sqlite").path
        let audit = try BackcheckProcess.run(["audit", session.root.path, "--fail-on", "none", "--format", "json", "--db", fresh],
                                             in: session.root)
        #expect(fourth.findings.map { $0.replacingOccurrences(of: " open", with: "").replacingOccurrences(of: " reopened", with: "") }
                == (try summary(audit)).findings.map { $0.replacingOccurrences(of: " open", with: "") })
    }

    @Test func fixedThenReopenedThenSuppressedWithItsReason() throws {
        let session = try CLISession("lifecycle")
        defer { session.remove() }
        let rule = "sensitive-data/weak-password-hash-ruby"
        let weak = "Digest::SHA1.hexdigest(password)"
        try session.audit()
        #expect(try statuses(session, rule: rule) == ["open"])

        let strong = "BCrypt::Password.create(password) # was SHA1"
        try session.edit("lib/account.rb") { $0.replacingOccurrences(of: weak, with: strong) }
        let fixedRun = try session.audit()
        #expect(try statuses(session, rule: rule) == ["fixed"])
        #expect(fixedRun.stdout.contains("Fixed (1) since the last audit"))

        try session.edit("lib/account.rb") { $0.replacingOccurrences(of: strong, with: weak) }
        let reopenedRun = try session.audit()
        #expect(try statuses(session, rule: rule) == ["reopened"])
        #expect(reopenedRun.stdout.contains("\(rule)  [new]"), "a finding back since the last audit is new again")
        #expect(try session.run(["findings", "--status", "reopened", "--format", "json"]).stdout.contains(rule))

        try session.edit("lib/account.rb") {
            $0.replacingOccurrences(of: "    " + weak, with: "    # backcheck:ignore \(rule) -- legacy accounts, removed in #123\n    " + weak)
        }
        try session.audit()
        #expect(try statuses(session, rule: rule) == ["suppressed"])
        let suppressed = try session.json(try session.run(["findings", "--format", "json", "--status", "suppressed"]))
        let entry = try #require((suppressed["findings"] as? [[String: Any]])?.first)
        #expect((entry["suppression"] as? [String: Any])?["reason"] as? String == "legacy accounts, removed in #123")

        let id = try #require(entry["id"] as? Int)
        let show = try session.run(["show", String(id)])
        for step in ["fixed ", "reopened ", "suppressed "] { #expect(show.stdout.contains("  " + step), "history lacks \(step)") }
        #expect(show.stdout.contains("legacy accounts, removed in #123"))
    }

    @Test func fingerprintsSurviveEditsAboveReindentationAndRewrapping() throws {
        let session = try CLISession("fingerprints")
        defer { session.remove() }
        func fingerprints() throws -> [String: String] {
            let json = try session.json(try session.run(["findings", "--format", "json", "--path", "app/auth.py"]))
            return Dictionary(uniqueKeysWithValues: (json["findings"] as? [[String: Any]] ?? []).map {
                ($0["ruleId"] as! String, $0["fingerprint"] as! String)
            })
        }
        try session.audit()
        let before = try fingerprints()
        #expect(before.count == 4)

        try session.edit("app/auth.py") { source in
            // Code added above, the login body re-indented inside an `if`, the log call re-wrapped.
            "import sys\n\n\n" + source
                .replacingOccurrences(of: "    logger.info(\"login attempt for %s with %s\", username, password)",
                                      with: "    if True:\n        logger.info(\n            \"login attempt for %s with %s\",\n            username,\n            password\n        )")
                .replacingOccurrences(of: "    return hashlib.md5(password.encode(\"utf-8\")).hexdigest()",
                                      with: "    return hashlib.md5(\n        password.encode(\"utf-8\")\n    ).hexdigest()")
        }
        let run = try session.audit()
        #expect(try fingerprints() == before)
        #expect(!run.stdout.contains("[new]"))
        #expect(run.stdout.contains("(0 new, \(ExpectedFindings.shopBackend.count) still open, 0 fixed since the last audit"))
    }
}
