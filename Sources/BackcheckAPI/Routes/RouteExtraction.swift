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
        default:
            return nil
        }
        return facts.isEmpty ? nil : facts
    }
}
