import BackcheckLexer
import BackcheckYAML
import BackcheckModel

/// The api-docs and testing facts of one source file.
public enum APIFactExtractor {
    /// Facts of a source file of `role`; nil when it holds none. Files are lexed only when their
    /// bytes name a routing API, so most files cost one byte search.
    public static func extract(path: String, bytes: [UInt8], language: Language, role: FileRole,
                               extraAssertions: Set<String> = []) -> APIFileFacts? {
        switch role {
        case .source:
            guard RouteMarkers.mayDeclareRoutes(bytes, language: language, path: path) else { return nil }
            let file = LexedFile(bytes: bytes, language: language)
            return RouteExtraction.facts(path: path, file: file).map { APIFileFacts(path: path, routes: $0) }
        case .test:
            let file = LexedFile(bytes: bytes, language: language)
            return TestCaseScanner.facts(path: path, file: file, extraAssertions: extraAssertions)
                .map { APIFileFacts(path: path, tests: $0) }
        default:
            return nil
        }
    }
}

extension APIFactExtractor {
    /// The facts of an OpenAPI or Swagger document; nil when the file is not one after all.
    /// `load(path)` reads another root-relative file its `$ref`s name.
    public static func document(path: String, bytes: [UInt8], load: @escaping (String) -> String?) throws(YAMLFileError) -> APIFileFacts? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let document = try OpenAPIReader.read(path: path, text: text, load: load) else { return nil }
        return APIFileFacts(path: path, document: document)
    }
}
