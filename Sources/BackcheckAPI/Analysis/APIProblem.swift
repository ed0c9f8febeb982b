import BackcheckModel

/// What an api-docs or testing analyzer found, before it becomes a ``Finding`` of its rule.
struct APIProblem {
    var path: String
    var line: Int
    var column: Int = 1
    /// Normalised identity (`GET /users/{}`), never a line number: it keeps the finding's
    /// fingerprint when lines move.
    var identity: String
    /// The values the rule's message names: `$ROUTE`, `$DETAIL`.
    var route: String
    var detail: String = ""
    var severity: Severity?
}
