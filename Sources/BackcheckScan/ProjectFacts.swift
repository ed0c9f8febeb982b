import BackcheckAPI
import BackcheckSQL

/// What one file tells the project step: its SQL facts (schema and queries) and its api-docs and
/// testing facts (routes, OpenAPI document, tests).
public struct ProjectFacts: Sendable, Hashable {
    public var sql: SQLFileFacts?
    public var api: APIFileFacts?

    public init(sql: SQLFileFacts? = nil, api: APIFileFacts? = nil) {
        self.sql = sql
        self.api = api
    }

    /// Nil when both are.
    static func of(sql: SQLFileFacts?, api: APIFileFacts?) -> ProjectFacts? {
        sql == nil && api == nil ? nil : ProjectFacts(sql: sql, api: api)
    }
}
