@testable import BackcheckAPI
import BackcheckLexer
import BackcheckModel
import BackcheckRules
import Testing

/// The analyzers over facts of several files: where they stay silent on purpose.
@Suite struct APIAnalysisTests {
    static let rules: [Rule] = (try? RuleSet.builtIn().rules.map(\.rule).filter(APIAnalysis.implements)) ?? []

    private func findings(_ files: [(String, String)]) throws -> [String] {
        let facts = try files.compactMap { path, text -> APIFileFacts? in
            let bytes = Array(text.utf8)
            if path.hasSuffix(".yaml") { return try APIFactExtractor.document(path: path, bytes: bytes, load: { _ in nil }) }
            let language = Language.forExtension(String(path.split(separator: ".").last ?? "")) ?? .python
            return APIFactExtractor.extract(path: path, bytes: bytes, language: language, role: path.hasPrefix("test") ? .test : .source)
        }
        return APIAnalysis.findings(facts: facts, rules: Self.rules, lineText: { _, _ in "" })
            .map { "\($0.path):\($0.line) \($0.ruleId)" }.sorted()
    }

    @Test func anAggregatedDocumentRepeatsNoProblem() throws {
        let group = """
            openapi: 3.0.3
            info: {title: t, version: "1"}
            paths:
              /a:
                get:
                  operationId: a
                  responses: {"200": {description: ok}}
            """
        let aggregate = group + """

              /b:
                get:
                  operationId: b
                  responses: {"200": {description: ok}, "404": {description: no}}
            """
        let other = """
            openapi: 3.0.3
            info: {title: t, version: "1"}
            paths:
              /b:
                get:
                  operationId: b
                  responses: {"200": {description: ok}, "404": {description: no}}
            """
        #expect(try findings([("api/a.yaml", group), ("api/b.yaml", other), ("api/all.yaml", aggregate)])
            == ["api/a.yaml:5 api-docs/openapi-missing-error-response"])
        // Two equal copies: the first by path speaks for both.
        #expect(try findings([("spec/openapi.yaml", group), ("docs/openapi.yaml", group)])
            == ["docs/openapi.yaml:5 api-docs/openapi-missing-error-response"])
    }

    @Test func aRailsRequestWithAFormatReachesItsRoute() throws {
        let routes = """
            Rails.application.routes.draw do
              resources :chats, only: [:show] do
                post :retry, on: :member
              end
            end
            """
        let tests = { (suffix: String) in """
            class ChatsControllerTest < ActionDispatch::IntegrationTest
              test "retries" do
                post "/chats/1/retry\(suffix)"
                assert_response :accepted
              end
              test "refuses to retry without a message" do
                post "/chats/2/retry\(suffix)"
                assert_response :unprocessable_entity
              end
            end
            """ }
        // Asked as `retry.json`, the route is tested and its failure too; `retry.pdf` is no format.
        #expect(try findings([("config/routes.rb", routes), ("test/chats_test.rb", tests(".json"))])
            == ["config/routes.rb:2 testing/untested-route"])
        #expect(try findings([("config/routes.rb", routes), ("test/chats_test.rb", tests(".pdf"))])
            == ["config/routes.rb:2 testing/untested-route", "config/routes.rb:3 testing/untested-route"])
    }

    @Test func aRequestMayLeaveOutTheOptionalParametersARouteEndsWith() throws {
        let routes = """
            <?php
            Route::get('play/{song}/{transcode?}', PlayController::class);
            Route::get('stream/{song}', StreamController::class);
            """
        let tests = """
            <?php
            class PlayTest extends TestCase {
                public function test_plays(): void { $this->get("play/1")->assertOk(); }
                public function test_refuses_a_private_song(): void { $this->get("play/2")->assertForbidden(); }
                public function test_transcodes(): void { $this->get("play/1/mp3")->assertOk(); }
                public function test_streams(): void { $this->get("stream")->assertOk(); }
            }
            """
        // `stream/{song}` has no optional parameter: `stream` does not ask it.
        #expect(try findings([("routes/web.php", routes), ("tests/PlayTest.php", tests)]) == ["routes/web.php:3 testing/untested-route"])
    }

    @Test func aRequestForALiteralRouteDoesNotReachItsParameterizedSibling() throws {
        let routes = """
            <?php
            Route::get('groups/list', [GroupController::class, 'list']);
            Route::get('groups/{id}', [GroupController::class, 'show']);
            Route::get('items/{id}', [ItemController::class, 'show']);
            """
        let tests = """
            <?php
            class GroupTest extends TestCase {
                public function test_lists(): void { $this->get("groups/list")->assertOk(); }
                public function test_lists_for_guests(): void { $this->get("groups/list")->assertForbidden(); }
                public function test_item(): void { $this->get("items/list")->assertOk(); }
            }
            """
        // `groups/list` is served by the literal route; `items/list` has no literal route to go to.
        #expect(try findings([("routes/web.php", routes), ("tests/GroupTest.php", tests)]) == [
            "routes/web.php:3 testing/untested-route", "routes/web.php:4 testing/happy-path-only",
        ])
    }

    @Test func routesOutsideTheDocumentsBasePathAreNotItsToDocument() throws {
        let document = """
            openapi: 3.0.3
            info: {title: t, version: "1"}
            servers: [{url: "https://git.shop.test/api/v1"}]
            paths:
              /repos:
                get:
                  operationId: repos
                  responses: {"200": {description: ok}, "404": {description: no}}
            """
        let code = """
            from flask import Flask
            app = Flask(__name__)

            @app.get("/api/v1/repos")
            def repos(): ...

            @app.get("/api/v1/users")
            def users(): ...

            @app.get("/explore/repos")
            def explore(): ...

            @app.options("/api/v1/users")
            def preflight(): ...
            """
        let found = try findings([("openapi.yaml", document), ("app.py", code)])
        #expect(found == ["app.py:7 api-docs/route-not-documented"], "\(found)")
    }
}
