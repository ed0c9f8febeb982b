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

    /// Jersey's test client: the path from `target(…)` and `path(…)`, the method from the verb
    /// ending the chain; path constants kept in a base test class serve its subclasses.
    @Test func jaxRSClientRequestsUseTheBaseClassPathConstants() throws {
        let resource = """
            @Path("/v1/tag")
            public class TagResource {
                @PUT
                public Response createTags(List<String> names) { return null; }
                @PATCH
                @Path("/{uuid}")
                public Response rename(@PathParam("uuid") String uuid) { return null; }
                @GET
                @Path("/{uuid}/projects")
                public Response projects(@PathParam("uuid") String uuid) { return null; }
                @DELETE
                @Path("/{uuid}")
                public Response remove(@PathParam("uuid") String uuid) { return null; }
                @GET
                @Path("/{uuid}/owners")
                public Response owners(@PathParam("uuid") String uuid) { return null; }
            }
            """
        let base = """
            public abstract class ResourceTest {
                protected final String V1_TAG = "/v1/tag";
                protected final String V1_TEAM = "/v1/team";
            }
            """
        let tests = """
            public class TagResourceTest extends ResourceTest {
                @Test
                public void createsTags() {
                    Response response = jersey.target(V1_TAG).request()
                        .header(X_API_KEY, apiKey)
                        .put(Entity.json(List.of("a")));
                    assertEquals(201, response.getStatus());
                }
                @Test
                public void refusesAnEmptyName() {
                    Response response = jersey.target(V1_TAG).request().put(Entity.json(List.of("")));
                    assertEquals(400, response.getStatus());
                }
                @Test
                public void renames() {
                    Response response = jersey.target(V1_TAG + "/" + uuid).request().method("PATCH", Entity.json(body));
                    assertEquals(200, response.getStatus());
                    Response missing = jersey.target(V1_TAG + "/" + other).request().method(HttpMethod.PATCH, Entity.json(body));
                    assertEquals(404, missing.getStatus());
                }
                @Test
                public void listsProjects() {
                    Response response = jersey.target("%s/%s/projects".formatted(V1_TAG, uuid)).request().get();
                    assertEquals(200, response.getStatus());
                    assertEquals(404, jersey.target(V1_TAG).path("nope").path("projects").request().get().getStatus());
                }
            }
            """
        #expect(try findings([("src/TagResource.java", resource), ("test/ResourceTest.java", base), ("test/TagResourceTest.java", tests)])
            == ["src/TagResource.java:11 testing/untested-route", "src/TagResource.java:14 testing/untested-route"])
        // Without the base class the constant is unknown: the requests may reach any route of
        // their methods, so only the DELETE route is certainly untested.
        #expect(try findings([("src/TagResource.java", resource), ("test/TagResourceTest.java", tests)])
            == ["src/TagResource.java:11 testing/untested-route"])
        // A name two files bind to different paths is no path either.
        let other = "public abstract class OtherTest {\n    protected final String V1_TAG = \"/v2/tag\";\n}\n"
        #expect(try findings([("src/TagResource.java", resource), ("test/ResourceTest.java", base),
                              ("test/OtherTest.java", other), ("test/TagResourceTest.java", tests)])
            == ["src/TagResource.java:11 testing/untested-route"])
    }

    /// Rails runs controller actions only through routing: a model spec calling `verify` does not
    /// test the `verify` route.
    @Test func aRailsActionIsNotReachedByCallingAMethodOfItsName() throws {
        let routes = """
            Rails.application.routes.draw do
              resources :domains, only: [:index] do
                match :verify, on: :member, via: [:get, :post]
              end
            end
            """
        let tests = """
            RSpec.describe Domain do
              it "verifies" do
                expect(domain.verify()).to be true
              end
              it "lists" do
                get "/domains"
                expect(response).to have_http_status(:ok)
              end
            end
            """
        #expect(try findings([("config/routes.rb", routes), ("test/domain_spec.rb", tests)]) == ["config/routes.rb:3 testing/untested-route"])
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
