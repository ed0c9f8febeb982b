import BackcheckAnalysis
import BackcheckRules

extension ExampleAnalyzer {
    /// A schema analyzer rule through ``SQLFactExtractor`` and ``SchemaAnalysis``, each example
    /// being a whole project of one file, with its `backcheck:ignore` markers applied as the
    /// project step applies them.
    public static func schema(_ rule: Rule) -> ExampleAnalyzer {
        ExampleAnalyzer(honoursSuppressions: true, readsStringContents: false) { code, language in
            let bytes = Array(code.utf8)
            guard let facts = SQLFactExtractor.extract(path: "example.sql", bytes: bytes, language: language) else {
                return []
            }
            let markers = FileSuppressions(bytes: bytes, language: language.rawValue)
            return SchemaAnalysis.findings(facts: [facts], rules: [rule], lineText: { _, _ in "" }).map { finding in
                var finding = finding
                finding.suppression = markers.suppression(ruleId: finding.ruleId, line: finding.line)
                return finding
            }
        }
    }
}
