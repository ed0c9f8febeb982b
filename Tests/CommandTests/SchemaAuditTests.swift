import Foundation
import Testing
import TestSupport

/// Schema findings through the real binary and database: at the declaring line, with
/// properties, stable across re-audits, and fixed when a later migration adds the index.
@Suite(.serialized) struct SchemaAuditTests {
    struct Entry: Decodable {
        var ruleId: String
        var path: String
        var line: Int
        var fingerprint: String
        var new: Bool
        var properties: [String: String]?
    }

    struct Document: Decodable {
        var findings: [Entry]
        var fixed: [Entry]
    }

    let work: URL
    let db: String

    init() throws {
        work = try TestSupport.temporaryDirectory("schema-audit")
        db = work.appendingPathComponent("state/backcheck.sqlite").path
    }

    func audit(_ root: URL) throws -> Document {
        let result = try BackcheckProcess.run(["audit", root.path, "--db", db, "--format", "json", "--fail-on", "none"])
        return try JSONDecoder().decode(Document.self, from: Data(result.stdout.utf8))
    }

    @Test func reauditKeepsSchemaFindingsAndAnIndexFixesThem() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        let root = work.appendingPathComponent("shop-backend")
        try TestSupport.copySampleBackend(to: root)
        let fk = "query-performance/fk-without-index"

        let first = try audit(root)
        let finding = try #require(first.findings.first { $0.ruleId == fk })
        #expect(finding.path == "db/schema.sql" && finding.line == 12)
        #expect(finding.properties == ["table": "orders", "columns": "user_id"])

        let second = try audit(root)
        #expect(second.findings.filter { $0.ruleId == fk }.map(\.fingerprint) == [finding.fingerprint])
        #expect(second.findings.allSatisfy { !$0.new })
        #expect(second.fixed.isEmpty)

        let migrations = root.appendingPathComponent("db/migrations")
        try FileManager.default.createDirectory(at: migrations, withIntermediateDirectories: true)
        try "CREATE INDEX CONCURRENTLY orders_user_id_idx ON orders (user_id);\n"
            .write(to: migrations.appendingPathComponent("002_orders_user_id.sql"), atomically: true, encoding: .utf8)
        let third = try audit(root)
        #expect(!third.findings.contains { $0.ruleId == fk })
        #expect(third.fixed.map(\.fingerprint) == [finding.fingerprint])
    }
}
