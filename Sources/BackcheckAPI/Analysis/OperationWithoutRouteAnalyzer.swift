import BackcheckRules

/// An operation an OpenAPI document describes that no route in code serves. Reported only for a
/// document most of whose operations the code is seen to serve: routes registered in ways
/// backcheck does not read would otherwise all look missing.
struct OperationWithoutRouteAnalyzer: APIAnalyzer {
    /// The share of a document's operations that must be matched before the rest are reported.
    static let minimumMatched = 0.5

    func problems(in context: APIContext, rule: Rule) -> [APIProblem] {
        var problems: [APIProblem] = []
        for document in context.documents {
            let operations = context.operations.filter { $0.document == document.path }
            let unmatched = operations.filter { operation in
                !context.routes.contains { RouteMatching.samePath($0, operation) && RouteMatching.sameMethod($0, operation) }
            }
            guard !operations.isEmpty, Double(operations.count - unmatched.count) >= Self.minimumMatched * Double(operations.count)
            else { continue }
            var reported = Set<String>()
            for operation in unmatched where reported.insert("\(operation.method) \(operation.key)").inserted {
                // A path served under another method is one drift, reported once: at the route,
                // by the method-mismatch rule.
                guard !context.routes.contains(where: { RouteMatching.samePath($0, operation) }) else { continue }
                let described = "\(operation.method) \(operation.path)"
                problems.append(APIProblem(path: operation.document, line: operation.line, column: operation.column,
                                           identity: described, route: described, detail: "no route in code serves it"))
            }
        }
        return problems
    }
}
