import BackcheckRules

/// One kind of problem the OpenAPI reader finds in a document (a missing 4xx response, a
/// duplicate operationId, …), reported where the document says it.
struct DocumentProblemAnalyzer: APIAnalyzer {
    let kind: OpenAPIProblem.Kind

    func problems(in context: APIContext, rule: Rule) -> [APIProblem] {
        // A merge of the other documents repeats their problems.
        context.documents.filter { !context.isAggregate($0.path) }.flatMap { document in
            document.problems.filter { $0.kind == kind }.map { problem in
                APIProblem(path: problem.path, line: problem.line, column: problem.column, identity: problem.message, route: problem.message,
                           detail: problem.message)
            }
        }
    }
}
