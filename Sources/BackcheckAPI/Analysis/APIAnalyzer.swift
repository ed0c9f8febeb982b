import BackcheckRules

/// An analyzer behind an api-docs or testing rule's `analyzer:` name.
protocol APIAnalyzer: Sendable {
    func problems(in context: APIContext, rule: Rule) -> [APIProblem]
}
