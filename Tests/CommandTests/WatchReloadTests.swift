import BackcheckStore
import Foundation
import Testing
import TestSupport

/// The daemon follows its configuration and rules as they are edited, and survives broken edits.
@Suite(.serialized) struct WatchReloadTests {
    static let evalRule = """
        id: input-validation/no-eval-python
        checklist: input-validation
        severity: high
        confidence: high
        languages: [python]
        message: "eval() runs text as code"
        pattern: eval($X)

        """
    static let evalCall = "def run(text):\n    return eval(text)\n"
    static let ruleFile = "rules/input-validation/no-eval-python.yml"

    @Test func reloadsConfigurationAndRulesWithoutARestart() throws {
        let daemon = try DaemonProcess("backcheck-watch-reload")
        try daemon.write("app/run.py", Self.evalCall)
        try daemon.write("app/passwords.py", WatchCommandTests.weakHash)
        try daemon.start()
        #expect(try daemon.eventually { try daemon.findings([.open]).map(\.finding.path) == ["app/passwords.py"] }, "\(daemon.stderr)")

        // A custom rule folder added to the config: its rule applies to files nobody touched.
        try daemon.write(Self.ruleFile, Self.evalRule)
        try daemon.write(".backcheck.yml", "rules:\n  folders: [rules]\n")
        #expect(try daemon.eventually {
            try daemon.findings([.open]).contains { $0.finding.ruleId == "input-validation/no-eval-python" && $0.finding.path == "app/run.py" }
        }, "\(daemon.stderr)")
        #expect(try daemon.eventually { daemon.stderr.contains("configuration reloaded") }, "\(daemon.stderr)")

        // Editing the rule so it no longer matches fixes its finding.
        try daemon.write(Self.ruleFile, Self.evalRule.replacingOccurrences(of: "eval($X)", with: "exec($X)"))
        #expect(try daemon.eventually {
            try daemon.findings([.fixed]).contains { $0.finding.ruleId == "input-validation/no-eval-python" }
        }, "\(daemon.stderr)")

        // A broken config keeps the last good one, says where it is broken, and the daemon goes on.
        try daemon.write(".backcheck.yml", "rules:\n  folders: [rules]\n  disable: [oops\n")
        #expect(try daemon.eventually { daemon.stderr.contains("keeping the last good configuration") }, "\(daemon.stderr)")
        #expect(daemon.stderr.contains(".backcheck.yml:"))
        try daemon.write("app/more.py", WatchCommandTests.weakHash)
        #expect(try daemon.eventually { try daemon.findings([.open]).contains { $0.finding.path == "app/more.py" } }, "\(daemon.stderr)")

        // Disabling a rule closes its findings everywhere.
        try daemon.write(".backcheck.yml", "rules:\n  folders: [rules]\n  disable: [sensitive-data/weak-password-hash-python]\n")
        #expect(try daemon.eventually { try daemon.findings([.open, .reopened]).isEmpty }, "\(daemon.stderr)")
        #expect(daemon.stop() == 0)
    }

    /// Rules that changed while the daemon was down (an upgrade, an edited rule) mean every file is
    /// analysed again on start, though no file changed.
    @Test func reanalysesEverythingWhenRulesChangedWhileStopped() throws {
        let daemon = try DaemonProcess("backcheck-watch-stale")
        try daemon.write("app/run.py", Self.evalCall)
        try daemon.start()
        #expect(try daemon.eventually { try daemon.storedFiles() == ["app/run.py"] }, "\(daemon.stderr)")
        #expect(daemon.stop() == 0)
        #expect(try daemon.findings([.open]).isEmpty)

        try daemon.write(Self.ruleFile, Self.evalRule)
        try daemon.write(".backcheck.yml", "rules:\n  folders: [rules]\n")
        try daemon.start()
        #expect(try daemon.eventually { try daemon.findings([.open]).map(\.finding.ruleId) == ["input-validation/no-eval-python"] },
                "\(daemon.stderr)")
        #expect(try daemon.eventually { daemon.stderr.contains("analysing every file") }, "\(daemon.stderr)")
        #expect(daemon.stop() == 0)
    }

    /// While git holds .git/index.lock (a checkout in progress), nothing is analysed; once it is
    /// gone, what changed meanwhile is.
    @Test func waitsForAGitOperationToFinish() throws {
        let daemon = try DaemonProcess("backcheck-watch-git")
        try FileManager.default.createDirectory(atPath: daemon.root + "/.git", withIntermediateDirectories: true)
        try daemon.write("app/clean.py", "x = 1\n")
        try daemon.start()
        #expect(try daemon.eventually { try daemon.storedFiles() == ["app/clean.py"] }, "\(daemon.stderr)")

        try Data().write(to: URL(fileURLWithPath: daemon.root + "/.git/index.lock"))
        try daemon.write("app/passwords.py", WatchCommandTests.weakHash)
        try daemon.remove("app/clean.py")
        #expect(try daemon.eventually { daemon.stderr.contains("git operation is in progress") }, "\(daemon.stderr)")
        Thread.sleep(forTimeInterval: 0.5)
        #expect(try daemon.storedFiles() == ["app/clean.py"], "analysed during the git operation")

        try daemon.remove(".git/index.lock")
        #expect(try daemon.eventually {
            try daemon.storedFiles() == ["app/passwords.py"] && daemon.findings([.open]).map(\.finding.path) == ["app/passwords.py"]
        }, "\(daemon.stderr)")
        #expect(daemon.stop() == 0)
    }

    /// Directories beyond the inotify budget (here `--max-watches 2`; the kernel's limit takes the
    /// same path) are polled: the log says so, and changes there still reach the store.
    @Test func directoriesBeyondTheWatchLimitArePolled() throws {
        let daemon = try DaemonProcess("backcheck-watch-limit")
        for directory in ["a", "b", "c/d", "c/e"] { try daemon.write("\(directory)/clean.py", "x = 1\n") }
        try daemon.start(["--max-watches", "2"])
        #expect(try daemon.eventually { daemon.stderr.contains("--max-watches 2 directories are watched already; polling the rest") },
                "\(daemon.stderr)")
        try daemon.write("c/e/passwords.py", WatchCommandTests.weakHash)
        try daemon.write("a/passwords.py", WatchCommandTests.weakHash)
        #expect(try daemon.eventually(within: 15) {
            try daemon.findings([.open]).map(\.finding.path).sorted() == ["a/passwords.py", "c/e/passwords.py"]
        }, "\(daemon.stderr)")
        // `status` tells which directories are polled (after the next heartbeat).
        var status = ""
        #expect(try daemon.eventually {
            status = try BackcheckProcess.run(["status", "--db", daemon.db]).stdout
            return status.contains("watching     inotify 2 directories, polling 4 beyond the watch limit")
        }, "\(status)")
        try daemon.remove("c/e/passwords.py")
        #expect(try daemon.eventually(within: 15) { try daemon.findings([.open]).map(\.finding.path) == ["a/passwords.py"] },
                "\(daemon.stderr)")
        #expect(daemon.stop() == 0)
    }

    /// Another process holding the database's write lock longer than the busy timeout fails a
    /// batch; the daemon says so, backs off, and records the change once the lock is released.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3"), "needs the sqlite3 shell"))
    func aLockedDatabaseIsWaitedOut() throws {
        let daemon = try DaemonProcess("backcheck-watch-locked")
        try daemon.write("app/clean.py", "x = 1\n")
        #expect(try daemon.startUntilReady()?.hasPrefix("READY=1") == true, "\(daemon.stderr)")

        // The holder keeps the lock until the test releases it (or 60 s pass), so a slow machine
        // cannot let the batch through before it has failed once.
        let release = daemon.work.appendingPathComponent("release-lock").path
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        holder.arguments = [daemon.db, "BEGIN IMMEDIATE;",
                            ".shell for i in $(seq 600); do [ -e '\(release)' ] && break; sleep 0.1; done", "COMMIT;"]
        try holder.run()
        // Wait until the holder has the lock: another write fails at once.
        func locked() throws -> Bool {
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
            probe.arguments = ["-cmd", ".timeout 0", daemon.db, "BEGIN IMMEDIATE;", "ROLLBACK;"]
            probe.standardOutput = FileHandle.nullDevice
            probe.standardError = FileHandle.nullDevice
            try probe.run()
            probe.waitUntilExit()
            return probe.terminationStatus != 0
        }
        // A loaded machine may take seconds to start the holder; the test only needs it to hold.
        #expect(try daemon.eventually(within: 30) { try locked() })
        try daemon.write("app/passwords.py", WatchCommandTests.weakHash)
        #expect(try daemon.eventually(within: 40) { daemon.stderr.contains("trying again in") }, "\(daemon.stderr)")
        FileManager.default.createFile(atPath: release, contents: nil)
        holder.waitUntilExit()
        #expect(try daemon.eventually(within: 20) { try daemon.findings([.open]).map(\.finding.path) == ["app/passwords.py"] },
                "\(daemon.stderr)")
        #expect(daemon.stderr.contains("is locked by another process"))
        #expect(daemon.stop() == 0, "\(daemon.stderr)")
    }

    /// One daemon keeps several roots current, each with its own configuration, and `status`
    /// lists them.
    @Test func watchesSeveralRoots() throws {
        let daemon = try DaemonProcess("backcheck-watch-roots")
        let second = daemon.work.appendingPathComponent("billing").path
        try FileManager.default.createDirectory(atPath: second + "/src", withIntermediateDirectories: true)
        // The second root disables the rule the first one reports.
        try "rules:\n  disable: [sensitive-data/weak-password-hash-python]\n"
            .write(toFile: second + "/.backcheck.yml", atomically: true, encoding: .utf8)
        try daemon.write("app/clean.py", "x = 1\n")
        #expect(try daemon.startUntilReady(extraRoots: [second])?.hasPrefix("READY=1\nSTATUS=watching 2 roots") == true,
                "\(daemon.stderr)")

        try daemon.write("app/passwords.py", WatchCommandTests.weakHash)
        try WatchCommandTests.weakHash.write(toFile: second + "/src/passwords.py", atomically: true, encoding: .utf8)
        try "def run(text):\n    return eval(text)\n".write(toFile: second + "/src/run.py", atomically: true, encoding: .utf8)
        #expect(try daemon.eventually {
            try daemon.findings([.open]).map(\.finding.path) == ["app/passwords.py"]
                && FindingStore(path: daemon.db).files(root: second).map(\.path) == ["src/passwords.py", "src/run.py"]
        }, "\(daemon.stderr)")
        #expect(try FindingStore(path: daemon.db).findings(root: second, statuses: [.open]).isEmpty)
        let status = try BackcheckProcess.run(["status", "--db", daemon.db])
        #expect(status.stdout.contains(daemon.root) && status.stdout.contains(second), "\(status.stdout)")
        #expect(daemon.stop() == 0)
    }

    /// `--watcher polling` (no inotify) keeps the store current too, new directories included.
    @Test func pollingWatcherKeepsFindingsCurrent() throws {
        let daemon = try DaemonProcess("backcheck-watch-poll")
        try daemon.write("app/clean.py", "x = 1\n")
        try daemon.start(["--watcher", "polling"])
        #expect(try daemon.eventually { try daemon.storedFiles() == ["app/clean.py"] }, "\(daemon.stderr)")
        #expect(try daemon.eventually { daemon.stderr.contains("with polling") }, "\(daemon.stderr)")

        try daemon.write("lib/deep/passwords.py", WatchCommandTests.weakHash)
        #expect(try daemon.eventually(within: 15) {
            try daemon.findings([.open]).map(\.finding.path) == ["lib/deep/passwords.py"]
        }, "\(daemon.stderr)")
        try daemon.write("lib/deep/passwords.py", WatchCommandTests.strongHash)
        #expect(try daemon.eventually(within: 15) { try daemon.findings([.open]).isEmpty && !daemon.findings([.fixed]).isEmpty },
                "\(daemon.stderr)")
        try daemon.remove("app/clean.py")
        #expect(try daemon.eventually(within: 15) { try daemon.storedFiles() == ["lib/deep/passwords.py"] }, "\(daemon.stderr)")
        #expect(daemon.stop() == 0)
    }
}

