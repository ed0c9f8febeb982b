import BackcheckStore
import Foundation
import TestSupport
import BackcheckModel

/// `backcheck watch` running as a real process on a temporary repository, with its database
/// beside it, and the polling the tests need to wait for it.
final class DaemonProcess {
    let work: URL
    let root: String
    let db: String
    private var process: Process?
    private let stderrURL: URL

    init(_ name: String) throws {
        work = try TestSupport.temporaryDirectory(name)
        let rootURL = work.appendingPathComponent("repo")
        try FileManager.default.createDirectory(at: rootURL, withIntermediateDirectories: true)
        root = rootURL.resolvingSymlinksInPath().path
        db = work.appendingPathComponent("state/backcheck.sqlite").path
        stderrURL = work.appendingPathComponent("daemon.stderr")
    }

    /// Starts `backcheck watch <root> <extraRoots> --db <db> --settle-ms 20 <arguments>`, with
    /// `environment` added.
    func start(_ arguments: [String] = [], extraRoots: [String] = [], environment: [String: String] = [:]) throws {
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        let process = Process()
        process.executableURL = BackcheckProcess.executable
        process.arguments = ["watch", root] + extraRoots + ["--db", db, "--settle-ms", "20"] + arguments
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": work.path, "NO_COLOR": "1"].merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        try process.run()
        self.process = process
    }

    /// Starts the daemon as ``start(_:extraRoots:environment:)`` does, with a notify socket, and
    /// waits for its first notification: "READY=1\nSTATUS=..." once it has reconciled, nil when
    /// none came.
    func startUntilReady(_ arguments: [String] = [], extraRoots: [String] = []) throws -> String? {
        let socket = try DatagramListener(abstract: true)
        try start(arguments, extraRoots: extraRoots, environment: ["NOTIFY_SOCKET": socket.address])
        return socket.receive()
    }

    /// What the daemon wrote to standard error so far.
    var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

    /// Sends SIGTERM and returns the exit status.
    func stop() -> Int32 {
        guard let process else { return -1 }
        process.terminate()
        process.waitUntilExit()
        self.process = nil
        return process.terminationStatus
    }

    /// Kills the daemon with SIGKILL (no chance to finish anything) and waits for it.
    func kill() {
        guard let process else { return }
        _ = Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        self.process = nil
    }

    /// Writes `text` to `path` under the root, creating directories.
    func write(_ path: String, _ text: String) throws {
        let url = URL(fileURLWithPath: root).appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// Copies the sample backend (Examples/shop-backend) into the root.
    func copySampleBackend() throws {
        let sample = TestSupport.packageRoot.appendingPathComponent("Examples/shop-backend")
        for entry in try FileManager.default.contentsOfDirectory(atPath: sample.path) {
            try FileManager.default.copyItem(atPath: sample.path + "/" + entry, toPath: root + "/" + entry)
        }
    }

    /// What the daemon's database holds for the root, and what a fresh `backcheck audit` of the
    /// root into a database beside it (so with the same secret key) finds: the open, reopened and
    /// suppressed findings as sorted "path:line rule fingerprint" lines, and the stored files.
    /// The convergence invariant of docs/DESIGN.md §8 is that both are equal once the daemon is idle.
    func storeAndFreshAudit() throws -> (store: [String], audit: [String], storeFiles: [String], auditFiles: [String]) {
        let auditDB = work.appendingPathComponent("state/audit-\(UUID().uuidString).sqlite").path
        let audit = try BackcheckProcess.run(["audit", root, "--db", auditDB, "--fail-on", "none"])
        guard audit.status == 0 else { throw AuditFailed(status: audit.status, stderr: audit.stderr) }
        func findings(_ path: String) throws -> [String] {
            try FindingStore(path: path).findings(root: root, statuses: [.open, .reopened, .suppressed])
                .map { "\($0.finding.path):\($0.finding.line) \($0.finding.ruleId) \($0.finding.fingerprint)" }.sorted()
        }
        return (try findings(db), try findings(auditDB), try storedFiles(), try FindingStore(path: auditDB).files(root: root).map(\.path))
    }

    /// A `backcheck audit` that did not exit 0.
    struct AuditFailed: Error {
        let status: Int32
        let stderr: String
    }

    /// Removes `path` under the root.
    func remove(_ path: String) throws {
        try FileManager.default.removeItem(atPath: root + "/" + path)
    }

    /// The root-relative paths of the files the database holds.
    func storedFiles() throws -> [String] {
        try FindingStore(path: db).files(root: root).map(\.path)
    }

    /// The findings of the root with `statuses`, read from the database as a query would.
    func findings(_ statuses: Set<FindingStatus>) throws -> [TrackedFinding] {
        try FindingStore(path: db).findings(root: root, statuses: statuses)
    }

    /// Polls `condition` every 50 ms for up to `seconds`; whether it became true.
    func eventually(within seconds: Double = 10, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if FileManager.default.fileExists(atPath: db), try condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return try condition()
    }

    deinit {
        if let process, process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: work)
    }
}
