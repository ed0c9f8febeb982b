import BackcheckAnalysis
import BackcheckAPI
import BackcheckModel
import BackcheckRules
import BackcheckWalk

extension ExampleAnalyzer {
    /// An api-docs or testing rule through ``APIAnalysis``: each example is an ``ExampleProject``
    /// whose files are read as an audit reads them (roles from their paths); findings are placed
    /// at the example's lines. The runner does not test suppression comments here: one
    /// comment style cannot serve an example's files of several languages.
    static func api(_ rule: Rule) -> ExampleAnalyzer {
        ExampleAnalyzer(honoursSuppressions: false, readsStringContents: false) { code, _ in
            let project = ExampleProject(code)
            let roles = FileRoleClassifier()
            var offsets: [String: Int] = [:]
            let facts = project.files.compactMap { file -> APIFileFacts? in
                offsets[file.path] = file.lineOffset
                let bytes = Array(file.text.utf8)
                if let ext = file.path.split(separator: ".").last, APIDocumentSniffer.extensions.contains(String(ext)) {
                    return try? APIFactExtractor.document(path: file.path, bytes: bytes, load: project.text(of:))
                }
                guard let language = Language.forExtension(String(file.path.split(separator: ".").last ?? "")) else { return nil }
                let role = roles.classify(path: file.path, language: language, bytes: bytes).role
                return APIFactExtractor.extract(path: file.path, bytes: bytes, language: language, role: role)
            }
            return APIAnalysis.findings(facts: facts, rules: [rule], lineText: { _, _ in "" }).map { finding in
                var finding = finding
                let offset = offsets[finding.path] ?? 0
                finding.line += offset
                finding.endLine += offset
                return finding
            }
        }
    }
}
