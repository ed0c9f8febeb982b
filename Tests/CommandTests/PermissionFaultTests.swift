import Foundation
import Testing
import TestSupport

/// The real binary, as a user without rights to part of what it is given (run as nobody when
/// the tests run as root): an unreadable directory in the tree is a note and the audit goes on;
/// a database directory it cannot write is exit 3 naming the database.
@Suite struct PermissionFaultTests {
    let work: URL
    let root: URL

    init() throws {
        work = try TestSupport.temporaryDirectory("permission-faults")
        root = work.appendingPathComponent("shop-backend")
        try TestSupport.copySampleBackend(to: root)
    }

    /// A directory only its owner may write, owned by someone other than the unprivileged user.
    func directory(_ name: String, mode: Int16, ownedByRunner: Bool = false) throws -> URL {
        let url = work.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
        if ownedByRunner, geteuid() == 0 {
            let (uid, gid) = BackcheckProcess.unprivilegedUser
            #expect(chown(url.path, uid, gid) == 0)
        }
        return url
    }

    @Test func anUnreadableDirectoryIsANoteAndTheRestIsAudited() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        let secret = root.appendingPathComponent("secret")
        try FileManager.default.createDirectory(at: secret, withIntermediateDirectories: true)
        try "password = 'hunter2-but-longer'\n".write(to: secret.appendingPathComponent("settings.py"), atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: secret.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: secret.path) }
        let state = try directory("state", mode: 0o700, ownedByRunner: true)

        let result = try BackcheckProcess.run(["audit", root.path, "--db", state.appendingPathComponent("b.sqlite").path,
                                               "--fail-on", "none"], unprivileged: true)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("secret: cannot open directory: Permission denied"), "\(result.stdout)")
        #expect(result.stdout.contains("orders.py"), "the readable files are still audited: \(result.stdout)")
    }

    @Test func aDatabaseDirectoryItCannotWriteIsExitThreeNamingTheDatabase() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        let readOnly = try directory("read-only", mode: 0o555)
        let db = readOnly.appendingPathComponent("b.sqlite").path
        let result = try BackcheckProcess.run(["audit", root.path, "--db", db], unprivileged: true)
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("cannot open \(db): Permission denied"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test func aDatabaseWhoseDirectoryBecameReadOnlyIsExitThreeAndUnchanged() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        let state = try directory("state", mode: 0o755, ownedByRunner: true)
        let db = state.appendingPathComponent("b.sqlite").path
        let first = try BackcheckProcess.run(["audit", root.path, "--db", db, "--fail-on", "none"], unprivileged: true)
        #expect(first.status == 0, "\(first.stderr)")
        let before = try TestSupport.sqlite(db, "SELECT count(*) FROM findings")
        // The runner keeps its database file but can no longer create the WAL beside it.
        if geteuid() == 0 { #expect(chown(state.path, 0, 0) == 0) }
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: state.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: state.path) }
        try "import os\nos.system(input())\n".write(to: root.appendingPathComponent("new.py"), atomically: true, encoding: .utf8)

        let second = try BackcheckProcess.run(["audit", root.path, "--db", db, "--fail-on", "none"], unprivileged: true)
        #expect(second.status == 3, "\(second.stderr)")
        #expect(second.stderr.contains("database \(db) is read-only"), "\(second.stderr)")
        #expect(try TestSupport.sqlite(db, "SELECT count(*) FROM findings") == before)
    }
}
