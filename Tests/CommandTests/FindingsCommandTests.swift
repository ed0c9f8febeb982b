import Foundation
import Testing
import TestSupport

/// `backcheck findings`, `show` and `stats` through the real binary.
@Suite(.serialized) struct FindingsCommandTests {
    @Test func tableIsAlignedAndPlainWithoutATerminal() throws {
        let session = try CLISession("findings-table")
        defer { session.remove() }
        try session.audit()
        let result = try session.run(["findings"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("ID") == true)
        #expect(lines.last == "\(ExpectedFindings.shopBackend.count) findings")
        // Columns line up: every row has the RULE column where the header has it.
        let ruleColumn = try #require(lines[0].range(of: "RULE")).lowerBound.utf16Offset(in: lines[0])
        for row in lines.dropFirst().dropLast() {
            let offset = row.utf16.index(row.utf16.startIndex, offsetBy: ruleColumn)
            #expect(row[offset...].hasPrefix("logging/") || row[offset...].hasPrefix("sensitive-data/")
                || row[offset...].hasPrefix("query-performance/") || row[offset...].hasPrefix("api-docs/")
                || row[offset...].hasPrefix("testing/"), "\(row)")
        }
        #expect(!result.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
        // Worst first: the critical Stripe key leads.
        #expect(lines[1].contains("critical") && lines[1].contains("hardcoded-stripe-live-key"))
        for secret in plantedSecrets { #expect(!result.stdout.contains(secret)) }
    }

    @Test(arguments: [
        (["--checklist", "logging"], 5),
        (["--rule", "sensitive-data/weak-password-hash-python"], 1),
        (["--rule", "sensitive-data/*"], 9),
        (["--severity", "critical"], 1),
        (["--severity", "high"], 15),
        (["--severity", "critical", "--checklist", "logging"], 0),
        (["--path", "app/**"], 7),
        (["--path", "internal/payments"], 3),
        (["--path", "*.rb"], 2),
        (["--path", "api/server.js", "--checklist", "logging"], 1),
        (["--since", "1h"], ExpectedFindings.shopBackend.count),
        (["--since", "2000-01-01"], ExpectedFindings.shopBackend.count),
        (["--status", "fixed"], 0),
        (["--status", "all"], ExpectedFindings.shopBackend.count),
        (["--limit", "4"], 4),
    ])
    func filtersSelectTheExpectedFindings(arguments: [String], expected: Int) throws {
        let session = try CLISession("findings-filter")
        defer { session.remove() }
        try session.audit()
        let result = try session.run(["findings", "--format", "json"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let findings = try #require(try session.json(result)["findings"] as? [[String: Any]])
        #expect(findings.count == expected, "\(arguments)")
    }

    @Test func csvAndJsonCarryTheLifecycle() throws {
        let session = try CLISession("findings-csv")
        defer { session.remove() }
        try session.audit()
        let csv = try session.run(["findings", "--format", "csv", "--sort", "path"])
        let rows = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == ExpectedFindings.shopBackend.count + 1)
        #expect(rows[0].hasPrefix("id,root,path,line,column,rule_id,checklist,severity"))
        #expect(rows[1].contains(",api/server.js,10,"))
        // Messages with commas are quoted.
        #expect(rows.contains { $0.contains("\"Log call passes") || $0.contains(",\"") })
        let json = try session.json(try session.run(["findings", "--format", "json", "--limit", "1"]))
        #expect(json["total"] as? Int == ExpectedFindings.shopBackend.count)
        let first = try #require((json["findings"] as? [[String: Any]])?.first)
        for key in ["id", "root", "status", "firstSeen", "lastSeen", "fingerprint", "ruleId", "severity"] {
            #expect(first[key] != nil, "missing \(key)")
        }
    }

    @Test func showPrintsContextFixAndHistoryWithSecretsMasked() throws {
        let session = try CLISession("show")
        defer { session.remove() }
        try session.audit()
        let list = try session.json(try session.run(["findings", "--format", "json", "--rule", "sensitive-data/hardcoded-stripe-live-key"]))
        let finding = try #require((list["findings"] as? [[String: Any]])?.first)
        let id = try #require(finding["id"] as? Int)
        let fingerprint = try #require(finding["fingerprint"] as? String)

        let byId = try session.run(["show", String(id)])
        #expect(byId.status == 0, "\(byId.stderr)")
        #expect(byId.stdout.contains("> 10 | const fallbackStripeKey = 'sk_l************************p7dc';"))
        #expect(byId.stdout.contains("\n   9 | const stripeKey = process.env.STRIPE_SECRET_KEY;"))
        #expect(byId.stdout.contains("How to fix"))
        #expect(byId.stdout.contains("first seen"))
        for secret in plantedSecrets { #expect(!byId.stdout.contains(secret)) }

        let byFingerprint = try session.run(["show", String(fingerprint.prefix(10))])
        #expect(byFingerprint.stdout == byId.stdout)

        // The Go file's token sits in the context of the weak-hash finding below it: masked too.
        let go = try session.json(try session.run(["findings", "--format", "json", "--rule", "sensitive-data/weak-password-hash-go"]))
        let goId = try #require((go["findings"] as? [[String: Any]])?.first?["id"] as? Int)
        let wide = try session.run(["show", String(goId), "--context", "12"])
        #expect(wide.stdout.contains("ghp_"))
        for secret in plantedSecrets { #expect(!wide.stdout.contains(secret)) }

        let missing = try session.run(["show", "999999"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("backcheck findings --status all"))
    }

    @Test func statsCountsByChecklistAndSeverityWithATrend() throws {
        let session = try CLISession("stats")
        defer { session.remove() }
        try session.audit()
        try session.edit("lib/account.rb") { $0.replacingOccurrences(of: "Digest::SHA1.hexdigest(password)", with: "BCrypt::Password.create(password)") }
        try session.audit()
        let text = try session.run(["stats"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Trend over the last 2 audits"))
        let json = try session.json(try session.run(["stats", "--format", "json"]))
        #expect(json["openTotal"] as? Int == ExpectedFindings.shopBackend.count - 1)
        #expect(json["fixed"] as? Int == 1)
        let open = try #require(json["open"] as? [String: [String: Int]])
        #expect(open["logging"]?["high"] == 5)
        #expect(open["sensitive-data"]?["critical"] == 1)
        let trend = try #require(json["trend"] as? [[String: Any]])
        #expect(trend.map { $0["total"] as? Int } == [ExpectedFindings.shopBackend.count, ExpectedFindings.shopBackend.count - 1])
        let directories = try #require(json["topDirectories"] as? [[String: Any]])
        #expect(directories.first?["name"] as? String == "app")
        #expect(directories.first?["count"] as? Int == 7)
    }

    @Test func unknownRootAndBadSinceAreUsageErrors() throws {
        let session = try CLISession("findings-errors")
        defer { session.remove() }
        try session.audit()
        let root = try session.run(["findings", "--root", session.work.path])
        #expect(root.status == 2)
        #expect(root.stderr.contains("has never been audited"))
        let since = try session.run(["findings", "--since", "yesterday"])
        #expect(since.status == 2)
        #expect(since.stderr.contains("give a duration"))
    }
}
