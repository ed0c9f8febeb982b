@testable import BackcheckAPI
import BackcheckLexer
import BackcheckModel
import Testing

@Suite struct TestCaseScannerTests {
    private func tests(_ code: String, path: String, extra: Set<String> = []) -> [TestCase] {
        let language = Language.forExtension(String(path.split(separator: ".").last ?? "")) ?? .python
        return TestCaseScanner.facts(path: path, file: LexedFile(bytes: Array(code.utf8), language: language), extraAssertions: extra)?.tests ?? []
    }

    /// `name asserts|silent [METHOD path …] {statuses}` for readable expectations.
    private func summary(_ code: String, path: String, extra: Set<String> = []) -> [String] {
        tests(code, path: path, extra: extra).map { test in
            let requests = test.requests.map { "\($0.method) \($0.path)" }.joined(separator: ", ")
            let statuses = test.assertedStatuses.map(String.init).joined(separator: ",")
            return "\(test.name)@\(test.line) \(test.hasAssertion ? "asserts" : "silent") [\(requests)] {\(statuses)}"
        }
    }

    /// A setup hook's request belongs to each test it runs before: RSpec's `before` for its
    /// group, Jest's `beforeEach` for its `describe`, JUnit's `@BeforeEach` for the class.
    @Test func setupHooksRequestsBelongToTheTestsTheyRunBefore() {
        let rspec = """
            RSpec.describe "messages" do
              describe "GET html_raw" do
                before do
                  get "/org/#{org.permalink}/messages/#{message.id}/html_raw"
                end

                it "returns the HTML" do
                  expect(response).to have_http_status(:ok)
                end
              end

              it "lists" do
                get "/org/#{org.permalink}/messages"
                expect(response).to have_http_status(:ok)
              end
            end
            """
        #expect(summary(rspec, path: "spec/requests/messages_spec.rb") == [
            "returns the HTML@7 asserts [GET /org/{}/messages/{}/html_raw] {200}",
            "lists@12 asserts [GET /org/{}/messages] {200}",
        ])
        let jest = """
            describe("orders", () => {
              let response;
              beforeEach(async () => {
                response = await request(app).get("/api/orders");
              });
              it("answers", () => {
                expect(response.status).toBe(200);
              });
            });
            it("pings", async () => {
              expect((await request(app).get("/health")).status).toBe(200);
            });
            """
        #expect(summary(jest, path: "test/orders.test.js") == [
            "answers@6 asserts [GET /api/orders] {200}",
            "pings@10 asserts [GET /health] {200}",
        ])
        let junit = """
            class OrderTest {
                private Response response;
                @BeforeEach
                void load() { response = client.get("/api/orders"); }
                @Test
                void answers() { assertEquals(200, response.getStatus()); }
            }
            """
        #expect(summary(junit, path: "src/test/java/OrderTest.java") == ["answers@5 asserts [GET /api/orders] {200}"])
        let unittest = """
            class OrderTests(TestCase):
                def setUp(self):
                    self.response = self.client.get("/api/orders/")

                def test_lists(self):
                    self.assertEqual(self.response.status_code, 200)
            """
        #expect(summary(unittest, path: "orders/tests.py") == ["test_lists@5 asserts [GET /api/orders/] {200}"])
        // `before(:all)` state is shared, not run per test.
        let shared = "describe \"x\" do\n  before(:all) do\n    get \"/setup\"\n  end\n  it \"a\" do\n    expect(1).to eq(1)\n  end\nend\n"
        #expect(summary(shared, path: "spec/x_spec.rb") == ["a@5 asserts [] {}"])
    }

    /// A call named like a verb on something other than a test client, given a constant, is no
    /// request: `environments.delete(ENTITY_ID)` removes a map entry.
    @Test func aConstantGivenToANonClientIsNoRequest() {
        let code = """
            it("forgets the entity", () => {
              environments.delete(ENTITY_ID);
              expect(environments.size).toBe(0);
            });
            it("deletes the order", async () => {
              const res = await client.delete(ORDERS_URL + "/1");
              expect(res.status).toBe(204);
            });
            """
        let found = tests(code, path: "test/env.spec.ts")
        #expect(found.map(\.requests.count) == [0, 1])
        #expect(found.map { $0.unresolvedRequests ?? [] } == [[], []])
        #expect(found.last?.requests.first?.path == "/${ORDERS_URL}/1")
    }

    /// `String.format` in a client target builds a path like `+` does: a bound name is its path,
    /// other values `{}`.
    @Test func stringFormatBuildsAPathFromABoundName() {
        let code = """
            class OrderTest {
                static final String BASE = "/api/orders";
                @Test
                void shows() {
                    Response r = client.target(String.format("%s/%d/items", BASE, id)).request().get();
                    assertEquals(200, r.getStatus());
                }
            }
            """
        #expect(summary(code, path: "src/test/java/OrderTest.java") == ["shows@3 asserts [GET /api/orders/{}/items] {200}"])
    }

    @Test func pytestClientsStatusesAndRaises() {
        let code = """
            import pytest
            from rest_framework import status

            def helper():
                return 1

            def test_create(client):
                response = client.post("/api/orders/", {"sku": "A1"})
                assert response.status_code == status.HTTP_201_CREATED

            def test_missing(client, order):
                response = client.get(f"/api/orders/{order.id}?expand=1")
                assert response.status_code == 404

            def test_rejects():
                with pytest.raises(ValueError):
                    parse("x")

            def test_nothing(client):
                client.delete("/api/orders/1")
                settings.get("/not/a/request")
            """
        #expect(summary(code, path: "tests/test_orders.py") == [
            "test_create@7 asserts [POST /api/orders/] {201}",
            "test_missing@11 asserts [GET /api/orders/{}] {404}",
            "test_rejects@15 asserts [] {}",
            "test_nothing@19 silent [DELETE /api/orders/1] {}",
        ])
    }

    /// A path kept in a name (`self.url` from `setUp`, a class attribute, a local) is the path
    /// a request through that name asks for: the assignment last made before the request.
    @Test func requestsThroughNamesThatHoldAPath() {
        let code = """
            class CheckTests(TestCase):
                URL = "/api/v1/checks/"

                def setUp(self):
                    self.url = f"/checks/{self.check.code}/last_ping/"

                def test_requires_login(self):
                    r = self.client.get(self.url)
                    self.assertRedirects(r, "/login/")

                def test_list(self):
                    r = self.client.get(self.URL)
                    self.assertEqual(r.status_code, 200)

            class OtherTests(TestCase):
                def setUp(self):
                    self.url = "/projects/"

                def test_local(self):
                    url = "/orders/" + code
                    r = self.client.get(url)
                    self.assertEqual(r.status_code, 200)

                def test_other(self):
                    r = self.client.get(self.url)
                    self.assertEqual(r.status_code, 404)
            """
        #expect(summary(code, path: "tests/test_checks.py") == [
            "test_requires_login@7 asserts [GET /checks/{}/last_ping/] {302}",
            "test_list@11 asserts [GET /api/v1/checks/] {200}",
            "test_local@19 asserts [] {200}",
            "test_other@24 asserts [GET /projects/] {404}",
        ])
    }

    /// Cypress's `cy.get(selector)` reads the page: it sends no request.
    @Test func cypressQueriesAreNoRequests() {
        let code = """
            describe("archive", () => {
              it("shows the archive", () => {
                cy.visit("/archive");
                cy.get("h3").contains("Hi Archive!");
              });
              it("lists subscribers", async () => {
                await client.get("/api/subscribers").expect(200);
              });
            });
            """
        let requests = tests(code, path: "frontend/cypress/e2e/archive.cy.js").map { $0.requests.map(\.path) }
        #expect(requests == [[], ["/api/subscribers"]])
    }

    @Test func jestWithSupertestAndChai() {
        let code = """
            const request = require('supertest');
            describe('orders', () => {
              it('creates', async () => {
                await request(app).post('/orders').send({}).expect(201);
              });
              test.each([1, 2])('reads %i', async (id) => {
                const res = await request(app).get(`/orders/${id}`);
                expect(res.status).toBe(404);
              });
              it('only runs', async () => {
                await request(app).delete('/orders/1');
              });
              it.skip('chai', () => {
                res.should.have.status(200);
              });
            });
            """
        #expect(summary(code, path: "test/orders.test.js") == [
            "creates@3 asserts [POST /orders] {201}",
            "reads %i@6 asserts [GET /orders/{}] {404}",
            "only runs@10 silent [DELETE /orders/1] {}",
            "chai@13 asserts [] {200}",
        ])
    }

    @Test func goTestingWithHTTPTestAndTestify() {
        let code = """
            package orders

            func TestCreate(t *testing.T) {
                req := httptest.NewRequest(http.MethodPost, "/orders", nil)
                rec := httptest.NewRecorder()
                router.ServeHTTP(rec, req)
                assert.Equal(t, http.StatusCreated, rec.Code)
            }

            func TestGet(t *testing.T) {
                req, _ := http.NewRequestWithContext(ctx, "GET", fmt.Sprintf("/orders/%d", 7), nil)
                rec := httptest.NewRecorder()
                router.ServeHTTP(rec, req)
                if rec.Code != http.StatusNotFound {
                    t.Fatalf("got %d", rec.Code)
                }
            }

            func TestSilent(t *testing.T) {
                handler(httptest.NewRecorder(), httptest.NewRequest("DELETE", "/orders/1", nil))
            }

            func helper(t *testing.T) {}
            """
        #expect(summary(code, path: "orders/orders_test.go") == [
            "TestCreate@3 asserts [POST /orders] {201}",
            "TestGet@10 asserts [GET /orders/{}] {404}",
            "TestSilent@19 silent [DELETE /orders/1] {}",
        ])
        #expect(tests(code, path: "orders/orders.go").isEmpty, "Go tests live in _test.go files")
        #expect(summary("""
            package api

            func TestClientSuite(t *testing.T) { suite.Run(t, new(ClientSuite)) }

            func (s *ClientSuite) BeforeTest(suiteName, testName string) { s.recorder = httptest.NewRecorder() }

            func (s *ClientSuite) Test_DeleteClient_expectNotFound() {
                s.a.DeleteClient(s.ctx)
                assert.Equal(s.T(), 404, s.recorder.Code)
            }

            func (s *ClientSuite) withFormData(data string) { s.ctx.Request = httptest.NewRequest("POST", "/token", nil) }

            func (s *ClientSuite) TestVersion() {
                req := s.newRequest("GET", "version", "")
                res, _ := client.Do(req)
                rdb.Do(ctx, "GET", "version")
                assert.Equal(s.T(), "GET", req.Method)
            }
            """, path: "api/client_test.go") == [
            "TestClientSuite@3 silent [] {}", "Test_DeleteClient_expectNotFound@7 asserts [] {404}",
            "TestVersion@14 asserts [GET /version] {}",
        ])
        #expect(tests(code, path: "orders/orders.go").isEmpty, "Go tests live in _test.go files")
    }

    @Test func junitWithMockMvcAndAssertJ() {
        let code = """
            class OrderControllerTest {
                @Test
                void creates() throws Exception {
                    mvc.perform(post("/orders").contentType(JSON)).andExpect(status().isCreated());
                }

                @ParameterizedTest
                @ValueSource(ints = {1, 2})
                void missing(int id) throws Exception {
                    mvc.perform(get("/orders/{id}", id)).andExpect(status().isNotFound());
                }

                @Test
                public void client() {
                    ResponseEntity<String> r = rest.getForEntity("/orders/1", String.class);
                    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
                }

                @Test
                void silent() { service.create(order); }

                @Test
                void servletNames() {
                    Response r = client.target("/orders/2").request().get();
                    assertThat(r.getStatus()).isEqualTo(HttpStatus.SC_NOT_FOUND);
                    assertEquals(HttpServletResponse.SC_MOVED_TEMPORARILY, other.getStatus());
                }
            }
            """
        #expect(summary(code, path: "src/test/java/shop/OrderControllerTest.java") == [
            "creates@2 asserts [POST /orders] {201}",
            "missing@7 asserts [GET /orders/{id}] {404}",
            "client@13 asserts [GET /orders/1] {200}",
            "silent@19 silent [] {}",
            "servletNames@22 asserts [GET /orders/2] {302,404}",
        ])
    }

    @Test func xunitPHPUnitRSpecAndSwift() {
        #expect(summary("""
            public class OrdersTests {
                [Fact]
                public async Task Creates() {
                    var response = await _client.PostAsJsonAsync("/api/orders", order);
                    Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                }
                [Theory, InlineData(1)]
                public async Task Silent(int id) => await _client.GetAsync($"/api/orders/{id}");
            }
            """, path: "tests/OrdersTests.cs") == [
                "Creates@2 asserts [POST /api/orders] {201}",
                "Silent@7 silent [GET /api/orders/{}] {}",
            ])
        #expect(summary("""
            <?php
            class OrderTest extends TestCase {
                public function test_creates(): void {
                    $this->postJson('/api/orders', [])->assertCreated();
                }
                public function testForbidden() {
                    $this->get('/admin')->assertStatus(403);
                }
                public function test_silent() { $this->delete('/api/orders/1'); }
                public function test_viewer_cannot_delete() {
                    $resp = $this->actingAs($this->viewer)->delete('/api/orders/1');
                    $this->assertPermissionError($resp);
                }
                #[Test]
                public function regeneratesTheKey(): void {
                    $this->postAs('api/me/key/regenerate', [], $user)->assertOk();
                }
                /** @test */
                public function listsUsers() { $this->getAs('api/users', $admin)->assertOk(); }
                public function helper() { $this->get('/api/orders'); }
                public function test_guests_cannot_discard() {
                    $this->json('delete', 'api/duplicate-uploads')->assertUnauthorized();
                    $this->getAs('api/users/9', $admin)->assertResourceNotFound();
                }
                public function test_rejects_a_bad_email() {
                    $this->postJson('/api/users', ['email' => 'x'])->assertJsonValidationErrors(['email']);
                    $this->post('/register', [])->assertSessionHasErrors('name');
                    $this->putJson('/api/users/1', [])->assertInvalid(['name']);
                }
            }
            """, path: "tests/Feature/OrderTest.php") == [
                "test_creates@3 asserts [POST /api/orders] {201}",
                "testForbidden@6 asserts [GET /admin] {403}",
                "test_silent@9 silent [DELETE /api/orders/1] {}",
                "test_viewer_cannot_delete@10 asserts [DELETE /api/orders/1] {403}",
                "regeneratesTheKey@15 asserts [POST /api/me/key/regenerate] {200}",
                "listsUsers@19 asserts [GET /api/users] {200}",
                "test_guests_cannot_discard@21 asserts [DELETE /api/duplicate-uploads, GET /api/users/9] {401,404}",
                "test_rejects_a_bad_email@25 asserts [POST /api/users, POST /register, PUT /api/users/1] {302,422}",
            ])
        #expect(summary("""
            RSpec.describe "Orders", type: :request do
              it "creates" do
                post "/orders", params: { sku: "A1" }
                expect(response).to have_http_status(:created)
              end
              it "lists" do
                get orders_path
              end
            end
            """, path: "spec/requests/orders_spec.rb") == [
                "creates@2 asserts [POST /orders] {201}",
                "lists@6 silent [] {}",
            ])
        #expect(summary("""
            final class OrderTests: XCTestCase {
                func testCreate() async throws {
                    try await app.test(.POST, "orders") { res in
                        XCTAssertEqual(res.status, .created)
                    }
                }
                func helper() {}
            }
            @Test func listsOrders() async throws {
                #expect(try await list().count == 2)
            }
            @Test("named") func silent() { _ = list() }
            """, path: "Tests/AppTests/OrderTests.swift") == [
                "testCreate@2 asserts [POST /orders] {201}",
                "listsOrders@9 asserts [] {}",
                "silent@12 silent [] {}",
            ])
    }

    @Test func configuredHelpersCountAsAssertions() {
        let code = """
            def test_checked(client):
                check_ok(client.get("/health"))
            """
        #expect(summary(code, path: "tests/test_health.py") == ["test_checked@1 silent [GET /health] {}"])
        #expect(summary(code, path: "tests/test_health.py", extra: ["check_ok"]) == ["test_checked@1 asserts [GET /health] {}"])
    }

    @Test func computedPathsThroughClientsAreUnresolvedRequests() {
        let python = tests("""
            def test_detail(self):
                self.client.get(reverse("order-detail", args=[1]))
                app.test_client().post(url_for("orders.create"))
                cache.get(key)
                assert True
            """, path: "tests/test_orders.py")
        #expect(python.first?.unresolvedRequests == ["GET", "POST"])
        #expect(python.first?.requests.isEmpty == true)
        let ruby = tests("""
            it "lists" do
              get orders_path
              expect(response).to be_successful
            end
            """, path: "spec/requests/orders_spec.rb")
        #expect(ruby.first?.unresolvedRequests == ["GET"])
        let literal = tests("def test_a(client):\n    client.get(\"/a\")\n", path: "tests/test_a.py")
        #expect(literal.first?.unresolvedRequests == nil)
    }

    @Test func assertionsThroughHelpersMocksThrowsAndCallbacks() {
        #expect(summary("""
            class T(TestCase):
                def _assert_split(self, sql, expected):
                    self.assertEqual(split(sql), expected)

                def test_split(self):
                    self._assert_split("a;b", ["a", "b"])

                def test_nothing(self):
                    split("a")
            """, path: "tests/test_split.py") == ["test_split@5 asserts [] {}", "test_nothing@8 silent [] {}"])
        #expect(summary("""
            public class BasketTests {
                [Fact]
                public async Task Adds() {
                    await _service.AddItem(1);
                    await _repository.Received().UpdateAsync(Arg.Any<Basket>());
                }
                [Fact]
                public void Moves() => MoveInternal();
                private void MoveInternal() {
                    if (!File.Exists(path)) throw new InvalidOperationException("not moved");
                }
            }
            """, path: "tests/BasketTests.cs") == ["Adds@2 asserts [] {}", "Moves@7 asserts [] {}"])
        #expect(summary("""
            package x

            func TestMain(m *testing.M) { os.Exit(m.Run()) }

            func TestHelperProcess(_ *testing.T) { run() }

            func TestRun(t *testing.T) { check(t, run()) }

            func check(t *testing.T, err error) {
                if err != nil {
                    t.Fatal(err)
                }
            }
            """, path: "x/x_test.go") == ["TestRun@7 asserts [] {}"])
        #expect(summary("""
            it('renders', (done) => {
              mount({ onChange: () => done() });
            });
            it('silent', async () => {
              mount({});
            });
            """, path: "client/app.test.js") == ["renders@1 asserts [] {}", "silent@4 silent [] {}"])
    }

    @Test func requestsThroughTheFilesHelpersBelongToTheTestsCallingThem() {
        #expect(summary("""
            <?php
            class CommentTest extends TestCase {
                public function test_create_denied() {
                    $resp = $this->addComment($page);
                    $resp->assertStatus(403);
                }
                #[Test]
                public function callbackIssuesToken(): void {
                    $this->assertCallbackIssuesToken();
                }
                public function test_unrelated() {
                    $this->assertTrue(true);
                    $this->assertEquals('PUT', 'PUT');
                }
                public function test_computed() {
                    $this->openPage($page);
                }
                private function addComment($page) {
                    return $this->postJson("/comment/{$page->id}", ['html' => 'x']);
                }
                private function assertCallbackIssuesToken(): void {
                    $this->get('auth/oidc/callback')->assertOk();
                }
                private function openPage($page) {
                    return $this->get($page->getUrl());
                }
            }
            """, path: "tests/CommentTest.php") == [
            "test_create_denied@3 asserts [POST /comment/{}] {403}",
            "callbackIssuesToken@8 asserts [GET /auth/oidc/callback] {200}",
            "test_unrelated@11 asserts [] {}",
            "test_computed@15 silent [] {}",
        ])
    }

    @Test func parametrizedTestsRequestEachDataRowsPath() {
        #expect(summary("""
            public class ItemsTests
            {
                [Theory]
                [InlineData("Users/{0}/Items/{1}")]
                [InlineData("Users/{0}/Items/{1}/Intros")]
                [InlineData("not a path")]
                public async Task Get_UnknownUser_NotFound(string format)
                {
                    var response = await client.GetAsync(string.Format(CultureInfo.InvariantCulture, format, Guid.NewGuid(), id));
                    Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                }

                [Theory]
                [InlineData("Users/{0}/Items")]
                public async Task Literal(string format)
                {
                    var response = await client.GetAsync("Health");
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                }
            }
            """, path: "tests/ItemsTests.cs") == [
            "Get_UnknownUser_NotFound@3 asserts [GET /Users/{}/Items/{}, GET /Users/{}/Items/{}/Intros] {404}",
            "Literal@13 asserts [GET /Health] {200}",
        ])
        #expect(summary("""
            import pytest

            @pytest.mark.parametrize(
                "url",
                ["/api/orders/1", "/api/invoices/1"],
            )
            def test_requires_login(client, url):
                assert client.get(url).status_code == 401
            """, path: "tests/test_auth.py") == ["test_requires_login@7 asserts [GET /api/orders/1, GET /api/invoices/1] {401}"])
        #expect(summary("""
            class AuthTest {
                @ParameterizedTest
                @ValueSource(strings = {"/owners/1", "/vets"})
                void refusesVisitors(String path) throws Exception {
                    mvc.perform(get(path)).andExpect(status().isUnauthorized());
                }
            }
            """, path: "src/test/java/AuthTest.java") == ["refusesVisitors@2 asserts [GET /owners/1, GET /vets] {401}"])
        #expect(summary("""
            class AuthTest {
                @ParameterizedTest
                @CsvSource({"/owners/1, 401", "/vets, 401", "plain words, 200"})
                void refusesVisitors(String path, int status) throws Exception {
                    mvc.perform(get(path)).andExpect(status().isUnauthorized());
                }
            }
            """, path: "src/test/java/AuthTest.java") == ["refusesVisitors@2 asserts [GET /owners/1, GET /vets] {401}"])
        #expect(summary("""
            describe('guards', () => {
              it.each(['/api/orders/1', '/api/invoices/1'])('refuses %s', async (url) => {
                await request(app).get(url).expect(401);
              });
            });
            """, path: "test/guards.test.js") == ["refuses %s@2 asserts [GET /api/orders/1, GET /api/invoices/1] {401}"])
    }

    @Test func requestsSayWhetherTheySendAQuery() {
        let python = tests("""
            def test_search(client):
                assert client.get("/search", {"q": "lamp"}).status_code == 200
                assert client.get("/search?q=lamp").status_code == 200
                assert client.get("/about", follow_redirects=True).status_code == 200
            """, path: "tests/test_search.py")
        #expect(python.first?.requests.map(\.sendsQuery) == [true, true, nil])
        let jest = tests("""
            it('finds', async () => {
              await request(app).get('/search').query({ q: 'lamp' }).expect(200);
              await request(app).get('/about').expect(200);
            });
            """, path: "test/search.test.js")
        #expect(jest.first?.requests.map(\.sendsQuery) == [true, nil])
    }

    @Test func railsRoutingAssertionsRequestTheirPaths() {
        #expect(summary("""
            class LegacyRoutesTest < ActionController::TestCase
              should "route old paths" do
                route = { controller: "api/legacy" }
                assert_recognizes(route.merge(action: "index"), "/api_key")
                assert_recognizes(route.merge(action: "index"), path: "api/v1/gems/unyank", method: :put)
                assert_routing({ path: "photos", method: :post }, { controller: "photos", action: "create" })
                assert_routing("/photos/1", controller: "photos", action: "show", id: "1")
              end
            end
            """, path: "test/functional/legacy_routes_test.rb") == [
            "route old paths@2 asserts [GET /api_key, PUT /api/v1/gems/unyank, POST /photos, GET /photos/1] {}",
        ])
    }

    @Test func redirectMatchersAssertARedirect() {
        #expect(summary("""
            describe "mod", type: :request do
              it "sends visitors away" do
                get "/mod"
                expect(response).to redirect_to("/login")
              end
            end
            """, path: "spec/requests/mod_spec.rb") == ["sends visitors away@2 asserts [GET /mod] {302}"])
        #expect(summary("""
            class ModTest(TestCase):
                def test_visitor(self):
                    response = self.client.get("/mod/")
                    self.assertRedirects(response, "/login/")
            """, path: "tests/test_mod.py") == ["test_visitor@2 asserts [GET /mod/] {302}"])
    }

    @Test func filesWithoutTestsHaveNoFacts() {
        #expect(tests("def helper():\n    return 1\n", path: "tests/conftest.py").isEmpty)
    }
}
