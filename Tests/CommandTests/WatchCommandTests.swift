import BackcheckStore
import Foundation
import Testing
import TestSupport

/// `backcheck watch` and `backcheck status` run as a user (or systemd) would run them.
@Suite(.serialized) struct WatchCommandTests {
    static let weakHash = """
        import hashlib

        def digest(password):
            return hashlib.md5(password.encode("utf-8")).hexdigest()

        """
    static let strongHash = """
        import bcrypt

        def digest(password):
            return bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt())

        """

    @Test func keepsFindingsCurrentAndStopsCleanly() throws {
        let daemon = try DaemonProcess("backcheck-watch")
        try daemon.write("app/clean.py", "x = 1\n")
        try daemon.start()
        // Started and reconciled: the existing file is recorded.
        #expect(try daemon.eventually { try FindingStore(path: daemon.db).files(root: daemon.root).map(\.path) == ["app/clean.py"] },
                "daemon never reconciled: \(daemon.stderr)")

        // A problem written into a new directory appears.
        try daemon.write("lib/auth/passwords.py", Self.weakHash)
        let opened = try daemon.eventually {
            try daemon.findings([.open]).contains { $0.finding.path == "lib/auth/passwords.py" && $0.finding.ruleId.contains("weak-password-hash") }
        }
        #expect(opened, "finding never appeared: \(daemon.stderr)")

