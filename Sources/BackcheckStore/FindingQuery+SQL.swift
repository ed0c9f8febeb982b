import BackcheckModel
import GRDB

extension FindingQuery {
    /// The WHERE clause (with its bound arguments) shared by the listing and the count.
    /// `rootId` is the resolved ``root``, which the caller looks up first.
    func whereClause(rootId: Int64?) -> (sql: String, arguments: StatementArguments) {
        var clauses: [String] = []
        var arguments = StatementArguments()
        // A clause and the values of its placeholders, kept in step.
        func condition(_ clause: String, _ values: StatementArguments) {
            clauses.append(clause)
            arguments += values
        }
        let statuses = statuses.map(\.rawValue).sorted()
        condition("status IN (" + statuses.map { _ in "?" }.joined(separator: ", ") + ")", StatementArguments(statuses))
        if let rootId { condition("root_id = ?", [rootId]) }
        if let checklist { condition("checklist = ?", [checklist.rawValue]) }
        if let ruleId, ruleId.hasSuffix("*") {
            condition("rule_id GLOB ?", [String(ruleId.dropLast()).replacingOccurrences(of: "[", with: "[[]") + "*"])
        } else if let ruleId {
            condition("rule_id = ?", [ruleId])
        }
        if let minimumSeverity { condition("severity >= ?", [minimumSeverity.rank]) }
        if let role { condition("file_role = ?", [role.rawValue]) }
        if let path {
            // The function is added to the connection by the query (see `sqlFunction`).
            condition("path GLOB ? AND backcheck_path_selects(path)", [path.globPrefix])
        }
        if let since {
            condition(statuses == ["fixed"] ? "fixed_at >= ?" : "first_seen_at >= ?", [Timestamp.milliseconds(since)])
        }
        return (clauses.joined(separator: " AND "), arguments)
    }

    /// The ORDER BY clause; every order ends in the row id so pages are stable.
    var orderClause: String {
        switch order {
        case .severity: "severity DESC, path, line, column, id"
        case .path: "path, line, column, id"
        case .newest: "first_seen_at DESC, id DESC"
        case .rule: "rule_id, severity DESC, path, line, id"
        }
    }
}
