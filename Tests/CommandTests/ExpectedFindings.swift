/// The findings `backcheck audit Examples/shop-backend` must report, `path:line rule-id`: every
/// planted problem of Examples/shop-backend/README.md that the current rules cover, and nothing
/// on the correct counterparts beside them.
enum ExpectedFindings {
    static let shopBackend: Set<String> = [
        "api/server.js:10 sensitive-data/hardcoded-stripe-live-key",
        "api/server.js:13 sensitive-data/weak-password-hash-javascript",
        "api/server.js:29 logging/secret-in-log-javascript",
        "app/auth.py:13 sensitive-data/hardcoded-secret-assignment",
        "app/auth.py:18 sensitive-data/weak-password-hash-python",
        "app/auth.py:34 logging/secret-in-log-python",
        "app/orders.py:11 query-performance/unindexed-query-column",
        "app/orders.py:24 api-docs/route-not-documented",
        "app/orders.py:24 testing/untested-route",
        "api/server.js:27 api-docs/route-method-mismatch",
        "api/server.js:27 testing/untested-route",
        "app/auth.py:29 testing/happy-path-only",
        "openapi.yaml:18 api-docs/openapi-missing-error-response",
        "openapi.yaml:34 api-docs/operation-without-route",
        "openapi.yaml:34 api-docs/openapi-missing-operation-id",
        "tests/test_auth.py:11 testing/test-without-assertion",
        "db/schema.sql:5 sensitive-data/plaintext-password-column",
        "db/schema.sql:12 query-performance/fk-without-index",
        "internal/payments/client.go:11 sensitive-data/hardcoded-github-token",
        "internal/payments/client.go:20 sensitive-data/weak-password-hash-go",
        "internal/payments/client.go:30 logging/secret-in-log-go",
        "lib/account.rb:13 sensitive-data/weak-password-hash-ruby",
        "lib/account.rb:17 logging/secret-in-log-ruby",
        "src/main/java/com/shop/UserService.java:15 sensitive-data/weak-password-hash-java",
        "src/main/java/com/shop/UserService.java:26 logging/secret-in-log-java",
    ]
}