        // Fixing it marks it fixed.
        try daemon.write("lib/auth/passwords.py", Self.strongHash)
        #expect(try daemon.eventually {
            let findings = try daemon.findings([.open, .reopened, .fixed]).filter { $0.finding.path == "lib/auth/passwords.py" }
            return !findings.isEmpty && findings.allSatisfy { $0.status == .fixed }
        })

        // Reintroduced, then the file deleted: its findings close and its row goes.
        try daemon.write("lib/auth/passwords.py", Self.weakHash)
        #expect(try daemon.eventually { try daemon.findings([.reopened]).contains { $0.finding.path == "lib/auth/passwords.py" } })
        try FileManager.default.removeItem(atPath: daemon.root + "/lib/auth/passwords.py")
        #expect(try daemon.eventually {
            try daemon.findings([.open, .reopened]).isEmpty
                && FindingStore(path: daemon.db).files(root: daemon.root).map(\.path) == ["app/clean.py"]
        })

        // Ignored files cost nothing: a .gitignore'd problem never becomes a finding.
        try daemon.write(".gitignore", "generated/\n")
        try daemon.write("generated/old.py", Self.weakHash)
        try daemon.write("app/later.py", "y = 2\n")
        #expect(try daemon.eventually { try FindingStore(path: daemon.db).files(root: daemon.root).contains { $0.path == "app/later.py" } })
        #expect(try daemon.findings([.open, .reopened]).isEmpty)

        // A file that becomes ignored is dropped: its findings close.
        try daemon.write("app/legacy.py", Self.weakHash)
        #expect(try daemon.eventually { try daemon.findings([.open]).contains { $0.finding.path == "app/legacy.py" } })
        try daemon.write(".gitignore", "generated/\napp/legacy.py\n")
        #expect(try daemon.eventually { try daemon.findings([.open, .reopened]).isEmpty }, "\(daemon.stderr)")

        // `status` sees a live daemon with its root.
        let status = try BackcheckProcess.run(["status", "--db", daemon.db])
        #expect(status.status == 0, "status: \(status.stdout)\(status.stderr)")
        #expect(status.stdout.contains("running (pid"))
        #expect(status.stdout.contains(daemon.root))
        #expect(status.stdout.contains("files        2"))
        // And how it watches.
        #expect(status.stdout.contains("watching     inotify "), "\(status.stdout)")

        // A second daemon on the same database refuses to start.
        let second = try BackcheckProcess.run(["watch", daemon.root, "--db", daemon.db])
        #expect(second.status == 2)
        #expect(second.stderr.contains("already writing"))

        #expect(daemon.stop() == 0, "exit: \(daemon.stderr)")
        let after = try BackcheckProcess.run(["status", "--db", daemon.db])
        #expect(after.status == 1)
        #expect(after.stdout.contains("not running"))
    }

    @Test func aSavedHelperReChecksItsCallersInOtherFiles() throws {
        let daemon = try DaemonProcess("backcheck-watch-summaries")
        let returningInput = """
            from flask import request

            def search_term():
                return request.args.get("q", "")

            """
        try daemon.write("app/inputs.py", returningInput)
        try daemon.write("app/search.py", """
            from app.inputs import search_term

            def search(cursor):
                cursor.execute("SELECT a FROM t WHERE b = '" + search_term() + "'")

            """)
        try daemon.start()
        let opened = try daemon.eventually {
            try daemon.findings([.open]).contains { $0.finding.path == "app/search.py" && $0.finding.ruleId == "input-validation/sql-injection-python" }
        }
        #expect(opened, "the caller's finding never appeared: \(daemon.stderr)")

        // Only the helper is saved: the caller, unchanged, is analysed again and its finding fixed.
        try daemon.write("app/inputs.py", returningInput.replacingOccurrences(of: "request.args.get(\"q\", \"\")", with: "\"all\""))
        #expect(try daemon.eventually {
            let findings = try daemon.findings([.open, .reopened, .fixed]).filter { $0.finding.path == "app/search.py" }
            return !findings.isEmpty && findings.allSatisfy { $0.status == .fixed }
        }, "\(daemon.stderr)")
        #expect(daemon.stop() == 0)
    }

    @Test func aSavedHelperThatStopsCheckingItsArgumentReChecksItsCallers() throws {
        let daemon = try DaemonProcess("backcheck-watch-data-free")
        let checking = """
            module ReportWindow
              def report_window(text)
                return 30 unless text.to_s =~ /\\A\\d{1,3}\\z/
                text.to_i
              end
            end

            """
        try daemon.write("app/report_window.rb", checking)
        try daemon.write("app/reports_controller.rb", """
            class ReportsController < ApplicationController
              def index
                days = report_window(params[:days])
                @rows = Report.where("created_at > now() - interval '#{days} days'")
              end
            end

            """)
        try daemon.start()
        #expect(try daemon.eventually {
            try FindingStore(path: daemon.db).files(root: daemon.root).contains { $0.path == "app/reports_controller.rb" }
        }, "\(daemon.stderr)")
        #expect(try daemon.findings([.open]).allSatisfy { $0.finding.path != "app/reports_controller.rb" })

        // Only the helper is saved: the caller, unchanged, is analysed again and its finding opened.
        try daemon.write("app/report_window.rb", checking.replacingOccurrences(of: "text.to_i", with: "text")
            .replacingOccurrences(of: "/\\A\\d{1,3}\\z/", with: "/\\d/"))
        #expect(try daemon.eventually {
            try daemon.findings([.open]).contains {
                $0.finding.path == "app/reports_controller.rb" && $0.finding.ruleId == "input-validation/sql-injection-ruby"
            }
        }, "\(daemon.stderr)")
        #expect(daemon.stop() == 0)
    }

    @Test func reconcilesChangesMadeWhileStopped() throws {
        let daemon = try DaemonProcess("backcheck-watch-restart")
        try daemon.write("a.py", Self.weakHash)
        try daemon.write("b.py", Self.weakHash)
        try daemon.start()
        #expect(try daemon.eventually { try daemon.findings([.open]).count == 2 }, "\(daemon.stderr)")
        #expect(daemon.stop() == 0)

        try daemon.write("a.py", Self.strongHash)
        try FileManager.default.removeItem(atPath: daemon.root + "/b.py")
        try daemon.write("c.py", Self.weakHash)
        try daemon.start()
        #expect(try daemon.eventually { try daemon.findings([.open]).map(\.finding.path) == ["c.py"] }, "\(daemon.stderr)")
        #expect(try daemon.findings([.fixed]).map(\.finding.path).sorted() == ["a.py", "b.py"])
        #expect(daemon.stop() == 0)
    }

    /// Run by systemd: READY=1 once reconciled, WATCHDOG=1 at half of WATCHDOG_USEC, STATUS= after a
    /// batch, STOPPING=1 on SIGTERM, all as datagrams to $NOTIFY_SOCKET.
    @Test func speaksTheNotifyProtocol() throws {
        let daemon = try DaemonProcess("backcheck-watch-notify")
        try daemon.write("a.py", Self.weakHash)
        let socket = try DatagramListener(abstract: false)
        try daemon.start(environment: ["NOTIFY_SOCKET": socket.address, "WATCHDOG_USEC": "400000"])
        let ready = try #require(socket.receive(), "no notification: \(daemon.stderr)")
        #expect(ready == "READY=1\nSTATUS=watching 1 root, 1 files, queue 0")
        // Reconciled before READY: the finding is already stored.
        #expect(try daemon.findings([.open]).map(\.finding.path) == ["a.py"])

        try daemon.write("b.py", "x = 1\n")
        var messages: [String] = []
        while !messages.contains("STATUS=watching 1 root, 2 files, queue 0"), let next = socket.receive() {
            messages.append(next)
        }
        #expect(messages.contains("STATUS=watching 1 root, 2 files, queue 0"), "\(messages)")
        #expect(messages.contains("WATCHDOG=1") || socket.receive() == "WATCHDOG=1")

        #expect(daemon.stop() == 0)
        // Everything the daemon sent is queued in the socket by now; STOPPING=1 comes last.
        var afterStop: [String] = []
        while afterStop.last != "STOPPING=1", let next = socket.receive() { afterStop.append(next) }
        #expect(afterStop.last == "STOPPING=1", "\(afterStop)")
    }

    /// The invariant of docs/DESIGN.md §8: once idle, the daemon's store holds what a fresh audit finds,
    /// here after a schema change (the project step), a fix, a new directory, a deletion, a rename
    /// and a directory move.
    @Test func convergesToWhatAFreshAuditFinds() throws {
        let daemon = try DaemonProcess("backcheck-watch-converge")
        try daemon.copySampleBackend()
        #expect(try daemon.startUntilReady()?.hasPrefix("READY=1") == true, "\(daemon.stderr)")
        let before = try daemon.findings([.open])
        #expect(before.contains { $0.finding.path == "lib/account.rb" })
        #expect(before.contains { $0.finding.path == "app/auth.py" && $0.finding.ruleId.contains("weak-password-hash") })

        let schema = daemon.root + "/db/schema.sql"
        try (try String(contentsOfFile: schema, encoding: .utf8) + "CREATE INDEX orders_user_id_idx ON orders (user_id);\n")
            .write(toFile: schema, atomically: true, encoding: .utf8)
        let auth = daemon.root + "/app/auth.py"
        try (try String(contentsOfFile: auth, encoding: .utf8))
            .replacingOccurrences(of: "hashlib.md5(password.encode(\"utf-8\")).hexdigest()", with: "bcrypt.hashpw(password.encode(), bcrypt.gensalt())")
            .write(toFile: auth, atomically: true, encoding: .utf8)
        try daemon.write("lib/new/token.py", Self.weakHash)
        try FileManager.default.removeItem(atPath: daemon.root + "/lib/account.rb")
        // A rename and a directory moved deeper (its old watch now names a moved directory).
        try FileManager.default.moveItem(atPath: daemon.root + "/api/server.js", toPath: daemon.root + "/api/main.js")
        try FileManager.default.createDirectory(atPath: daemon.root + "/pkg", withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: daemon.root + "/internal", toPath: daemon.root + "/pkg/internal")

        #expect(try daemon.eventually {
            let open = try daemon.findings([.open, .reopened])
            return open.contains { $0.finding.path == "lib/new/token.py" } && !open.contains { $0.finding.path == "lib/account.rb" }
                && !open.contains { $0.finding.path == "app/auth.py" && $0.finding.ruleId.contains("weak-password-hash") }
                && open.contains { $0.finding.path == "api/main.js" } && !open.contains { $0.finding.path == "api/server.js" }
                && open.contains { $0.finding.path.hasPrefix("pkg/internal/") } && !open.contains { $0.finding.path.hasPrefix("internal/") }
        }, "\(daemon.stderr)")
        Thread.sleep(forTimeInterval: 0.5)   // idle: no batch in flight
        #expect(daemon.stop() == 0)

        let (store, audit, storeFiles, auditFiles) = try daemon.storeAndFreshAudit()
        #expect(!audit.isEmpty)
        #expect(store == audit)
        #expect(storeFiles == auditFiles)
    }

    /// Bad options are usage errors (exit 2) that say what is expected.
    @Test func badWatchOptionsAreUsageErrors() throws {
        let daemon = try DaemonProcess("backcheck-watch-options")
        for (arguments, message) in [
            (["--max-watches", "0"], "--max-watches must be 1 or more"),
            (["--settle-ms=-5"], "--settle-ms must be zero or more"),
            (["--watcher", "fanotify"], "'auto', 'inotify' or 'polling'"),
        ] {
            let result = try BackcheckProcess.run(["watch", daemon.root, "--db", daemon.db] + arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
    }

    /// kill -9 in the middle of a burst loses nothing: the restarted daemon (the lock and the stale
    /// status row are no obstacle) reconciles to what a fresh audit finds, and the database is intact.
    @Test func recoversFromKillDuringABurst() throws {
        let daemon = try DaemonProcess("backcheck-watch-kill")
        #expect(try daemon.startUntilReady()?.hasPrefix("READY=1") == true, "\(daemon.stderr)")
        for index in 0..<400 {
            try daemon.write("burst/d\(index % 8)/f\(index).py", index % 2 == 0 ? Self.weakHash : Self.strongHash)
            if index == 250 { daemon.kill() }
        }
        #expect(try daemon.startUntilReady()?.hasPrefix("READY=1") == true, "\(daemon.stderr)")
        #expect(daemon.stop() == 0)

        let (store, audit, _, _) = try daemon.storeAndFreshAudit()
        #expect(store.count == 200)
        #expect(store == audit)
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") {
            let check = Process()
            check.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
            check.arguments = [daemon.db, "PRAGMA integrity_check;"]
            let output = Pipe()
            check.standardOutput = output
            try check.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            check.waitUntilExit()
            #expect(text == "ok\n")
        }
    }
}
