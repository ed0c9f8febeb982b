import BackcheckStore
import Foundation
import Synchronization
import Testing
import TestSupport

/// A checkout-sized burst: batched, converged, and never in a reader's way.
@Suite(.serialized) struct WatchBurstTests {
    /// What the reader saw: how many queries ran and which errors any raised.
    final class ReaderLog: Sendable {
        let state = Mutex<(queries: Int, errors: [String], stop: Bool)>((0, [], false))
    }

    @Test func fiveThousandFileBurstConvergesWhileAReaderQueries() async throws {
        let daemon = try DaemonProcess("backcheck-watch-burst")
        #expect(try daemon.startUntilReady()?.hasPrefix("READY=1") == true, "\(daemon.stderr)")

        // A reader querying as the query CLI does, throughout the burst.
        let log = ReaderLog()
        let (db, root) = (daemon.db, daemon.root)
        let reader = Thread {
            while !log.state.withLock({ $0.stop }) {
                do {
                    let store = try FindingStore(path: db)
                    _ = try store.findings(matching: FindingQuery(root: root))
                    _ = try store.count(matching: FindingQuery(root: root, statuses: [.fixed]))
                    _ = try store.files(root: root)
                    log.state.withLock { $0.queries += 1 }
                } catch {
                    log.state.withLock { $0.errors.append("\(error)") }
                }
            }
        }
        reader.start()

        let files = 5_000
        for index in 0..<files {
            try daemon.write("src/m\(index % 50)/f\(index).py", index % 5 == 0 ? WatchCommandTests.weakHash : "x = \(index)\n")
        }
        // The real query command during the burst too.
        let command = try BackcheckProcess.run(["findings", "--db", daemon.db, "--format", "json"])
        #expect(command.status == 0, "\(command.stderr)")

        let converged = try daemon.eventually(within: 300) {
            try daemon.storedFiles().count == files && daemon.findings([.open]).count == files / 5
        }
        #expect(converged, "\(daemon.stderr.suffix(2_000))")
        log.state.withLock { $0.stop = true }
        while reader.isExecuting { try await Task.sleep(for: .milliseconds(20)) }
        let seen = log.state.withLock { $0 }
        #expect(seen.errors.isEmpty, "reader errors: \(seen.errors.prefix(3))")
        #expect(seen.queries > 10)

        // A few batches, not one transaction per file.
        let scans = try FindingStore(path: daemon.db).scans(root: daemon.root)
        #expect(scans.count < 100, "\(scans.count) scans for \(files) files")
        try await Task.sleep(for: .milliseconds(300))
        #expect(daemon.stop() == 0)

        let (store, audit, _, _) = try daemon.storeAndFreshAudit()
        #expect(store.count == files / 5)
        #expect(store == audit)
    }
}
