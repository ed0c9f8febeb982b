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
    /// The router the mount is made on when it is not the application (`api_router.include_router`,
    /// `router.use`, a Django URLconf's `urlpatterns`): that router's own mounts prefix this one.
    public var on: String?
    public var line: Int
    /// Go: the mounted router hangs in some file of this package, named by its import path (or,
    /// for the mounting file's own package, its directory): `users.Register(v1.Group("/users"))`.
    public var package: String?
    /// The prefix is a named constant (`prefix=settings.API_PREFIX`): its last name, which the
    /// resolver looks up among the constants files define; `prefix` is then empty. An empty name
    /// is a prefix computed by an expression, which leaves it unknown.
    public var prefixConstant: String?

    public init(prefix: String, module: String?, router: String?, on: String? = nil, line: Int, package: String? = nil,
                prefixConstant: String? = nil) {
        self.prefix = prefix
        self.module = module
        self.router = router
        self.on = on
        self.line = line
        self.package = package
        self.prefixConstant = prefixConstant
    }
}
