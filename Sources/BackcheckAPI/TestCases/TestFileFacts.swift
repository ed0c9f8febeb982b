/// The tests one test file declares.
public struct TestFileFacts: Sendable, Codable, Hashable {
    public var path: String
    public var tests: [TestCase]
    /// Constants the file binds to request paths (`V1_TAG` → `/v1/tag`), for the other test
    /// files' requests built from them (``TestPathConstants``).
    public var pathConstants: [String: String]?
}

/// One test: where it is declared, whether it asserts anything, what it requests and checks.
public struct TestCase: Sendable, Codable, Hashable {
    /// `test_create_order`, `creates an order`, `TestCreateOrder`.
    public var name: String
    /// Where the declaration starts (`def`, `it`, `func`, the `@Test` or `[Fact]` before it).
    public var line: Int
    public var column: Int
    /// pytest, jest, go, junit, xunit, phpunit, rspec, xctest.
    public var framework: String
    public var hasAssertion: Bool
    /// HTTP requests the test makes through a test client, in order.
    public var requests: [TestRequest]
    /// Functions and methods the body calls, first call first: a test may reach a handler by
    /// calling it.
    public var calledNames: [String]
    /// HTTP status codes the test asserts.
    public var assertedStatuses: [Int]
    /// Methods (`*` when unknown) of requests through a test client whose path is no literal
    /// (`client.get(reverse("order-detail"))`, `get orders_path`): they may reach any route.
    public var unresolvedRequests: [String]?
    /// Whether the test checks that something fails (`pytest.raises`, `assertThrows`,
    /// `raise_error`, `rejects.toThrow`), whatever statuses it asserts.
    public var checksFailure: Bool?
    /// Whether the test prints what it computed (`System.out.println`, `print`, `console.log`):
    /// output for a person to read instead of a check.
    public var prints: Bool?
}

/// A request a test makes: method (`*` when the call does not say) and path as written, query
/// and host left out, interpolated or concatenated parts as `{}`.
public struct TestRequest: Sendable, Codable, Hashable {
    public var method: String
    public var path: String
    public var line: Int
    /// Whether the request sends a query string (`?page=2`, `params=`, `.query(…)`): a route
    /// asked with none was given no input a test could make bad.
    public var sendsQuery: Bool?

    public init(method: String, path: String, line: Int, sendsQuery: Bool? = nil) {
        self.method = method
        self.path = path
        self.line = line
        self.sendsQuery = sendsQuery
    }
}
