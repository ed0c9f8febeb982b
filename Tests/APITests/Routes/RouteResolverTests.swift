@testable import BackcheckAPI
import Testing

@Suite struct RouteResolverTests {
    static func resolved(_ files: [(String, String)]) -> [String] {
        let facts = files.compactMap { RouteFixtures.facts($1, path: $0) }
        return RouteResolver.resolve(facts).map { "\($0.route.methods.joined(separator: ",")) \($0.path)\($0.prefixKnown ? "" : " ?")" }.sorted()
    }

    @Test func expressMountsChainAcrossFiles() {
        let routes = Self.resolved([
            ("src/app.js", "const api = require('./api');\nconst app = express();\napp.get('/health', h);\napp.use('/api', api);"),
            ("src/api/index.js", "const router = express.Router();\nconst users = require('./users');\nrouter.use('/users', users);\nmodule.exports = router;"),
            ("src/api/users.js", "const router = express.Router();\nrouter.get('/:id', show);\nmodule.exports = router;"),
            ("src/orphan.js", "const router = express.Router();\nrouter.get('/lost', lost);"),
        ])
        #expect(routes == ["GET /api/users/{id}", "GET /health", "GET /lost ?"])
    }

    @Test func fastAPIRoutersIncludedThroughAnAPIRouter() {
        let routes = Self.resolved([
            ("backend/app/main.py", "from app.api.main import api_router\napp = FastAPI()\napp.include_router(api_router, prefix=\"/api/v1\")"),
            ("backend/app/api/main.py", "from app.api.routes import items\napi_router = APIRouter()\napi_router.include_router(items.router, prefix=\"/items\")"),
            ("backend/app/api/routes/items.py", "router = APIRouter()\n@router.get(\"/{id}\")\ndef read_item(id): ..."),
        ])
        #expect(routes == ["GET /api/v1/items/{id}"])
    }

    @Test func djangoIncludesAndNestGlobalPrefix() {
        let routes = Self.resolved([
            ("site/urls.py", "urlpatterns = [\n    path(\"shop/\", include(\"shop.urls\")),\n]"),
            ("shop/urls.py", "urlpatterns = [\n    path(\"orders/<int:pk>/\", views.order),\n]"),
            ("src/main.ts", "const app = await NestFactory.create(AppModule);\napp.setGlobalPrefix('api');"),
            ("src/cats.controller.ts", "@Controller('cats')\nexport class CatsController {\n  @Get()\n  findAll() {}\n}"),
        ])
        // site/urls.py includes, and nothing includes it: it is the root URLconf, served at `/`.
        #expect(routes == ["* /shop/orders/{pk}", "GET /api/cats"])
    }

    /// Lists a URLconf includes by name (`include(check_urls)`) nest under their prefix, as often
    /// as they are included; a URLconf included under a prefix held in a variable is no root;
    /// `include(("api.urls", "api"))` names its module in a tuple.
    @Test func djangoListsIncludedByNameAndVariablePrefixes() {
        let routes = Self.resolved([
            ("proj/urls.py", "prefix = settings.ROOT\nurlpatterns = [\n    path(prefix, include(\"front.urls\")),\n    path(\"hc/\", include((\"api.urls\", \"api\"))),\n]"),
            ("front/urls.py", """
                check_urls = [
                    path("pings/<int:n>/", views.ping_details),
                ]
                urlpatterns = [
                    path("checks/<uuid:code>/", include(check_urls)),
                    path("docs/", views.docs),
                ]
                """),
            ("api/urls.py", """
                api_urls = [
                    path("checks/", views.checks),
                ]
                urlpatterns = [
                    path("api/v1/", include(api_urls)),
                    path("api/v2/", include(api_urls)),
                    path("ping/<uuid:code>", views.ping),
                ]
                """),
        ])
        #expect(routes == [
            "* /checks/{code}/pings/{n} ?", "* /docs ?", "* /hc/api/v1/checks", "* /hc/api/v2/checks", "* /hc/ping/{code}",
        ])
    }
}
