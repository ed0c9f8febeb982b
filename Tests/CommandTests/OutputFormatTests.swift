import Foundation
import Testing
import TestSupport

/// SARIF (validated against the 2.1.0 schema), GitHub annotations and the HTML report, from the
/// real binary.
@Suite(.serialized) struct OutputFormatTests {
    /// The OASIS SARIF 2.1.0 JSON schema, kept as a fixture beside these tests.
    static var schema: URL {
        TestSupport.packageRoot.appendingPathComponent("Tests/CommandTests/Fixtures/sarif-schema-2.1.0.json")
    }

    /// Validates `file` against the SARIF schema with Python's jsonschema; returns its complaints.
    func validate(_ file: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1])); doc = json.load(open(sys.argv[2]))
            cls = jsonschema.validators.validator_for(schema); cls.check_schema(schema)
            errors = sorted(cls(schema).iter_errors(doc), key=str)
            print("\\n".join(f"{list(e.path)}: {e.message}" for e in errors[:20]))
            """, Self.schema.path, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus != 0 { return "validator failed: \(output)" }
        return output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func sarifValidatesAndCarriesWhatCodeScanningNeeds() throws {
        #expect(FileManager.default.fileExists(atPath: Self.schema.path), "the SARIF schema belongs at \(Self.schema.path)")
        let session = try CLISession("sarif")
        defer { session.remove() }
        // A suppressed finding, so `suppressions` is exercised too.
        try session.edit("lib/account.rb") {
            $0.replacingOccurrences(of: "    Digest::SHA1", with: "    # backcheck:ignore sensitive-data/weak-password-hash-ruby -- legacy, see #12\n    Digest::SHA1")
        }
        // A malformed suppression, so the run has a problem to notify.
        try session.edit("lib/account.rb") { "# backcheck:ignore\n" + $0 }
        let file = session.work.appendingPathComponent("out.sarif")
        try session.audit(["--format", "sarif", "--output", file.path])
        #expect(try validate(file) == "")

        let log = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ids = rules.compactMap { $0["id"] as? String }
        #expect(ids.count == Set(ids).count, "each rule once")
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == ExpectedFindings.shopBackend.count)
        #expect(Set(results.compactMap { $0["ruleId"] as? String }) == Set(ids))
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(ids[index] == result["ruleId"] as? String)
            let location = try #require(((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]))
            let artifact = try #require(location["artifactLocation"] as? [String: Any])
            #expect(artifact["uriBaseId"] as? String == "SRCROOT")
            #expect((artifact["uri"] as? String)?.hasPrefix("/") == false)
            #expect(((result["partialFingerprints"] as? [String: String])?["backcheck/v1"])?.count == 32)
            #expect((result["properties"] as? [String: Any])?["checklist"] != nil)
        }
        let suppressed = results.filter { $0["suppressions"] != nil }
        #expect(suppressed.count == 1)
        #expect(((suppressed.first?["suppressions"] as? [[String: Any]])?.first?["justification"]) as? String == "legacy, see #12")
        let stripe = try #require(rules.first { $0["id"] as? String == "sensitive-data/hardcoded-stripe-live-key" })
        #expect((stripe["defaultConfiguration"] as? [String: Any])?["level"] as? String == "error")
        let properties = try #require(stripe["properties"] as? [String: Any])
        #expect(properties["security-severity"] as? String == "9.5")
        #expect(properties["checklist"] as? String == "sensitive-data")
        #expect((properties["tags"] as? [String])?.contains { $0.hasPrefix("external/cwe/cwe-") } == true)
        let help = try #require(stripe["help"] as? [String: Any])
        #expect((help["markdown"] as? String)?.contains("How to fix") == true)
        let notifications = try #require((run["invocations"] as? [[String: Any]])?.first?["toolExecutionNotifications"] as? [[String: Any]])
        #expect(notifications.compactMap { ($0["message"] as? [String: Any])?["text"] as? String }
            .contains { $0.hasPrefix("lib/account.rb:1:") && $0.contains("needs a rule id") })
        let text = try String(contentsOf: file, encoding: .utf8)
        for secret in plantedSecrets { #expect(!text.contains(secret)) }

        // The JSON report carries the same problems.
        let json = session.work.appendingPathComponent("out.json")
        try session.audit(["--format", "json", "--output", json.path])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any])
        #expect((document["diagnostics"] as? [String])?.contains { $0.hasPrefix("lib/account.rb:1:") } == true)

        // `findings --format sarif` validates too.
        let findings = session.work.appendingPathComponent("findings.sarif")
        try session.run(["findings", "--format", "sarif"]).stdout.write(to: findings, atomically: true, encoding: .utf8)
        #expect(try validate(findings) == "")
    }

    @Test func githubAnnotationsFollowTheWorkflowCommandSyntax() throws {
        let session = try CLISession("github")
        defer { session.remove() }
        let result = try session.audit(["--format", "github"])
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == ExpectedFindings.shopBackend.count)
        let pattern = #/^::(error|warning|notice) file=[^,:%\n]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^,:\n]+::[^\r\n]+$/#
        for line in lines { #expect(line.wholeMatch(of: pattern) != nil, "\(line)") }
        #expect(lines.contains { $0.hasPrefix("::error file=api/server.js,line=10,col=") && $0.contains("title=sensitive-data/hardcoded-stripe-live-key (critical)::") })
        for secret in plantedSecrets { #expect(!result.stdout.contains(secret)) }
    }

    @Test func htmlReportIsOneSelfContainedPage() throws {
        let session = try CLISession("html")
        defer { session.remove() }
        try session.audit()
        try session.edit("lib/account.rb") { $0.replacingOccurrences(of: "Digest::SHA1.hexdigest(password)", with: "BCrypt::Password.create(password)") }
        let file = session.work.appendingPathComponent("report.html")
        let result = try session.audit(["--format", "html", "--output", file.path])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        let html = try String(contentsOf: file, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg"))
        #expect(html.contains("<polyline"))
        #expect(html.contains("Fixed (1) since the last audit"))
        #expect(html.contains("lib/account.rb"))
        #expect(html.contains("Top offenders"))
        for external in ["<script", "src=\"http", "href=\"http", "<link", "@import"] { #expect(!html.contains(external)) }
        for secret in plantedSecrets { #expect(!html.contains(secret)) }
    }
}
