import BackcheckRules
import BackcheckSQL
import Foundation

/// Parse + analyze of one schema dump (DDL facts, schema model, every schema analyzer rule),
/// beside reading the file and a byte scan of it as baselines.
enum SchemaBench {
    static func run(path: String, repetitions: Int) {
        func best(_ body: () -> Int) -> (seconds: Double, result: Int) { bestOf(repetitions, body) }
        let read = best { FileManager.default.contents(atPath: path)?.count ?? 0 }
        let bytes = Array(FileManager.default.contents(atPath: path) ?? Data())
        let lines = best { bytes.reduce(0) { $1 == 10 ? $0 + 1 : $0 } }
        let rules = ((try? RuleSet.builtIn())?.rules ?? []).map(\.rule).filter(SchemaAnalysis.implements)
        let analysis = best {
            guard let facts = SQLFactExtractor.extract(path: "schema.sql", bytes: bytes, language: .sql) else { return 0 }
            return SchemaAnalysis.findings(facts: [facts], rules: rules, lineText: { _, _ in "" }).count
        }
        print(String(format: "schema dump: %d lines, %.1f MiB", lines.result, Double(bytes.count) / 1_048_576))
        print(String(format: "read file (baseline):   %8.4f s", read.seconds))
        print(String(format: "byte scan (baseline):   %8.4f s", lines.seconds))
        print(String(format: "parse + %d analyzers:    %8.4f s  (%.1fx reading the file, %.1fx the byte scan, %d findings)",
                     rules.count, analysis.seconds, analysis.seconds / read.seconds, analysis.seconds / lines.seconds, analysis.result))
    }
}
