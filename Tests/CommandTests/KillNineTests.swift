import BackcheckStore
import Foundation
import Testing
import TestSupport

/// `kill -9` at 50 points of audits that have work to write (half at random times, half inside the
/// scan whose batches are write transactions): after each, the database passes
/// `PRAGMA integrity_check` and still holds every open finding of the files no audit changed;
/// after the last, one more audit converges to what a fresh audit of the same tree finds.
@Suite(.serialized) struct KillNineTests {
    let work: URL
    let root: URL
    let db: String

    init() throws {
        work = try TestSupport.temporaryDirectory("kill-nine")
        root = work.appendingPathComponent("shop-backend")
        db = work.appendingPathComponent("state/backcheck.sqlite").path
        try TestSupport.copySampleBackend(to: root)
    }

    /// Open findings as `path|rule|line|column`, sorted, leaving out the paths in `excluded`
    /// (not fingerprints: a secret's is keyed by its database's own key).
    func openFindings(_ database: String, excluding excluded: Set<String> = []) throws -> [String] {
        try TestSupport.sqlite(database, """
            SELECT path, rule_id, line, "column" FROM findings WHERE status IN ('open', 'reopened') ORDER BY path, rule_id, line, "column"
            """)
            .split(separator: "\n").map(String.init)
            .filter { line in !excluded.contains(String(line.split(separator: "|").first ?? "")) }
    }

    /// How many scans the database holds for the root (read in this process: a poll must be
    /// quicker than a short scan).
    func scanCount() -> Int {
        (try? FindingStore(path: db).scans(root: root.resolvingSymlinksInPath().path).count) ?? 0
    }

    /// Returns once the audit has begun its scan (a new scan row), or ended.
    func waitForScan(after count: Int, of process: Process) {
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning, Date() < deadline, scanCount() <= count { usleep(1_000) }
    }

    @Test func killedAnywhereTheStoreStaysWholeAndConverges() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        // Files the loop rewrites, so every audit has findings to add, fix and reopen.
        let churned = (0..<18).map { "churn/handler_\($0).py" }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("churn"), withIntermediateDirectories: true)
        func rewrite(_ path: String, variant: Int) throws {
            let body = (0..<(20 + variant % 7)).map { "def handler_\($0)(request):\n    return eval(request.args.get('q\(variant)'))\n" }
            try body.joined().write(to: root.appendingPathComponent(path), atomically: true, encoding: .utf8)
        }
        for path in churned { try rewrite(path, variant: 0) }

        let started = Date()
        let first = try BackcheckProcess.run(["audit", root.path, "--db", db, "--fail-on", "none"])
        #expect(first.status == 0, "\(first.stderr)")
        let duration = Date().timeIntervalSince(started)
        let unchanged = try openFindings(db, excluding: Set(churned))
        #expect(!unchanged.isEmpty)

        var random = SplitMix64(state: 0x6B69_6C6C)
        for point in 0..<50 {
            for (offset, path) in churned.enumerated() where (point + offset) % 3 == 0 { try rewrite(path, variant: point) }
            let process = Process()
            process.executableURL = BackcheckProcess.executable
            process.arguments = ["audit", root.path, "--db", db, "--fail-on", "none", "--format", "json"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let scansBefore = scanCount()
            try process.run()
            if point % 2 == 0 {
                // Anywhere from the start to a little past a whole audit's time.
                usleep(UInt32(Double(random.below(1_000)) / 1_000 * duration * 1.1 * 1_000_000))
            } else {
                // Inside the scan, whose batches are the write transactions: once its row exists,
                // a few milliseconds more, a point that holds under any load.
                waitForScan(after: scansBefore, of: process)
                usleep(UInt32(random.below(30_000)))
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(try TestSupport.sqlite(db, "PRAGMA integrity_check") == "ok", "after kill \(point)")
            #expect(try openFindings(db, excluding: Set(churned)) == unchanged, "committed findings survive kill \(point)")
        }

        let interrupted = Int(try TestSupport.sqlite(db, "SELECT count(*) FROM scans WHERE finished_at IS NULL")) ?? 0
        #expect(interrupted >= 15, "the kills timed by the store fell inside an audit's scan (\(interrupted) of 50)")

        let last = try BackcheckProcess.run(["audit", root.path, "--db", db, "--fail-on", "none"])
        #expect(last.status == 0, "\(last.stderr)")
        let fresh = work.appendingPathComponent("fresh/backcheck.sqlite").path
        let reference = try BackcheckProcess.run(["audit", root.path, "--db", fresh, "--fail-on", "none"])
        #expect(reference.status == 0, "\(reference.stderr)")
        let killed = try openFindings(db)
        let expected = try openFindings(fresh)
        #expect(killed == expected, "the killed store converges to a fresh audit: only after kills \(Set(killed).subtracting(expected).sorted().prefix(5)), only fresh \(Set(expected).subtracting(killed).sorted().prefix(5))")
    }
}
