/// What the api-docs and testing analyzers read: every route with its mounts applied, the
/// documented operations, and every file's facts.
struct APIContext {
    var facts: [APIFileFacts]
    var routes: [ResolvedRoute]
    var documents: [OpenAPIDocument]
    var operations: [DocumentedOperation]
    var settings: APISettings

    init(facts: [APIFileFacts], settings: APISettings) {
        self.facts = facts
        self.settings = settings
        routes = RouteResolver.resolve(facts.compactMap(\.routes))
            .filter { !RouteMatching.isIgnored($0.path, settings.ignore) }
        documents = facts.compactMap(\.document)
        operations = DocumentedOperation.all(documents).filter { !RouteMatching.isIgnored($0.path, settings.ignore) }
    }

    /// The operations that document `route`'s path, whatever their method.
    func operations(at route: ResolvedRoute) -> [DocumentedOperation] {
        operations.filter { RouteMatching.samePath(route, $0) }
    }
}
