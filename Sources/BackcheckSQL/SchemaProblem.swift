import BackcheckRules
import BackcheckModel

/// What an analyzer found, before it becomes a ``Finding`` of its rule: where, the identity that
/// keeps it stable when lines move, the values its message template names (`$TABLE`, `$COLUMNS`,
/// `$FIX`, `$DETAIL`), and a severity when it differs from the rule's.
struct SchemaProblem {
    var location: SourceLocation
    /// Normalised identity (`orders(user_id)->users`), never a line number.
    var identity: String
    var table: String
    var columns: [String]
    var fix: String
    var detail: String = ""
    var severity: Severity?
}
