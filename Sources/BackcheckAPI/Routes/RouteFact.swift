/// One HTTP route a file declares: methods, the path template with every prefix the file itself
/// applies (blueprint, router, controller, group), and the handler.
public struct RouteFact: Sendable, Codable, Hashable {
    /// Upper-case methods; `*` when the route answers any method.
    public var methods: [String]
    /// The path template in the one form routes and documents share (``RoutePath``).
    public var path: String
    /// The handler's name, when it has one (`-` for an inline function is not stored).
    public var handler: String?
    public var line: Int
    public var column: Int
    /// The framework whose API declared it: `flask`, `express`, `spring`, …
    public var framework: String
    /// The router object the route was registered on, when it is not the application itself
    /// and another file may mount it under a prefix (`router`, `bp`, `api`).
    public var router: String?
    /// Whether the declaration shows that the route requires an authenticated caller
    /// (``RouteAuthentication``); nil when nothing says so.
    public var authenticated: Bool?
    /// For a route a Rails `resources` line implies for a write action (`create`, `update`,
    /// `destroy`): its controller under `app/controllers` (`mod/hat_requests`), which must define
    /// the action for the route to serve anything (``ControllerActions``).
    public var controller: String?
    /// How many parameters the declared path ends with that a request may leave out (Laravel
    /// `{transcode?}`, Express `:format?`); nil for none.
    public var optionalTail: Int?

    /// The handler a test may call by name to reach the route: Rails runs a controller's actions
    /// only through routing, so a test calling `verify` calls a model's or a service's.
    public var directlyCallableHandler: String? { framework == "rails" ? nil : handler }

    public init(methods: [String], path: String, handler: String?, line: Int, column: Int, framework: String,
                router: String? = nil) {
        self.methods = methods
        self.path = path
        self.handler = handler
        self.line = line
        self.column = column
        self.framework = framework
        self.router = router
    }
}
