import BackcheckStore
import Foundation
import Testing
import TestSupport

/// Routes, OpenAPI documents and tests through the real binary: `backcheck routes`, the
/// `api-docs` settings, and the daemon keeping both items current when a spec, a route or a
/// test is edited.
@Suite(.serialized) struct APIDocsCommandTests {
    @Test func routesCommandListsTheSampleBackendsRoutes() throws {
        let session = try CLISession("routes")
        defer { session.remove() }
        let json = try BackcheckProcess.run(["routes", session.root.path, "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let routes = try #require((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["routes"] as? [[String: Any]])
        let listed = routes.map { "\(($0["methods"] as? [String] ?? []).joined(separator: ",")) \($0["path"] ?? "") \($0["file"] ?? ""):\($0["line"] ?? "")" }
        #expect(listed.sorted() == [
            "GET /orders/{order_id}/items app/orders.py:24",
            "POST /login app/auth.py:29",
            "POST /refresh api/server.js:27",
            "POST /signup api/server.js:20",
        ].sorted(), "\(json.stdout)")
        let text = try BackcheckProcess.run(["routes"], in: session.root)
        #expect(text.stdout.contains("POST") && text.stdout.contains("/orders/{order_id}/items"))
        #expect(text.stdout.contains("4 routes"), "\(text.stdout)")
    }

