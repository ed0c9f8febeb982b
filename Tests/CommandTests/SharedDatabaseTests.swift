import Foundation
import Testing
import TestSupport

/// Two audits and a daemon on one database at once, while files change: every process finishes
/// its work, the database stays whole, and the daemon's store converges to a fresh audit.
@Suite(.serialized) struct SharedDatabaseTests {
    @Test func twoAuditsAndADaemonShareOneDatabase() throws {
        let daemon = try DaemonProcess("shared-db")
        defer { try? FileManager.default.removeItem(at: daemon.work) }
        try daemon.copySampleBackend()
        #expect(try daemon.startUntilReady()?.hasPrefix("READY=1") == true, "\(daemon.stderr)")

        func audit() throws -> Process {
            let process = Process()
            process.executableURL = BackcheckProcess.executable
            process.arguments = ["audit", daemon.root, "--db", daemon.db, "--fail-on", "none", "--format", "json"]
            process.environment = ["PATH": "/usr/bin:/bin", "HOME": daemon.work.path, "NO_COLOR": "1"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        let audits = try [audit(), audit()]
        // Saves the daemon re-analyses while both audits write.
        for index in 0..<20 {
            try daemon.write("jobs/job_\(index).py", "import os\n\ndef run(request):\n    os.system(request.args.get('cmd\(index)'))\n")
            usleep(20_000)
        }
        for process in audits { process.waitUntilExit() }
        #expect(audits.map(\.terminationStatus) == [0, 0], "both audits finished (a busy database waits, it does not fail)")
        #expect(try TestSupport.sqlite(daemon.db, "PRAGMA integrity_check") == "ok")

        var state = try daemon.storeAndFreshAudit()
        let converged = try daemon.eventually(within: 20) {
            state = try daemon.storeAndFreshAudit()
            return state.store == state.audit && state.storeFiles.sorted() == state.auditFiles.sorted()
        }
        #expect(converged, "store \(state.store.count) findings, fresh audit \(state.audit.count)")
        #expect(state.store.contains { $0.contains("jobs/job_19.py") }, "the daemon analysed the last save")
        #expect(daemon.stop() == 0, "the daemon is still running and stops cleanly")
    }
}
