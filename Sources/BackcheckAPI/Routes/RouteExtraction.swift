import BackcheckLexer
import BackcheckModel

/// The routes of one source file, read by the extractor of its language's frameworks.
public enum RouteExtraction {
    /// The file's routes and mounts; nil when it declares none.
    public static func facts(path: String, file: LexedFile) -> RouteFileFacts? {
        let source = SourceTokens(file, path: path)
        var facts: RouteFileFacts
        switch file.language {
        case .python:
            var extractor = PythonRoutes(source)
            facts = extractor.extract()
        case .javascript, .typescript:
            var extractor = JavaScriptRoutes(source)
            facts = extractor.extract()
        case .java, .kotlin:
            facts = SpringRoutes(source).extract()
        case .go:
            facts = GoRoutes(source).extract()
        case .csharp:
            facts = AspNetRoutes(source).extract()
        case .php:
            guard path.hasPrefix("routes/") || path.contains("/routes/") else { return nil }
            facts = LaravelRoutes(source).extract()
        case .ruby:
            if RailsControllers.isController(path) {
                var controller = RouteFileFacts(path: path)
                controller.controller = RailsControllers(source).extract()
                return controller.isEmpty ? nil : controller
            }
            guard path.hasSuffix("config/routes.rb") || path.contains("config/routes/") else { return nil }
            facts = RailsRoutes(source).extract()
        case .swift:
            facts = VaporRoutes(source).extract()
        case .sql:
            return nil
        }
        RouteAuthentication.mark(&facts, in: source)
        return facts.isEmpty ? nil : facts
    }
}
