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
