/// The routes one source file declares and the mounts it makes.
public struct RouteFileFacts: Sendable, Codable, Hashable {
    public var path: String
    public var routes: [RouteFact]
    public var mounts: [RouteMount]

    public init(path: String, routes: [RouteFact] = [], mounts: [RouteMount] = []) {
        self.path = path
        self.routes = routes
        self.mounts = mounts
    }

    public var isEmpty: Bool { routes.isEmpty && mounts.isEmpty }
}
