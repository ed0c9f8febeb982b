import BackcheckStore
import Foundation
import Testing
import TestSupport

/// The real binary against databases it must not use or cannot write: each refusal exits 3 with
/// a message naming the file, and leaves the file as it was.
@Suite(.serialized) struct StoreFaultTests {
    let work: URL
    let root: URL

    init() throws {
        work = try TestSupport.temporaryDirectory("store-faults")
        root = work.appendingPathComponent("shop-backend")
        try TestSupport.copySampleBackend(to: root)
    }

    @Test func anotherProgramsSQLiteDatabaseIsRefusedAndLeftUnchanged() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        let db = work.appendingPathComponent("app.sqlite").path
        _ = try TestSupport.sqlite(db, "CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT)")
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let result = try BackcheckProcess.run(["audit", root.path, "--db", db])
        #expect(result.status == 3)
        #expect(result.stderr.contains("\(db) is another program's SQLite database (tables: customers)"), "\(result.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before, "not even switched to WAL")
        #expect(!FileManager.default.fileExists(atPath: db + "-wal"))
    }

    @Test func aFullDiskExitsThreeAndKeepsWhatWasCommitted() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        let db = work.appendingPathComponent("state/backcheck.sqlite").path
        let first = try BackcheckProcess.run(["audit", root.path, "--db", db, "--fail-on", "none"])
        #expect(first.status == 0, "\(first.stderr)")
        let stored = try TestSupport.sqlite(db, "SELECT count(*) FROM findings")
        #expect(Int(stored) ?? 0 > 0)

        // New files to analyse and store, with the database unable to grow past its size.
        for index in 0..<40 {
            try String(repeating: "def handler_\(index)(request):\n    return eval(request.args.get('q'))\n", count: 50)
                .write(to: root.appendingPathComponent("generated_\(index).py"), atomically: true, encoding: .utf8)
        }
        let size = try FileManager.default.attributesOfItem(atPath: db)[.size] as? Int ?? 0
        let blocks = max(1, size / 1024)
        let full = try BackcheckProcess.run(["audit", root.path, "--db", db, "--fail-on", "none"], fileSizeLimit: blocks)
        #expect(full.status == 3, "\(full.stderr)")
        #expect(full.stderr.contains("cannot write \(db): the disk is full or a file-size limit"), "\(full.stderr)")

        #expect(try TestSupport.sqlite(db, "PRAGMA integrity_check") == "ok")
        #expect(try TestSupport.sqlite(db, "SELECT count(*) FROM findings") == stored, "the first audit's findings are all there")
        let again = try BackcheckProcess.run(["audit", root.path, "--db", db, "--fail-on", "none"])
        #expect(again.status == 0, "with room again, the next audit completes: \(again.stderr)")
    }

    @Test func aFileThatIsNotSQLiteIsRefusedByName() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        let db = work.appendingPathComponent("notes.sqlite")
        try Data("these are my notes, not a database\n".utf8).write(to: db)
        let result = try BackcheckProcess.run(["audit", root.path, "--db", db.path])
        #expect(result.status == 3)
        #expect(result.stderr.contains("\(db.path) is not a backcheck database"), "\(result.stderr)")
        #expect(try String(contentsOf: db, encoding: .utf8) == "these are my notes, not a database\n")
    }
}
