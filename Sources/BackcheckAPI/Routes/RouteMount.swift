/// A file mounting another module's routes under a prefix: `app.use('/api', router)`,
/// `app.include_router(users.router, prefix="/users")`, `path("shop/", include("shop.urls"))`.
public struct RouteMount: Sendable, Codable, Hashable {
    /// The prefix, in ``RoutePath`` form.
    public var prefix: String
    /// The mounted module as a root-relative path without extension (`app/routes/users`), as the
    /// mounting file's imports name it; nil when the router is defined in the same file.
    public var module: String?
    /// The mounted router object's name in that module (`router`), when the mount names one.
    public var router: String?
    public var line: Int

    public init(prefix: String, module: String?, router: String?, line: Int) {
        self.prefix = prefix
        self.module = module
        self.router = router
        self.line = line
    }
}
