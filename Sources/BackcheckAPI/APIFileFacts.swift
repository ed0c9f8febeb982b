import Foundation

/// What one file tells the api-docs and testing analyzers: the routes it declares, the OpenAPI
/// document it is, the tests it holds. Stored as JSON between runs, like SQL facts.
public struct APIFileFacts: Sendable, Codable, Hashable {
    public var path: String
    public var routes: RouteFileFacts?
    public var document: OpenAPIDocument?
    public var tests: TestFileFacts?

    public init(path: String, routes: RouteFileFacts? = nil, document: OpenAPIDocument? = nil, tests: TestFileFacts? = nil) {
        self.path = path
        self.routes = routes
        self.document = document
        self.tests = tests
    }

    public var isEmpty: Bool { routes == nil && document == nil && tests == nil }

    /// The facts as JSON, as the store keeps them.
    public var json: String {
        // Encoding plain value types cannot fail.
        String(decoding: (try? JSONEncoder().encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// Facts read back from ``json``; nil when the text is not facts of this version.
    public init?(json: String) {
        guard let facts = try? JSONDecoder().decode(APIFileFacts.self, from: Data(json.utf8)) else { return nil }
        self = facts
    }
}
