import BackcheckAnalysis
import BackcheckStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import BackcheckModel

/// A fresh directory under the system temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("backcheck-store-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Builds findings and file results with only the fields a test cares about.
enum Fixture {
    static let root = "/srv/app"

    static func finding(
        _ fingerprint: String, path: String = "app.py", line: Int = 1, severity: Severity = .high,
        suppressed: Bool = false
    ) -> Finding {
        Finding(
            ruleId: "logging/secret-in-log-call", checklist: .logging, severity: severity, confidence: .high,
            path: path, line: line, column: 5, endLine: line, endColumn: 20,
            message: "Log call passes `password`", snippet: "logger.info(password)", fingerprint: fingerprint,
            suppression: suppressed ? Suppression(marker: "backcheck:ignore", reason: "test data", line: line) : nil)
    }

    static func analyzed(_ path: String, _ findings: [Finding]) -> FileResult {
        FileResult(
            path: path, language: "python", size: 100, mtimeNanoseconds: 1_700_000_000_000_000_000, inode: 42,
            contentHash: "abc", outcome: .analyzed(findings))
    }

    static func skipped(_ path: String) -> FileResult {
        FileResult(
            path: path, language: nil, size: 9_000_000, mtimeNanoseconds: 1, inode: 43, contentHash: nil,
            outcome: .skipped(reason: "too large"))
    }
}

/// A store in its own temporary directory.
struct TestStore {
    let directory: TemporaryDirectory
    let store: FindingStore
    var databasePath: String { store.location.path }

    init() throws {
        directory = try TemporaryDirectory()
        store = try FindingStore(path: directory.path + "/state/backcheck.sqlite")
    }

    /// Runs one scan that records `results` and returns its handle and summary.
    @discardableResult
    func scan(
        _ results: [FileResult], kind: ScanKind = .audit, complete: Bool = true
    ) throws -> (ScanHandle, ScanSummary) {
        let scan = try store.beginScan(root: Fixture.root, kind: kind, toolVersion: "0.1.0", rulePackHash: "h1")
        try store.record(results, in: scan)
        return (scan, try store.finishScan(scan, complete: complete))
    }

    func findings(_ statuses: Set<FindingStatus> = Set(FindingStatus.allCases)) throws -> [TrackedFinding] {
        try store.findings(root: Fixture.root, statuses: statuses)
    }

    func status(of fingerprint: String) throws -> FindingStatus? {
        try findings().first { $0.finding.fingerprint == fingerprint }?.status
    }
}

/// The permission bits of the file at `path`, or -1 when it does not exist.
func mode(_ path: String) -> Int {
    var info = stat()
    guard stat(path, &info) == 0 else { return -1 }
    return Int(info.st_mode & 0o777)
}

/// The size of the file at `path`, or -1 when it does not exist.
func size(_ path: String) -> Int {
    var info = stat()
    guard stat(path, &info) == 0 else { return -1 }
    return Int(info.st_size)
}
