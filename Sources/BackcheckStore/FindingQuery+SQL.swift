import BackcheckModel
import GRDB

extension FindingQuery {
    /// The WHERE clause (with its bound arguments) shared by the listing and the count.
    /// `rootId` is the resolved ``root``, which the caller looks up first.
    func whereClause(rootId: Int64?) -> (sql: String, arguments: StatementArguments) {
        var clauses: [String] = []
        var arguments = StatementArguments()
        let statuses = statuses.map(\.rawValue).sorted()
        clauses.append("status IN (" + statuses.map { _ in "?" }.joined(separator: ", ") + ")")
        arguments += StatementArguments(statuses)
        if let rootId {
            clauses.append("root_id = ?")
            arguments += [rootId]
        }
        if let checklist {
            clauses.append("checklist = ?")
            arguments += [checklist.rawValue]
        }
        if let ruleId {
            if ruleId.hasSuffix("*") {
                clauses.append("rule_id GLOB ?")
                arguments += [String(ruleId.dropLast()).replacingOccurrences(of: "[", with: "[[]") + "*"]
            } else {
                clauses.append("rule_id = ?")
                arguments += [ruleId]
            }
        }
        if let minimumSeverity {
            clauses.append("severity >= ?")
            arguments += [minimumSeverity.rank]
        }
        if let path {
            // The function is added to the connection by the query (see `sqlFunction`).
            clauses.append("path GLOB ? AND backcheck_path_selects(path)")
            arguments += [path.globPrefix]
        }
        if let since {
            clauses.append(statuses == ["fixed"] ? "fixed_at >= ?" : "first_seen_at >= ?")
            arguments += [Timestamp.milliseconds(since)]
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
