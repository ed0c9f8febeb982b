import BackcheckRules

/// A route and a documented operation with the same method and the same fixed segments whose
/// parameters sit in different places (`/users/{id}/orders` against `/users/orders/{id}`): one
/// of them is wrong, and clients built from the document call a path the code does not serve.
struct PathParameterOrderAnalyzer: APIAnalyzer {
    func problems(in context: APIContext, rule: Rule) -> [APIProblem] {
        var problems: [APIProblem] = []
        for route in context.routes where context.operations(at: route).isEmpty {
            let segments = route.path.split(separator: "/")
            let fixed = segments.filter { !$0.hasPrefix("{") }
            guard fixed.count < segments.count else { continue }
            let candidates = context.operations(shapedLike: route.path).filter { operation in
                context.settings.describes(document: operation.document, file: route.file)
                    && RouteMatching.sameMethod(route, operation) && operation.key != RoutePath.key(route.path)
            }
            guard let operation = candidates.first else { continue }
            let described = RouteMatching.describe(route)
            problems.append(APIProblem(path: route.file, line: route.route.line, column: route.route.column,
                                       identity: described, route: described,
                                       detail: "\(operation.document):\(operation.line) documents \(operation.path)"))
        }
        return problems
    }
}
