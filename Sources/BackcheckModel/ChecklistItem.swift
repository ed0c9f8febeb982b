/// A line of the backend quality checklist; every rule belongs to exactly one.
public enum ChecklistItem: String, CaseIterable, Sendable, Codable {
    case inputValidation = "input-validation"
    case errorHandling = "error-handling"
    case queryPerformance = "query-performance"
    case auth
    case sensitiveData = "sensitive-data"
    case logging
    case testing
    case apiDocs = "api-docs"

    /// The checklist line as people read it.
    public var title: String {
        switch self {
        case .inputValidation: "Input validation is comprehensive and secure"
        case .errorHandling: "Error handling gives useful feedback without exposing internals"
        case .queryPerformance: "Database queries are optimized with proper indexes"
        case .auth: "Authentication/authorization is correctly implemented"
        case .sensitiveData: "Sensitive data is properly encrypted or hashed"
        case .logging: "Logging captures important events without sensitive data"
        case .testing: "Tests cover happy paths and edge cases"
        case .apiDocs: "API documentation is accurate and complete"
        }
    }
}