    @Test func ignoredRoutesAndServiceDocumentsApply() throws {
        let session = try CLISession("api-docs-config")
        defer { session.remove() }
        func apiDocs() throws -> [String] {
            let result = try session.run(["audit", session.root.path, "--format", "json", "--fail-on", "none"])
            #expect(result.status == 0, "\(result.stderr)")
            return (try session.json(result)["findings"] as? [[String: Any]] ?? [])
                .filter { ($0["ruleId"] as? String)?.hasPrefix("api-docs/") == true }
                .map { "\($0["path"] ?? ""):\($0["line"] ?? "") \($0["ruleId"] ?? "")" }.sorted()
        }
        let config = session.root.appendingPathComponent(".backcheck.yml")
        try "api-docs:\n  ignore: [\"/orders/**\"]\n".write(to: config, atomically: true, encoding: .utf8)
        let ignored = try apiDocs()
        #expect(!ignored.contains { $0.hasPrefix("app/orders.py") }, "\(ignored)")
        #expect(!ignored.contains { $0.contains("operation-without-route") }, "GET /orders/{id} is ignored too: \(ignored)")
        #expect(ignored.contains("api/server.js:27 api-docs/route-method-mismatch"))

        // The document describes the api/ service only: app/'s routes are nobody's to document.
        try "api-docs:\n  services:\n    api: openapi.yaml\n".write(to: config, atomically: true, encoding: .utf8)
        let scoped = try apiDocs()
        #expect(!scoped.contains { $0.hasPrefix("app/") }, "\(scoped)")
        #expect(scoped.contains("api/server.js:27 api-docs/route-method-mismatch"))

        try "api-docs:\n  services: [api]\n".write(to: config, atomically: true, encoding: .utf8)
        let bad = try session.run(["audit", session.root.path])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains(".backcheck.yml:2") && bad.stderr.contains("api-docs.services"), "\(bad.stderr)")
    }

    @Test func ignoreMarkersSuppressProjectFindingsInSourcesAndDocuments() throws {
        let session = try CLISession("api-docs-ignore")
        defer { session.remove() }
        try session.edit("app/orders.py") {
            "# backcheck:ignore api-docs/route-method-mismatch -- left from a removed route\n" + $0.replacingOccurrences(
                of: "@app.get(\"/orders/<int:order_id>/items\")", with: """
            # backcheck:ignore testing/untested-route -- covered by the contract suite in another repository
            @app.get("/orders/<int:order_id>/items")
            """)
        }
        try session.edit("openapi.yaml") {
            $0.replacingOccurrences(of: "    get:\n      summary: One order.", with: "    # backcheck:ignore api-docs/operation-without-route -- served by the legacy gateway\n    get:\n      summary: One order.")
        }
        let result = try session.run(["audit", session.root.path, "--format", "json", "--fail-on", "none"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try session.json(result)
        let findings = json["findings"] as? [[String: Any]] ?? []
        func status(_ path: String, _ rule: String) -> String? {
            findings.first { $0["path"] as? String == path && $0["ruleId"] as? String == rule }?["status"] as? String
        }
        #expect(status("app/orders.py", "testing/untested-route") == "suppressed", "\(findings)")
        #expect(status("openapi.yaml", "api-docs/operation-without-route") == "suppressed", "\(findings)")
        // Only the rule the marker names: the other findings on those lines still stand.
        #expect(status("app/orders.py", "api-docs/route-not-documented") != "suppressed")
        #expect(status("app/orders.py", "api-docs/route-not-documented") != nil)
        #expect(status("openapi.yaml", "api-docs/openapi-missing-operation-id") != "suppressed")
        // A marker a project finding uses is not reported as unused; one that matches nothing is.
        let unused = json["unusedSuppressions"] as? [String] ?? []
        #expect(unused == ["app/orders.py:1: unused suppression of api-docs/route-method-mismatch: nothing here matches it any more; remove the comment"],
                "\(unused)")
    }

    @Test func aBrokenDocumentIsSkippedNamingFileAndLine() throws {
        let session = try CLISession("api-docs-broken")
        defer { session.remove() }
        try session.edit("openapi.yaml") { $0 + "  /broken: [unclosed\n" }
        let result = try session.run(["audit", session.root.path, "--format", "json", "--fail-on", "none"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try session.json(result)
        let skipped = (json["skipped"] as? [[String: Any]] ?? []).first { $0["path"] as? String == "openapi.yaml" }
        let reason = try #require(skipped?["reason"] as? String, "\(json["skipped"] ?? [])")
        #expect(reason.hasPrefix("not a readable OpenAPI document (openapi.yaml:") && reason.contains("invalid YAML"), "\(reason)")
        // Nothing else is lost: the code's findings are still reported.
        let findings = json["findings"] as? [[String: Any]] ?? []
        #expect(findings.contains { $0["ruleId"] as? String == "sensitive-data/hardcoded-stripe-live-key" })
        #expect(!findings.contains { ($0["path"] as? String) == "openapi.yaml" })
    }

    @Test func daemonRereadsADocumentWhenAFileItReferencesChanges() throws {
        let daemon = try DaemonProcess("api-docs-refs")
        try daemon.copySampleBackend()
        let spec = try String(contentsOfFile: daemon.root + "/openapi.yaml", encoding: .utf8)
        try daemon.write("openapi.yaml", spec + "  /orders/{id}/items:\n    $ref: \"paths/items.yaml\"\n")
        let item = "get:\n  operationId: orderItems\n  responses:\n    \"200\": {description: ok}\n    \"404\": {description: no}\n"
        try daemon.write("paths/items.yaml", item)
        try daemon.start()
        func open(_ rule: String) throws -> Bool {
            try daemon.findings([.open, .reopened]).contains { $0.finding.ruleId == rule && $0.finding.path == "app/orders.py" }
        }
        #expect(try daemon.eventually(within: 20) { try daemon.storedFiles().contains("openapi.yaml") }, "\(daemon.stderr)")
        #expect(try !open("api-docs/route-not-documented"))
        #expect(try !open("api-docs/route-method-mismatch"))

        // Only the referenced file changes: the route is now documented under another method.
        try daemon.write("paths/items.yaml", item.replacingOccurrences(of: "get:", with: "post:"))
        #expect(try daemon.eventually { try open("api-docs/route-method-mismatch") }, "\(daemon.stderr)")
        #expect(daemon.stop() == 0)
    }

    @Test func daemonFollowsEditsToSpecsRoutesAndTests() throws {
        let daemon = try DaemonProcess("api-docs-watch")
        try daemon.copySampleBackend()
        try daemon.start()
        func open(_ rule: String, _ path: String) throws -> Bool {
            try daemon.findings([.open, .reopened]).contains { $0.finding.ruleId == rule && $0.finding.path == path }
        }
        #expect(try daemon.eventually(within: 20) { try open("api-docs/route-not-documented", "app/orders.py") },
                "daemon never reported the undocumented route: \(daemon.stderr)")

        // The spec documents the route: the finding is fixed.
        let spec = try String(contentsOfFile: daemon.root + "/openapi.yaml", encoding: .utf8)
        try daemon.write("openapi.yaml", spec + """
              /orders/{id}/items:
                get:
                  operationId: orderItems
                  responses:
                    "200": {description: The items.}
                    "404": {description: No such order.}

            """)
        #expect(try daemon.eventually { try !open("api-docs/route-not-documented", "app/orders.py") }, "\(daemon.stderr)")

        // A new route in code is reported undocumented and untested.
        let orders = try String(contentsOfFile: daemon.root + "/app/orders.py", encoding: .utf8)
        try daemon.write("app/orders.py", orders + "\n\n@app.delete(\"/orders/<int:order_id>\")\ndef cancel(order_id):\n    return \"\", 204\n")
        #expect(try daemon.eventually {
            try daemon.findings([.open, .reopened]).filter { $0.finding.path == "app/orders.py" && $0.finding.line == 30 }
                .map(\.finding.ruleId).sorted() == ["api-docs/route-method-mismatch", "testing/untested-route"]
        }, "\(daemon.stderr)")

        // A test that requests the route: no longer untested.
        try daemon.write("tests/test_orders.py", """
            from app.auth import app

            def test_cancel():
                response = app.test_client().delete("/orders/7")
                assert response.status_code == 404

            """)
        #expect(try daemon.eventually {
            try !daemon.findings([.open, .reopened]).contains { $0.finding.ruleId == "testing/untested-route" && $0.finding.line == 30 }
        }, "\(daemon.stderr)")

        // A marker at the end of a route's line changes no fact, only a comment: the finding is
        // suppressed all the same.
        let edited = try String(contentsOfFile: daemon.root + "/app/orders.py", encoding: .utf8)
        let route = "@app.get(\"/orders/<int:order_id>/items\")"
        try daemon.write("app/orders.py", edited.replacingOccurrences(
            of: route, with: route + "  # backcheck:ignore testing/untested-route -- covered by the contract suite"))
        #expect(try daemon.eventually {
            try daemon.findings([.suppressed]).contains { $0.finding.ruleId == "testing/untested-route" && $0.finding.path == "app/orders.py" }
        }, "\(daemon.stderr)")
        #expect(try !open("testing/untested-route", "app/orders.py"))
        #expect(daemon.stop() == 0)
    }
}

