@testable import BackcheckAPI
import Testing

@Suite struct RoutePathTests {
    @Test(arguments: [
        ("/users/:id", "/users/{id}"), ("users/<int:user_id>/", "/users/{user_id}"), ("/files/{path:path}", "/files/{path}"),
        ("/items/{id:int}", "/items/{id}"), ("/a/{id?}", "/a/{id}"), ("/a/:id?", "/a/{id}"), ("/static/*filepath", "/static/{filepath}"),
        ("^articles/(?P<slug>[-\\w]+)/$", "/articles/{slug}"), ("/search?q=1", "/search"), ("//a//b/", "/a/b"), ("", "/"),
        ("/posts(.:format)", "/posts"), ("/x/{name...}", "/x/{name}"), ("/r/{id:[0-9]+}", "/r/{id}"), ("/<name>", "/{name}"),
    ])
    func normalizesEveryFrameworksSyntax(raw: String, template: String) {
        #expect(RoutePath.normalize(raw) == template)
    }

    @Test func joinsAndKeys() {
        #expect(RoutePath.join("/api/", "/users") == "/api/users")
        #expect(RoutePath.join("/", "/") == "/")
        #expect(RoutePath.join("/api", "") == "/api")
        // A bare wildcard survives normalising twice (a catch-all mounted under a prefix).
        #expect(RoutePath.join("/api/v1", "/*") == "/api/v1/{*}")
        #expect(RoutePath.key("/users/{id}/orders/{order}") == "/users/{}/orders/{}")
        #expect(RoutePath.parameters("/users/{id}/orders/{order}") == ["id", "order"])
    }
}
