/// A route with the prefixes of every mount that leads to it applied: the path a client requests.
public struct ResolvedRoute: Sendable, Hashable {
    public var route: RouteFact
    /// The root-relative file that declares it.
    public var file: String
    /// The full path template.
    public var path: String
    /// False when the route hangs on a router no mount was found for: its path may lack a prefix,
    /// so it is compared by suffix only.
    public var prefixKnown: Bool
}
