/// Something a document owes its clients and does not give (the checks of Spectral's `oas`
/// and Redocly's recommended rulesets that concern a backend's contract).
public struct OpenAPIProblem: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case missingSuccessResponse = "missing-success-response"
        case missingErrorResponse = "missing-error-response"
        case missingOperationId = "missing-operation-id"
        case duplicateOperationId = "duplicate-operation-id"
        case pathParameterNotDeclared = "path-parameter-not-declared"
        case pathParameterNotInPath = "path-parameter-not-in-path"
        case pathIncludesQuery = "path-includes-query"
        case ambiguousPaths = "ambiguous-paths"
        case serverTrailingSlash = "server-trailing-slash"
        case serverExampleDomain = "server-example-domain"
        case unresolvedReference = "unresolved-ref"
        case undefinedSecurityScheme = "undefined-security-scheme"
    }

    public var kind: Kind
    /// The file the problem is in (a `$ref`'d file for a reference that does not resolve there).
    public var path: String
    public var line: Int
    public var column: Int = 1
    /// True of what the line says, e.g. "POST /signup declares no 4xx response".
    public var message: String
}