/// The daemon does the least work that keeps the store exact.
@Suite(.serialized) struct WatchIncrementalTests {
    /// A save that does not change the bytes (a `touch`, `:w` without edits) is not analysed again.
    @Test func unchangedBytesAreNotAnalysedAgain() throws {
        let daemon = try DaemonProcess("backcheck-watch-touch")
        try daemon.write("app/passwords.py", WatchCommandTests.weakHash)
        try daemon.start()
        #expect(try daemon.eventually { try daemon.findings([.open]).count == 1 }, "\(daemon.stderr)")
        let before = try daemon.findings([.open])

        try daemon.write("app/passwords.py", WatchCommandTests.weakHash)
        #expect(try daemon.eventually { daemon.stderr.contains("1 recorded (1 unchanged)") }, "\(daemon.stderr)")
        let after = try daemon.findings([.open])
        #expect(after.map(\.finding.fingerprint) == before.map(\.finding.fingerprint))
        #expect(daemon.stop() == 0)
    }

    /// A directory created, moved out, moved back in or deleted is rescanned alone, not the
    /// whole tree (docs/DESIGN.md §8: "a rescan of that subtree").
    @Test func directoryChangesRescanOnlyThatDirectory() throws {
        let daemon = try DaemonProcess("backcheck-watch-subtree")
        for index in 0..<40 { try daemon.write("app/m\(index).py", "x = \(index)\n") }
        #expect(try daemon.startUntilReady()?.hasPrefix("READY=1") == true, "\(daemon.stderr)")

        // A directory moved in whole (so it appears with its file, whatever the timing).
        let outside = daemon.work.appendingPathComponent("outside").path
        try FileManager.default.createDirectory(atPath: outside + "/auth", withIntermediateDirectories: true)
        try WatchCommandTests.weakHash.write(toFile: outside + "/auth/passwords.py", atomically: true, encoding: .utf8)
        try FileManager.default.moveItem(atPath: outside, toPath: daemon.root + "/lib")
        #expect(try daemon.eventually { try daemon.findings([.open]).map(\.finding.path) == ["lib/auth/passwords.py"] },
                "\(daemon.stderr)")
        try FileManager.default.moveItem(atPath: daemon.root + "/lib", toPath: outside)
        #expect(try daemon.eventually { try daemon.findings([.open, .reopened]).isEmpty && daemon.storedFiles().count == 40 },
                "\(daemon.stderr)")
        try FileManager.default.moveItem(atPath: outside, toPath: daemon.root + "/vendored")
        #expect(try daemon.eventually {
            try daemon.findings([.open, .reopened]).map(\.finding.path) == ["vendored/auth/passwords.py"]
        }, "\(daemon.stderr)")
        try FileManager.default.removeItem(atPath: daemon.root + "/vendored")
        #expect(try daemon.eventually { try daemon.findings([.open, .reopened]).isEmpty && daemon.storedFiles().count == 40 },
                "\(daemon.stderr)")
        #expect(daemon.stop() == 0)
        // The directory batches name the directory they rescanned, not the root.
        let batches = daemon.stderr.split(separator: "\n").filter { $0.contains(" recorded (") }
        #expect(batches.contains { $0.contains(daemon.root + "/lib: 1 recorded") }, "\(batches)")
        #expect(batches.contains { $0.contains(daemon.root + "/lib: 0 recorded (0 unchanged), 1 removed") }, "\(batches)")
        #expect(batches.contains { $0.contains(daemon.root + "/vendored: 1 recorded") }, "\(batches)")
    }

    /// A file with SQL whose facts did not change is recorded alone, with its schema findings; a
    /// change of facts re-runs the schema analyzers and re-records every file with SQL. Either way
    /// the store equals a fresh audit.
    @Test func schemaAnalyzersRunAgainOnlyWhenFactsChange() throws {
        let daemon = try DaemonProcess("backcheck-watch-facts")
        try daemon.copySampleBackend()
        #expect(try daemon.startUntilReady()?.hasPrefix("READY=1") == true, "\(daemon.stderr)")
        // Restarted on an unchanged tree, it loads the facts of every file from the store after READY.
        #expect(daemon.stop() == 0)
        try daemon.start()
        #expect(try daemon.eventually { daemon.stderr.contains("SQL facts of every file loaded") }, "\(daemon.stderr)")
        let schemaFindings = try daemon.findings([.open]).filter { $0.finding.checklist.rawValue == "query-performance" }
        #expect(!schemaFindings.isEmpty)

        // A comment at the end moves no statement: same facts, only this file is recorded.
        let schema = daemon.root + "/db/schema.sql"
        let original = try String(contentsOfFile: schema, encoding: .utf8)
        try (original + "-- reviewed\n").write(toFile: schema, atomically: true, encoding: .utf8)
        #expect(try daemon.eventually { daemon.stderr.contains("1 recorded (0 unchanged)") }, "\(daemon.stderr)")
        #expect(try daemon.findings([.open]).filter { $0.finding.checklist.rawValue == "query-performance" }.map(\.finding.fingerprint).sorted()
                == schemaFindings.map(\.finding.fingerprint).sorted())

        // New facts: an index for the unindexed foreign key.
        try (original + "CREATE INDEX orders_user_id_idx ON orders (user_id);\n").write(toFile: schema, atomically: true, encoding: .utf8)
        #expect(try daemon.eventually {
            try daemon.findings([.fixed]).contains { $0.finding.checklist.rawValue == "query-performance" }
        }, "\(daemon.stderr)")
        Thread.sleep(forTimeInterval: 0.3)
        #expect(daemon.stop() == 0)

        let (store, audit, _, _) = try daemon.storeAndFreshAudit()
        #expect(store == audit)
    }
}