/// No report ticks an item nothing checked.
@Suite(.serialized) struct CheckedItemsTests {
    @Test func itemsWithoutRulesForTheRootReadNotChecked() throws {
        let work = try TestSupport.temporaryDirectory("not-checked")
        defer { try? FileManager.default.removeItem(at: work) }
        let root = work.appendingPathComponent("service")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try "from flask import Flask\napp = Flask(__name__)\n\n@app.get(\"/health\")\ndef health():\n    return \"ok\"\n"
            .write(to: root.appendingPathComponent("app.py"), atomically: true, encoding: .utf8)
        let db = work.appendingPathComponent("state/db.sqlite").path
        let json = try BackcheckProcess.run(["audit", root.path, "--db", db, "--format", "json"])
        let summary = try #require((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["summary"] as? [String: Any])
        #expect(summary["notChecked"] as? [String] == ["testing", "api-docs"], "\(json.stdout)")

        let text = try BackcheckProcess.run(["audit", root.path, "--db", db])
        #expect(text.stdout.contains("Not checked: testing, api-docs"), "\(text.stdout)")
        let html = work.appendingPathComponent("report.html").path
        _ = try BackcheckProcess.run(["audit", root.path, "--db", db, "--format", "html", "--output", html])
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.components(separatedBy: "(not checked)").count - 1 == 2, "two items not checked")

        // The sample backend has an OpenAPI document and tests: every item is checked.
        let sample = work.appendingPathComponent("shop-backend")
        try TestSupport.copySampleBackend(to: sample)
        let full = try BackcheckProcess.run(["audit", sample.path, "--db", db, "--format", "json", "--fail-on", "none"])
        let fullSummary = (try JSONSerialization.jsonObject(with: Data(full.stdout.utf8)) as? [String: Any])?["summary"] as? [String: Any]
        #expect(fullSummary?["notChecked"] as? [String] == [])
    }
}
