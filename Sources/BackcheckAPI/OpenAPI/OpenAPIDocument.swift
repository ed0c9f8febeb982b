/// What an OpenAPI (3.0, 3.1) or Swagger (2.0) document says a backend serves, with lines.
public struct OpenAPIDocument: Sendable, Codable, Hashable {
    /// The root-relative path of the document.
    public var path: String
    /// `openapi:` or `swagger:` as written (`3.0.3`, `2.0`).
    public var version: String
    /// The path part of each `servers[].url` (3.x) or the `basePath` (2.0), without a trailing
    /// `/`; `[""]` when the document names none.
    public var basePaths: [String]
    public var operations: [OpenAPIOperation]
    /// Names declared under `components.securitySchemes` (3.x) or `securityDefinitions` (2.0).
    public var securitySchemes: [String]
    /// Whether a non-empty top-level `security` applies to every operation.
    public var hasGlobalSecurity: Bool
    public var problems: [OpenAPIProblem]
    /// Other root-relative files whose `$ref`s were read.
    public var references: [String]
}

extension OpenAPIDocument {
    /// Whether a route at `path` (a full template) lies under one of the document's base paths.
    public func covers(_ path: String) -> Bool {
        basePaths.contains { base in base.isEmpty || path == base || path.hasPrefix(base + "/") }
    }
}

/// One operation: a method under a path.
public struct OpenAPIOperation: Sendable, Codable, Hashable {
    /// Upper-case: GET, PUT, POST, DELETE, OPTIONS, HEAD, PATCH, TRACE.
    public var method: String
    /// The key under `paths` as written: `/users/{id}`.
    public var path: String
    /// The line and column of the method key.
    public var line: Int
    public var column: Int
    /// The line and column of the path key.
    public var pathLine: Int
    public var pathColumn: Int
    public var operationId: String?
    /// Names of the `in: path` parameters declared for it (path item and operation level).
    public var pathParameters: [String]
    /// Response keys as written: `200`, `4XX`, `default`.
    public var responses: [String]
    /// nil: the top-level `security` applies; false: `security: []`; true: its own requirements.
    public var security: Bool?
}