/// `backcheck findings --sync`: the answer includes every change saved before the call.
@Suite(.serialized) struct WatchSyncTests {
    @Test func syncAnswersAfterTheDaemonCaughtUp() throws {
        let daemon = try DaemonProcess("backcheck-watch-sync")
        try daemon.write("app/clean.py", "x = 1\n")
        // A long settle time: without the cookie, the query would surely run before the batch.
        #expect(try daemon.startUntilReady(["--settle-ms", "300"])?.hasPrefix("READY=1") == true, "\(daemon.stderr)")

        for round in 0..<3 {
            try daemon.write("app/passwords\(round).py", WatchCommandTests.weakHash)
            let result = try BackcheckProcess.run(["findings", "--sync", "--db", daemon.db, "--root", daemon.root, "--format", "json"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("app/passwords\(round).py"), "round \(round): \(result.stdout)")
        }
        // The markers are gone and were never recorded as files.
        #expect(try FileManager.default.contentsOfDirectory(atPath: daemon.root).sorted() == ["app"])
        #expect(try !daemon.storedFiles().contains { $0.contains("cookie") })
        #expect(daemon.stop() == 0)

        let stopped = try BackcheckProcess.run(["findings", "--sync", "--db", daemon.db, "--root", daemon.root])
        #expect(stopped.status == 2)
        #expect(stopped.stderr.contains("--sync needs a running daemon"), "\(stopped.stderr)")
    }
}
