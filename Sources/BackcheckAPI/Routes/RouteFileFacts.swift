/// The routes one source file declares and the mounts it makes.
public struct RouteFileFacts: Sendable, Codable, Hashable {
    public var path: String
    public var routes: [RouteFact]
    public var mounts: [RouteMount]
    /// String constants the file defines that a mount elsewhere may use as its prefix
    /// (`API_PREFIX = "/api/v1"`, `API_PREFIX: str = "/api/v1"` in a settings class); only
    /// path-like values (starting with `/`) are kept. Nil when there are none.
    public var constants: [String: String]?
    /// The router the module exports as a whole (`export default router`, `module.exports =
    /// router`): a mount of the module that names no router mounts this one. Nil when unknown.
    public var exportedRouter: String?
    /// The controller class the file declares (Rails `app/controllers`), whose actions decide
    /// which implied routes are served. Nil when it declares none.
    public var controller: ControllerFacts?

    public init(path: String, routes: [RouteFact] = [], mounts: [RouteMount] = [], constants: [String: String]? = nil) {
        self.path = path
        self.routes = routes
        self.mounts = mounts
        self.constants = constants
    }

    public var isEmpty: Bool { routes.isEmpty && mounts.isEmpty && (constants ?? [:]).isEmpty && controller == nil }
}
