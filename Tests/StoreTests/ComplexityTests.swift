@testable import BackcheckStore
import BackcheckAnalysis
import BackcheckModel
import GRDB
import GRDBSQLite
import Testing

/// The store's write path at two sizes: SQLite's own virtual-machine steps (every row a
/// statement reads or writes, full scans included) grow at most linearly with the findings
/// recorded. A count from SQLite, not a time.
@Suite struct StoreComplexityTests {
    /// Sums `SQLITE_STMTSTATUS_VM_STEP` over the statements one connection runs (reset after
    /// each run: GRDB reuses prepared statements, whose counter would otherwise accumulate).
    final class VirtualMachineSteps: @unchecked Sendable {
        var count = 0
    }

    /// Steps of a first audit of `files` files with `perFile` findings each, then of a re-audit
    /// where every other file's findings changed (new, fixed and still-open findings at once).
    static func steps(files: Int, perFile: Int) throws -> (audit: Int, reaudit: Int) {
        let test = try TestStore()
        defer { test.directory.remove() }
        let counter = VirtualMachineSteps()
        _ = test.store.pool.writeWithoutTransaction { db in
            sqlite3_trace_v2(db.sqliteConnection, UInt32(SQLITE_TRACE_PROFILE), { _, context, statement, _ in
                guard let context, let statement else { return 0 }
                let counter = Unmanaged<VirtualMachineSteps>.fromOpaque(context).takeUnretainedValue()
                counter.count += Int(sqlite3_stmt_status(OpaquePointer(statement), SQLITE_STMTSTATUS_VM_STEP, 1))
                return 0
            }, Unmanaged.passUnretained(counter).toOpaque())
        }
        func results(generation: Int) -> [FileResult] {
            (0..<files).map { file in
                let changed = generation > 0 && file % 2 == 0
                return Fixture.analyzed("src/f\(file).py", (0..<perFile).map { index in
                    Fixture.finding("f\(file)-\(index)-\(changed ? generation : 0)", path: "src/f\(file).py", line: index + 1)
                })
            }
        }
        try test.scan(results(generation: 0))
        let audit = counter.count
        try test.scan(results(generation: 1))
        return (audit, counter.count - audit)
    }

    @Test func auditAndReauditStepsGrowLinearly() throws {
        let small = try Self.steps(files: 250, perFile: 4)
        let large = try Self.steps(files: 1_000, perFile: 4)
        #expect(small.audit > 0 && small.reaudit > 0)
        // Four times the findings: about four times the steps, never the sixteen of a scan per row.
        #expect(Double(large.audit) <= 5.0 * Double(small.audit), "\(small.audit) → \(large.audit) steps")
        #expect(Double(large.reaudit) <= 5.0 * Double(small.reaudit), "\(small.reaudit) → \(large.reaudit) steps")
    }
}
