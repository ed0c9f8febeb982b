@testable import BackcheckAPI
import BackcheckLexer
import BackcheckModel

/// Routes of code snippets, rendered `METHOD /path handler` for readable expectations.
enum RouteFixtures {
    static func facts(_ code: String, path: String) -> RouteFileFacts? {
        let language = Language.forExtension(String(path.split(separator: ".").last ?? "")) ?? .python
        return RouteExtraction.facts(path: path, file: LexedFile(bytes: Array(code.utf8), language: language))
    }

    static func routes(_ code: String, path: String) -> [String] {
        (facts(code, path: path)?.routes ?? []).map { route in
            "\(route.methods.joined(separator: ",")) \(route.path) \(route.handler ?? "-")"
        }
    }
}
