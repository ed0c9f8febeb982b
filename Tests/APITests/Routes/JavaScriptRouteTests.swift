@testable import BackcheckAPI
import Testing

@Suite struct JavaScriptRouteTests {
    @Test func expressAppsRoutersAndMounts() {
        let code = """
            const express = require('express');
            const users = require('./routes/users');
            import orders from '../orders/index.js';
            const app = express();
            const router = express.Router();

            app.get('/health', (req, res) => res.send('ok'));
            router.post('/login', auth.login);
            router.route('/items/:id').get(items.show).delete(items.remove);
            axios.get('/api/users');
            cache.get('/key');
            app.use('/api/users', users);
            app.use('/api', router);
            app.use('/orders', orders);
            """
        #expect(RouteFixtures.routes(code, path: "src/app.js") == [
            "GET /health -", "POST /login login", "GET /items/{id} show", "DELETE /items/{id} remove",
        ])
        let mounts = RouteFixtures.facts(code, path: "src/app.js")?.mounts ?? []
        #expect(mounts.map(\.prefix) == ["/api/users", "/api", "/orders"])
        #expect(mounts.map(\.module) == ["src/routes/users", "src/app", "orders/index"])
    }

    @Test func koaMountsAndRouters() {
        let files = [
            ("server/services/web.ts", """
                import Koa from "koa";
                import mount from "koa-mount";
                import oauth from "../routes/oauth";
                const app = new Koa();
                app.use(mount("/oauth", oauth));
                """),
            ("server/routes/oauth.ts", """
                import Router from "koa-router";
                const router = new Router();
                router.post("/token", issue);
                export default router;
                """),
        ]
        let facts = files.compactMap { RouteFixtures.facts($0.1, path: $0.0) }
        let resolved = RouteResolver.resolve(facts).map { "\($0.route.methods.joined()) \($0.path) \($0.prefixKnown)" }
        #expect(resolved == ["POST /oauth/token true"])

        // A Koa sub-app exported by the router's module and mounted by the server.
        let subApp = [
            ("server/services/web.ts", files[0].1),
            ("server/routes/oauth/index.ts", """
                import Koa from "koa";
                import Router from "koa-router";
                const app = new Koa();
                const router = new Router();
                router.post("/revoke", revoke);
                app.use(router.routes());
                export default app;
                """),
        ]
        let subFacts = subApp.compactMap { RouteFixtures.facts($0.1, path: $0.0) }
        #expect(RouteResolver.resolve(subFacts).map { "\($0.route.methods.joined()) \($0.path) \($0.prefixKnown)" } == ["POST /oauth/revoke true"])
    }

    @Test func nestControllers() {
        let code = """
            @Controller('articles')
            export class ArticlesController {
              @Get(':slug')
              @UseGuards(AuthGuard)
              async findOne(@Param('slug') slug: string) {}

              @Post()
              create(@Body() body: CreateDto) {}
            }
            """
        #expect(RouteFixtures.routes(code, path: "src/articles.controller.ts") == [
            "GET /articles/{slug} findOne", "POST /articles create",
        ])
    }
}
