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

    public init(prefix: String, module: String?, router: String?, on: String? = nil, line: Int) {
        self.prefix = prefix
        self.module = module
        self.router = router
        self.on = on
        self.line = line
    }
}
