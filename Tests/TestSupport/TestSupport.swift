import BackcheckAnalysis
import BackcheckLexer
import BackcheckRules
import Foundation
import BackcheckModel

/// Helpers shared by the test targets.
public enum TestSupport {
    /// Compiles one rule from YAML text (its id must be `<checklist>/<name>`).
    public static func rule(_ yaml: String) throws -> CompiledRule {
        let id = yaml.split(separator: "\n").first { $0.hasPrefix("id:") }.map { $0.dropFirst(3).trimmingCharacters(in: .whitespaces) }
        return try CompiledRule(RuleLoader.load(yaml: yaml, file: "test.yml", expectedId: id))
    }

    /// The findings of `rule` on `code`, as `line:column` strings, with `↓` markers removed first.
    public static func positions(_ rule: CompiledRule, _ code: String, language: Language? = nil) -> [String] {
        findings(rule, code, language: language).map { $0.start.description }
    }

    /// The findings of `rule` on `code` (markers removed).
    public static func findings(_ rule: CompiledRule, _ code: String, language: Language? = nil) -> [Finding] {
        let analyzer = FileAnalyzer(rules: RuleSet(rules: [rule]), secretKey: Array(repeating: 1, count: 32))
        let stripped = Example(text: code, line: 1).stripped.code
        return analyzer.analyze(path: "t", bytes: Array(stripped.utf8), language: language ?? rule.rule.languages[0], role: .source).findings
    }

    /// `line:column` of every `↓` marker in `code`.
    public static func markers(_ code: String) -> [String] {
        let example = Example(text: code, line: 1).stripped
        let stripped = example.code, offsets = example.markers
        let bytes = Array(stripped.utf8)
        let lines = LineStarts(bytes)
        return offsets.map { lines.position(ofByte: $0, in: bytes).description }
    }

    /// A fresh temporary directory, removed by the caller via `FileManager.removeItem`.
    public static func temporaryDirectory(_ name: String = "backcheck-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A copy of Examples/shop-backend at `destination` (the sample the README audits).
    @discardableResult
    public static func copySampleBackend(to destination: URL) throws -> URL {
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Examples/shop-backend"), to: destination)
        return destination
    }

    /// The package root (for Examples/ and the built binary).
    public static var packageRoot: URL {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }
}
