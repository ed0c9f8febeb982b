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

    /// The operations that document `route`'s path, whatever their method, in the documents
    /// that describe its file.
    func operations(at route: ResolvedRoute) -> [DocumentedOperation] {
        operations.filter { settings.describes(document: $0.document, file: route.file) && RouteMatching.samePath(route, $0) }
    }

    /// The documents that describe the routes of `file`.
    func documents(describing file: String) -> [OpenAPIDocument] {
        documents.filter { settings.describes(document: $0.path, file: file) }
    }

    /// The routes `document` describes.
    func routes(describedBy document: String) -> [ResolvedRoute] {
        routes.filter { settings.describes(document: document, file: $0.file) }
    }
}
