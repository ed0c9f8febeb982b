@testable import BackcheckAPI
import Testing

@Suite struct PythonRouteTests {
    @Test func flaskRoutesBlueprintsAndMounts() {
        let code = """
            from flask import Flask, Blueprint
            from .orders import bp as orders_bp

            app = Flask(__name__)
            admin = Blueprint("admin", __name__, url_prefix="/admin")

            @app.route("/users/<int:user_id>", methods=["GET", "DELETE"])
            @login_required
            def user(user_id):
                return "x"

            @admin.post("/reports")
            def create_report():
                pass

            @cache.get("/not-a-route")
            def cached():
                pass

            app.register_blueprint(orders_bp, url_prefix="/orders")
            """
        #expect(RouteFixtures.routes(code, path: "shop/app.py") == ["GET,DELETE /users/{user_id} user", "POST /admin/reports create_report"])
        let mounts = RouteFixtures.facts(code, path: "shop/app.py")?.mounts ?? []
        #expect(mounts == [RouteMount(prefix: "/orders", module: "shop/orders", router: "bp", line: 20)])
    }

    @Test func fastAPIRoutersAndIncludes() {
        let code = """
            from fastapi import APIRouter, FastAPI
            from app.api.routes import items

            router = APIRouter(prefix="/users", tags=["users"])

            @router.get("/{user_id}")
            async def read_user(user_id: int):
                return {}

            @router.api_route("/", methods=["PUT", "PATCH"])
            def update():
                ...

            app = FastAPI()
            app.include_router(items.router, prefix="/items")
            """
        #expect(RouteFixtures.routes(code, path: "app/main.py") == ["GET /users/{user_id} read_user", "PUT,PATCH /users update"])
        #expect(RouteFixtures.facts(code, path: "app/main.py")?.routes.first?.router == "router")
        #expect(RouteFixtures.facts(code, path: "app/main.py")?.mounts.first
                == RouteMount(prefix: "/items", module: "app/api/routes/items", router: "router", line: 15))
    }

    @Test func djangoURLConfs() {
        let code = """
            from django.urls import include, path, re_path
            from . import views

            urlpatterns = [
                path("articles/<slug:slug>/", views.article_detail, name="article"),
                re_path(r"^feeds/(?P<kind>[a-z]+)/$", views.FeedView.as_view()),
                path("api/", include("shop.api.urls")),
            ]
            """
        #expect(RouteFixtures.routes(code, path: "shop/urls.py") == ["* /articles/{slug} article_detail", "* /feeds/{kind} FeedView"])
        #expect(RouteFixtures.facts(code, path: "shop/urls.py")?.mounts.first?.module == "shop/api/urls")
        #expect(RouteFixtures.routes(code, path: "shop/helpers.py").isEmpty, "path() outside a URLconf is not a route")
    }
}
