@testable import BackcheckAPI
import Testing

@Suite struct RouteAuthenticationTests {
    private func guarded(_ code: String, path: String) -> [String] {
        (RouteFixtures.facts(code, path: path)?.routes ?? []).map { "\($0.methods.joined()) \($0.path) \($0.authenticated == true)" }
    }

    @Test func decoratorsAnnotationsAttributesAndMiddleware() {
        #expect(guarded("""
            @app.get("/invoices/<int:id>")
            @login_required
            def invoice(id): ...

            @app.get("/health")
            def health(): ...
            """, path: "app.py") == ["GET /invoices/{id} true", "GET /health false"])
        #expect(guarded("""
            @RestController
            class InvoiceController {
                @PreAuthorize("hasRole('ADMIN')")
                @DeleteMapping("/invoices/{id}")
                void delete(@PathVariable long id) {}

                @GetMapping("/public")
                String open() { return "x"; }
            }
            """, path: "src/main/java/InvoiceController.java") == ["DELETE /invoices/{id} true", "GET /public false"])
        #expect(guarded("""
            [ApiController]
            public class InvoicesController : ControllerBase {
                [Authorize(Roles = "Admin")]
                [HttpDelete("/invoices/{id}")]
                public IActionResult Delete(int id) => NoContent();

                [AllowAnonymous]
                [HttpGet("/status")]
                public IActionResult Status() => Ok();
            }
            """, path: "Controllers/InvoicesController.cs") == ["DELETE /invoices/{id} true", "GET /status false"])
        #expect(guarded("""
            const app = express();
            app.post('/orders', requireAuth, orders.create);
            app.get('/orders', orders.list);
            """, path: "server.js") == ["POST /orders true", "GET /orders false"])
        #expect(guarded("""
            <?php
            Route::get('/profile', [ProfileController::class, 'show'])->middleware('auth');
            Route::get('/about', [PageController::class, 'about']);
            """, path: "routes/web.php") == ["GET /profile true", "GET /about false"])
    }
}
