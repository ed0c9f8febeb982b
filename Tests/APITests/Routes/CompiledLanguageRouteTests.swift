@testable import BackcheckAPI
import Testing

/// Spring, Go (net/http, Gin, chi, gorilla), ASP.NET Core and Vapor.
@Suite struct CompiledLanguageRouteTests {
    @Test func springClassAndMethodMappings() {
        let code = """
            @RestController
            @RequestMapping("/api/owners")
            public class OwnerController {
                @GetMapping("/{ownerId}")
                public ResponseEntity<Owner> show(@PathVariable int ownerId) { return null; }

                @PostMapping
                @ResponseStatus(HttpStatus.CREATED)
                public Owner create(@RequestBody Owner owner) { return owner; }

                @RequestMapping(value = {"/a", "/b"}, method = {RequestMethod.PUT, RequestMethod.PATCH})
                public void update() {}

                public void helper() { list.get("/not"); }
            }
            """
        #expect(RouteFixtures.routes(code, path: "src/main/java/OwnerController.java") == [
            "GET /api/owners/{ownerId} show", "POST /api/owners create",
            "PUT,PATCH /api/owners/a update", "PUT,PATCH /api/owners/b update",
        ])
    }

    @Test func kotlinAndJaxRS() {
        let kotlin = """
            @RestController
            @RequestMapping("/pets")
            class PetController {
                @GetMapping("/{id}")
                fun find(@PathVariable id: Long): Pet = repo.find(id)
            }
            """
        #expect(RouteFixtures.routes(kotlin, path: "src/PetController.kt") == ["GET /pets/{id} find"])
        let jaxrs = """
            @Path("/orders")
            public class OrderResource {
                @GET
                @Path("/{id}")
                public Order get(@PathParam("id") long id) { return null; }
            }
            """
        #expect(RouteFixtures.routes(jaxrs, path: "src/OrderResource.java") == ["GET /orders/{id} get"])
    }

    @Test func goRouters() {
        let code = """
            func routes(r *gin.Engine, mux *http.ServeMux) {
                mux.HandleFunc("GET /items/{id}", getItem)
                http.HandleFunc("/health", health)
                v1 := r.Group("/api/v1")
                v1.POST("/users", createUser)
                v1.GET("/users/:id", func(c *gin.Context) {})
                m.Get("/cache-key")
                router.HandleFunc("/things/{id}", thing).Methods("GET", "DELETE")
                c.Route("/articles", func(r chi.Router) {
                    r.Get("/{slug}", article)
                })
            }
            """
        #expect(RouteFixtures.routes(code, path: "server/routes.go") == [
            "GET /items/{id} getItem", "* /health health", "POST /api/v1/users createUser", "GET /api/v1/users/{id} -",
            "GET,DELETE /things/{id} thing", "GET /articles/{slug} article",
        ])
        // gin joins relative paths to the group's; `Match` lists its methods; `Use` hands back the group.
        #expect(RouteFixtures.routes("""
            func Create(g *gin.Engine) {
                g.GET("version", version)
                g.Match([]string{"GET", "HEAD"}, "/health", health.Check)
                g.Group("/user").Use(auth.Optional).POST("", user.Create)
                clientAuth := g.Group("")
                clientAuth.GET("current/user", user.Current)
                cache.GET("a b", "value")
            }
            """, path: "router/router.go") == [
            "GET /version version", "GET,HEAD /health Check", "POST /user Create", "GET /current/user Current",
        ])
    }

    @Test func aspNetAttributeRoutesAndMinimalAPIs() {
        let code = """
            [ApiController]
            [Route("api/[controller]")]
            public class CatalogController : ControllerBase
            {
                [HttpGet("{id:int}")]
                public IActionResult Get(int id) => Ok();

                [HttpPost]
                [Authorize]
                public IActionResult Create(Item item) => Ok();
            }

            var items = app.MapGroup("/items");
            items.MapGet("/{id}", GetItem);
            app.MapDelete("/orders/{id}", (int id) => Results.Ok());
            """
        #expect(RouteFixtures.routes(code, path: "src/Api/Catalog.cs") == [
            "GET /api/Catalog/{id} Get", "POST /api/Catalog Create", "GET /items/{id} GetItem", "DELETE /orders/{id} -",
        ])
    }

    @Test func macaronGroupsAndCombos() {
        let code = """
            package route

            func RegisterRoutes(m *macaron.Macaron) {
                m.Group("/api/v1", func() {
                    m.Group("/repos/:owner/:repo", func() {
                        m.Get("", repo.Get)
                        m.Combo("/hooks").Get(repo.ListHooks).
                            Post(bind(api.CreateHookOption{}), repo.CreateHook)
                    }, reqToken())
                })
                m.Get("/health", health)
            }
            """
        #expect(RouteFixtures.routes(code, path: "internal/route/api.go") == [
            "GET /api/v1/repos/{owner}/{repo} Get", "GET /api/v1/repos/{owner}/{repo}/hooks ListHooks",
            "POST /api/v1/repos/{owner}/{repo}/hooks CreateHook", "GET /health health",
        ])
    }

    @Test func aspNetActionTokensAndInheritedRoutes() {
        let code = """
            [Route("[controller]/[action]")]
            public class ManageController : Controller
            {
                [HttpGet]
                public IActionResult MyAccount() => View();
            }

            public class PluginsController : BaseApiController
            {
                [HttpGet("{pluginId}/Configuration")]
                public IActionResult Configuration(Guid pluginId) => Ok();

                [HttpGet("/health")]
                public IActionResult Health() => Ok();
            }
            """
        let facts = RouteFixtures.facts(code, path: "src/Web/Controllers.cs").map { [$0] } ?? []
        #expect(RouteResolver.resolve(facts).map { "\($0.route.methods.joined()) \($0.path) \($0.prefixKnown)" } == [
            "GET /Manage/MyAccount true", "GET /Plugins/{pluginId}/Configuration false", "GET /health true",
        ])
    }

    @Test func vaporRoutes() {
        let code = """
            func routes(_ app: Application) throws {
                app.get("health") { req in "ok" }
                let todos = app.grouped("todos")
                todos.get(":id", use: show)
                todos.post(use: create)
                app.group("admin") { admin in
                    admin.delete("users", ":userID", use: remove)
                }
                let value = dictionary.get("key")
            }
            """
        #expect(RouteFixtures.routes(code, path: "Sources/App/routes.swift") == [
            "GET /health -", "GET /todos/{id} show", "POST /todos create", "DELETE /admin/users/{userID} remove",
        ])
    }
}
