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
            let routes = { (operation: DocumentedOperation) in
                context.routes(at: operation).filter { context.settings.describes(document: document.path, file: $0.file) }
            }
            let operations = context.operations.filter { $0.document == document.path }
            let unmatched = operations.filter { operation in
                !routes(operation).contains { RouteMatching.samePath($0, operation) && RouteMatching.sameMethod($0, operation) }
            }
            guard !operations.isEmpty, Double(operations.count - unmatched.count) >= Self.minimumMatched * Double(operations.count)
            else { continue }
            var reported = Set<String>()
            for operation in unmatched where reported.insert("\(operation.method) \(operation.key)").inserted {
                // GET documented where the code serves POST is one drift, reported once: at the
                // route, by the method-mismatch rule.
                let atPath = routes(operation)
                let mismatched = atPath.contains { route in !context.operations(at: route).contains { RouteMatching.sameMethod(route, $0) } }
                guard !mismatched else { continue }
                let described = "\(operation.method) \(operation.path)"
                let served = Set(atPath.flatMap(\.route.methods)).sorted().joined(separator: ", ")
                problems.append(APIProblem(path: operation.document, line: operation.line, column: operation.column,
                                           identity: described, route: described,
                                           detail: atPath.isEmpty ? "no route in code serves it" : "the code serves this path only for \(served)"))
            }
        }
        return problems
    }
}
