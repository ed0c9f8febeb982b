import BackcheckAnalysis
import BackcheckLexer
import BackcheckRules
@testable import BackcheckSQL
import BackcheckModel

/// Helpers: facts and schemas from SQL text, findings of the built-in analyzer rules.
enum SQLFixtures {
    static func facts(_ sql: String, path: String = "schema.sql", language: Language = .sql) -> SQLFileFacts {
        SQLFactExtractor.extract(path: path, bytes: Array(sql.utf8), language: language)
            ?? SQLFileFacts(path: path, dialect: .unknown, changes: [], queries: [])
    }

    static func schema(_ sql: String, dialect: SQLDialect? = nil) -> Schema {
        SchemaAnalysis.schema(from: [facts(sql)], dialect: dialect)
    }

    static let pack: RuleSet = {
        do { return try RuleSet.builtIn() } catch { fatalError("rule pack: \(error)") }
    }()

    static func rule(_ id: String) -> Rule {
        guard let rule = pack.rules.first(where: { $0.rule.id == id })?.rule else { fatalError("no rule \(id)") }
        return rule
    }

    /// Findings of rule `id` over files given as (path, text), languages by extension.
    static func findings(_ id: String, _ files: [(String, String)], dialect: SQLDialect? = nil) -> [Finding] {
        let facts = files.map { path, text in
            let language = Language.forExtension(String(path.split(separator: ".").last ?? "")) ?? .sql
            return Self.facts(text, path: path, language: language)
        }
        return SchemaAnalysis.findings(facts: facts, rules: [rule(id)], dialect: dialect, lineText: { _, _ in "" })
    }

    /// `table(c1,c2)` for each finding (columns sorted), from its properties.
    static func keys(_ findings: [Finding]) -> Set<String> {
        Set(findings.map { finding in
            let columns = (finding.properties["columns"] ?? "").split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces) }.sorted()
            return "\(finding.properties["table"] ?? "?")(\(columns.joined(separator: ",")))"
        })
    }
}

import Foundation
