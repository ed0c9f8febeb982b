import BackcheckStore
import Foundation
import Testing

@Suite struct FilePermissionTests {
    @Test func databaseAndWriteAheadLogArePrivate() throws {
        let test = try TestStore()
        defer { test.directory.remove() }
        try test.scan([Fixture.analyzed("app.py", [Fixture.finding("f1")])])
        #expect(mode(test.databasePath) == 0o600)
        #expect(FileManager.default.fileExists(atPath: test.databasePath + "-wal"))
        #expect(mode(test.databasePath + "-wal") == 0o600)
        #expect(mode(test.databasePath + "-shm") == 0o600)
        #expect(mode(test.directory.path + "/state") == 0o700)
    }

    @Test func secretKeyIsPrivateStableAnd32Bytes() throws {
        let test = try TestStore()
        defer { test.directory.remove() }
        let key = try test.store.secretKey()
        #expect(key.count == 32)
        #expect(try test.store.secretKey() == key)
        #expect(mode(test.directory.path + "/state/backcheck.key") == 0o600)
        let reopened = try FindingStore(path: test.databasePath)
        #expect(try reopened.secretKey() == key)
    }

    @Test func truncatedKeyFileIsATypedError() throws {
        let test = try TestStore()
        defer { test.directory.remove() }
        let keyPath = test.store.location.keyPath
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: keyPath))
        #expect(throws: StoreError.invalidKeyFile(path: keyPath, reason: "expected 32 bytes, read 3")) {
            try test.store.secretKey()
        }
    }
}
