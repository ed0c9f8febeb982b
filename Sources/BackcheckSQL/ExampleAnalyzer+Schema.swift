import BackcheckAnalysis
import BackcheckRules

extension ExampleAnalyzer {
    /// A schema analyzer rule through ``SQLFactExtractor`` and ``SchemaAnalysis``, each example
    /// being a whole project of one file. Schema findings do not honour suppression comments.
    public static func schema(_ rule: Rule) -> ExampleAnalyzer {
        ExampleAnalyzer(honoursSuppressions: false, readsStringContents: false) { code, language in
            guard let facts = SQLFactExtractor.extract(path: "example.sql", bytes: Array(code.utf8), language: language) else {
                return []
            }
            return SchemaAnalysis.findings(facts: [facts], rules: [rule], lineText: { _, _ in "" })
        }
    }
}
