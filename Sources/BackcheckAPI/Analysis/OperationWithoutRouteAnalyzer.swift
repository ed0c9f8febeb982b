import BackcheckRules

/// An operation an OpenAPI document describes that no route in code serves. Reported only for a
/// document at least three in four of whose operations have their path served by some route:
/// routes registered in ways backcheck does not read would otherwise all look missing.
struct OperationWithoutRouteAnalyzer: APIAnalyzer {
    /// The share of a document's operations whose path must be served before the rest are reported.
    static let minimumServed = 0.75

    func problems(in context: APIContext, rule: Rule) -> [APIProblem] {
        var problems: [APIProblem] = []
        for document in context.documents where !context.isAggregate(document.path) {
            let routes = { (operation: DocumentedOperation) in
                context.routes(at: operation).filter { context.settings.describes(document: document.path, file: $0.file) }
            }
            let operations = context.operations.filter { $0.document == document.path }
            let unmatched = operations.filter { operation in
                !routes(operation).contains { RouteMatching.samePath($0, operation) && RouteMatching.sameMethod($0, operation) }
            }
            let served = operations.filter { !routes($0).isEmpty }.count
            guard !operations.isEmpty, !unmatched.isEmpty, Double(served) >= Self.minimumServed * Double(operations.count)
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
