/// The analyzers by the names rules declare them with.
enum APIAnalyzers {
    static let all: [String: any APIAnalyzer] = {
        var analyzers: [String: any APIAnalyzer] = [
            "route-not-documented": RouteNotDocumentedAnalyzer(),
            "route-method-mismatch": RouteMethodMismatchAnalyzer(),
            "operation-without-route": OperationWithoutRouteAnalyzer(),
            "path-parameter-order": PathParameterOrderAnalyzer(),
            "untested-route": UntestedRouteAnalyzer(),
            "happy-path-only": HappyPathOnlyAnalyzer(),
            "test-without-assertion": TestWithoutAssertionAnalyzer(),
            "security-scheme-missing": SecuritySchemeMissingAnalyzer(),
        ]
        for kind in OpenAPIProblem.Kind.allCases { analyzers["openapi-" + kind.rawValue] = DocumentProblemAnalyzer(kind: kind) }
        return analyzers
    }()
}
