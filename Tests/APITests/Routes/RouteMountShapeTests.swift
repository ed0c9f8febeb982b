@testable import BackcheckAPI
import BackcheckModel
import Testing

/// Mount shapes across files: routers chained as they are made, Go functions that take a router,
/// mount prefixes held in named constants.
@Suite struct RouteMountShapeTests {
    @Test func expressRoutersChainedAtConstructionAndDefaultExported() {
        let routes = RouteResolverTests.resolved([
            ("web/server.ts", """
                import express from 'express';
                import api from './http/index';
                const app = express();
                app.use(api);
                app.get('/status', status);
                """),
            ("web/http/index.ts", """
                import { Router } from 'express';
                import orders from './orders';
                import carts from './carts';
                const v2 = Router()
                  .use(orders)
                  .use('/carts', carts);
                export default Router().use('/v2', v2);
                """),
            ("web/http/orders.ts", "const router = Router();\nrouter.get('/orders/:orderId', show);\nexport default router;"),
            ("web/http/carts.ts", "const router = Router();\nrouter.delete('/:cartId', drop);\nexport default router;"),
            ("web/http/inline.ts", "export const ping = express.Router().get('/ping', pong);"),
            ("web/admin.js", "const admin = require('./admin/users');\napp.use('/admin', admin);"),
            ("web/admin/users.js", "const helper = express.Router();\nhelper.get('/unmounted', h);\n"
                + "module.exports = express.Router().get('/users', list);"),
        ])
        #expect(routes == [
            "DELETE /v2/carts/{cartId}", "GET /admin/users", "GET /ping ?", "GET /status", "GET /unmounted ?",
            "GET /v2/orders/{orderId}",
        ])
    }

    @Test func goFunctionsTakingARouterAreMountedWhereCalled() {
        let routes = RouteResolverTests.resolved([
            ("cmd/server/main.go", """
                package main

                import (
                    "github.com/acme/shop/billing"
                    cat "github.com/acme/shop/catalog"
                )

                func main() {
                    e := gin.New()
                    api := e.Group("/shop")
                    cat.Mount(api.Group("/products"))
                    billing.Routes(api)
                    e.GET("/live", live)
                }
                """),
            ("catalog/http.go", """
                package catalog

                func Mount(g *gin.RouterGroup) {
                    g.GET("/:sku", product)
                    admin := g.Group("/admin")
                    admin.POST("", create)
                }
                """),
            ("billing/routes.go", """
                package billing

                func Routes(r *gin.RouterGroup) {
                    r.POST("/invoices", invoice)
                    refunds(r.Group("/refunds"))
                }

                func refunds(r *gin.RouterGroup) {
                    r.GET("/:id", refund)
                }
                """),
            ("legacy/mount.go", """
                package legacy

                func Mount(g *gin.RouterGroup) {
                    g.GET("/old", old)
                }
                """),
        ])
        #expect(routes == [
            "GET /live", "GET /old ?", "GET /shop/products/{sku}", "GET /shop/refunds/{id}", "POST /shop/invoices",
            "POST /shop/products/admin",
        ])
    }

    @Test func goMethodRegisteringOnAnEchoGroup() {
        let routes = RouteResolverTests.resolved([
            ("server/server.go", """
                package server

                func (s *Server) Start() {
                    e := echo.New()
                    v1 := e.Group("/v1")
                    s.handler.Register(v1)
                }
                """),
            ("server/handler/routes.go", """
                package handler

                func (h *Handler) Register(v1 *echo.Group) {
                    notes := v1.Group("/notes")
                    notes.GET("/:id", h.GetNote)
                }
                """),
        ])
        #expect(routes == ["GET /v1/notes/{id}"])
    }

    @Test func mountPrefixFromANamedConstant() {
        let settings = """
            class Settings(BaseSettings):
                API_PREFIX: str = "/api/v3"
                title: str = "/not-a-constant"

            settings = Settings()
            """
        #expect(RouteMarkers.mayDeclareRoutes(Array(settings.utf8), language: .python, path: "svc/core/settings.py"))
        let routes = RouteResolverTests.resolved([
            ("svc/core/settings.py", settings),
            ("svc/main.py", """
                from svc.core.settings import settings
                from svc.routes import health
                app = FastAPI()
                app.include_router(health.router, prefix=settings.API_PREFIX)
                """),
            ("svc/routes/health.py", "router = APIRouter(prefix=\"/health\")\n@router.get(\"/ready\")\ndef ready(): ..."),
            ("svc/other.py", """
                from svc.routes import metrics
                app = FastAPI()
                app.include_router(metrics.router, prefix=config.UNDEFINED_PREFIX)
                """),
            ("svc/routes/metrics.py", "router = APIRouter()\n@router.get(\"/metrics\")\ndef metrics(): ..."),
        ])
        #expect(routes == ["GET /api/v3/health/ready", "GET /metrics ?"])
        #expect(RouteFixtures.facts(settings, path: "svc/core/settings.py")?.constants == ["API_PREFIX": "/api/v3"])
    }
}
