import BackcheckLexer
import Yams
import BackcheckYAML
import BackcheckEngine
import BackcheckModel

/// Reads rule YAML into `Rule` values; every error names the file and line.
public enum RuleLoader {
    private static let knownKeys: Set<String> = [
        "id", "checklist", "severity", "confidence", "languages", "message", "help", "cwe", "owasp",
        "focus", "secret", "keywords", "pattern", "any", "all", "not", "inside", "not-inside", "not-in-file",
        "where", "examples", "options", "analyzer", "taint", "audit", "paths", "roles", "foreign-ids",
    ]

    /// Parses one rule file. `expectedId` (derived from the path) must equal the `id` key when given.
    public static func load(yaml: String, file: String, expectedId: String?) throws(RuleError) -> Rule {
        guard let root = try YAMLDocument.compose(yaml, file: file, detail: .problem) else {
            throw RuleError(file: file, line: 1, message: "empty rule file")
        }
        let reader = NodeReader(file: file)
        let map = try reader.mapping(root, what: "a rule (a YAML mapping)")
        for (key, _) in map where !knownKeys.contains(key.string ?? "") {
            throw reader.error(key, "unknown key `\(key.string ?? "?")`; known keys: \(knownKeys.sorted().joined(separator: ", "))")
        }
        let id = try reader.string(map, "id")
        if let expectedId, id != expectedId {
            throw reader.error(map["id"] ?? root, "rule id `\(id)` must equal its path `\(expectedId)`")
        }
        let checklistText = try reader.string(map, "checklist")
        guard let checklist = ChecklistItem(rawValue: checklistText) else {
            throw reader.error(map["checklist"] ?? root, "unknown checklist `\(checklistText)`; one of: \(ChecklistItem.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard id.hasPrefix(checklist.rawValue + "/") else {
            throw reader.error(map["id"] ?? root, "rule id `\(id)` must start with its checklist `\(checklist.rawValue)/`")
        }
        let severity: Severity = try reader.enumValue(map, "severity")
        let confidence: Confidence = map["confidence"] == nil ? .medium : try reader.enumValue(map, "confidence")
        let languages = try reader.stringList(map, "languages").map { name throws(RuleError) -> Language in
            guard let language = Language(rawValue: name) else {
                throw reader.error(map["languages"] ?? root, "unknown language `\(name)`; one of: \(Language.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return language
        }
        if languages.isEmpty { throw reader.error(map["languages"] ?? root, "`languages` must list at least one language") }
        let matcher = try matcher(map, reader: reader, root: root)
        let constraints = try whereClause(map["where"], reader: reader)
        let examples = try examplesSection(map["examples"], reader: reader, root: root)
        let auditTier = try audit(map["audit"], matcher: matcher, reader: reader)
        let rule = Rule(
            id: id, checklist: checklist, severity: severity, confidence: confidence,
            languages: languages,
            message: try reader.string(map, "message"),
            help: try reader.optionalString(map, "help") ?? "",
            cwe: try reader.stringList(map, "cwe"),
            owasp: try reader.stringList(map, "owasp"),
            focus: try reader.optionalString(map, "focus"),
            secret: try reader.optionalString(map, "secret"),
            keywords: try reader.stringList(map, "keywords"),
            foreignIds: Set(try reader.stringList(map, "foreign-ids")),
            paths: try pathFilter(map["paths"], reader: reader),
            roles: try fileRoles(map["roles"], reader: reader),
            auditMessage: auditTier?.message,
            auditBefore: auditTier?.before,
            matcher: matcher, constraints: constraints, examples: examples, file: file
        )
        var metavariables = Set<String>()
        if case .patterns(let formula) = matcher {
            metavariables = Set(formula.patterns.flatMap { PatternCompiler.metavariableNames(in: $0.text) })
        }
        for name in [rule.focus, rule.secret].compactMap({ $0 }) + constraints.keys.sorted()
        where !metavariables.contains(name) {
            throw RuleError(file: file, line: nil, message: "metavariable `\(name)` is used in focus/secret/where but no pattern binds `$\(name)`")
        }
        return rule
    }

    /// `audit: { message: ..., before: REGEX }`: the taint rule's audit tier (sinks whose text is
    /// built from a value of unknown origin), and what the text before such a value must match.
    private static func audit(_ node: Node?, matcher: RuleMatcher, reader: NodeReader) throws(RuleError) -> (message: String, before: CompiledRegex?)? {
        guard let node else { return nil }
        guard case .patterns(let formula) = matcher, formula.isTaint else {
            throw reader.error(node, "`audit` belongs to a taint rule: it reports sinks whose text is built from a value of unknown origin")
        }
        let map = try reader.mapping(node, what: "`audit` (a mapping with `message` and optional `before`)")
        for (key, _) in map where !["message", "before"].contains(key.string ?? "") {
            throw reader.error(key, "unknown key `audit.\(key.string ?? "?")`; use message, before")
        }
        return (try reader.string(map, "message"), try map["before"].map { node throws(RuleError) in try reader.regex(node) })
    }

    private static func formula(_ map: Node.Mapping, reader: NodeReader, root: Node) throws(RuleError) -> Formula {
        var positives: [Formula] = []
        for key in ["pattern", "any", "all"] {
            if let node = map[key] { positives.append(try formula(key: key, node: node, reader: reader)) }
        }
        if let node = map["taint"] { positives.append(try taint(node, reader: reader)) }
        guard positives.count == 1 else {
            throw reader.error(root, "a rule needs exactly one of `pattern`, `any`, `all`, `taint`")
        }
        var filters: [Formula] = []
        for key in ["not", "inside", "not-inside", "not-in-file"] {
            if let node = map[key] { filters.append(try formula(key: key, node: node, reader: reader)) }
        }
        return filters.isEmpty ? positives[0] : .all(positives + filters)
    }

    /// `analyzer:` with its `options:`, or the patterns; a rule has one or the other.
    private static func matcher(_ map: Node.Mapping, reader: NodeReader, root: Node) throws(RuleError) -> RuleMatcher {
        guard let analyzer = try reader.optionalString(map, "analyzer") else {
            if let node = map["options"] {
                throw reader.error(node, "`options` are settings for an `analyzer` rule; a pattern rule has none")
            }
            return .patterns(try formula(map, reader: reader, root: root))
        }
        for key in ["pattern", "any", "all", "taint", "not", "inside", "not-inside", "not-in-file"] where map[key] != nil {
            throw reader.error(map[key] ?? root, "an `analyzer` rule has no `\(key)`: the analyzer finds the problems")
        }
        return .analyzer(name: analyzer, options: try options(map["options"], reader: reader))
    }

    /// `options:` — a mapping of scalar settings for the rule's analyzer.
    private static func options(_ node: Node?, reader: NodeReader) throws(RuleError) -> [String: String] {
        guard let node else { return [:] }
        let map = try reader.mapping(node, what: "`options` (analyzer settings: name → value)")
        var result: [String: String] = [:]
        for (key, value) in map {
            guard let name = key.string, let text = value.string ?? value.scalar?.string else {
                throw reader.error(key, "`options` values must be scalars (strings, numbers, booleans)")
            }
            result[name] = text
        }
        return result
    }

    private static func formula(key: String, node: Node, reader: NodeReader) throws(RuleError) -> Formula {
        switch key {
        case "pattern":
            guard let text = node.string, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw reader.error(node, "`pattern` must be a non-empty string")
            }
            return .pattern(text, line: node.mark?.line ?? 0)
        case "any", "all":
            guard let items = node.sequence, !items.isEmpty else {
                throw reader.error(node, "`\(key)` must be a non-empty list of patterns or formulas")
            }
            var formulas: [Formula] = []
            for item in items { formulas.append(try formula(item, reader: reader)) }
            if key == "all", !formulas.contains(where: \.isPositive) {
                throw reader.error(node, "`all` needs at least one positive member (`pattern`, `any` or `all`)")
            }
            return key == "any" ? .any(formulas) : .all(formulas)
        case "not": return .not(try formula(node, reader: reader))
        case "inside": return .inside(try formula(node, reader: reader))
        case "not-inside": return .notInside(try formula(node, reader: reader))
        case "not-in-file": return .notInFile(try formula(node, reader: reader))
        default: throw reader.error(node, "unknown formula key `\(key)`; one of pattern, any, all, not, inside, not-inside, not-in-file")
        }
    }

    /// `taint:` with `sources`, `sinks` and optional `sanitizers` and `guards`, each a list of formulas.
    private static func taint(_ node: Node, reader: NodeReader) throws(RuleError) -> Formula {
        let map = try reader.mapping(node, what: "`taint` (a mapping with sources, sinks, sanitizers, guards)")
        func list(_ key: String, required: Bool) throws(RuleError) -> [Formula] {
            guard let items = map[key] else {
                if required { throw reader.error(node, "`taint` needs `\(key)`: a list of patterns") }
                return []
            }
            guard let sequence = items.sequence, !sequence.isEmpty else {
                throw reader.error(items, "`taint.\(key)` must be a non-empty list of patterns or formulas")
            }
            var formulas: [Formula] = []
            for item in sequence { formulas.append(try formula(item, reader: reader)) }
            return formulas
        }
        for (key, _) in map where !["sources", "sinks", "sanitizers", "guards"].contains(key.string ?? "") {
            throw reader.error(key, "unknown key `taint.\(key.string ?? "?")`; use sources, sinks, sanitizers, guards")
        }
        return .taint(sources: try list("sources", required: true), sinks: try list("sinks", required: true),
                      sanitizers: try list("sanitizers", required: false), guards: try list("guards", required: false))
    }

    /// A list item or filter body: a pattern string or a one-key mapping.
    private static func formula(_ node: Node, reader: NodeReader) throws(RuleError) -> Formula {
        if node.scalar != nil { return try formula(key: "pattern", node: node, reader: reader) }
        guard let map = node.mapping, map.count == 1, let entry = map.first, let key = entry.key.string else {
            throw reader.error(node, "a formula is a pattern string or a mapping with one of pattern, any, all, not, inside, not-inside, not-in-file")
        }
        return try formula(key: key, node: entry.value, reader: reader)
    }

    private static func pathFilter(_ node: Node?, reader: NodeReader) throws(RuleError) -> PathFilter {
        guard let node else { return PathFilter() }
        let map = try reader.mapping(node, what: "`paths` (with `include` and/or `exclude` glob lists)")
        for (key, _) in map where !["include", "exclude"].contains(key.string ?? "") {
            throw reader.error(key, "unknown key `paths.\(key.string ?? "?")`; use include, exclude")
        }
        return PathFilter(include: try patterns(map, "include", reader: reader), exclude: try patterns(map, "exclude", reader: reader))
    }

    /// The `paths.<key>` list as patterns; a pattern written for the old dialect, where `*`
    /// crossed `/`, is an error when it would now select other files.
    private static func patterns(_ map: Node.Mapping, _ key: String, reader: NodeReader) throws(RuleError) -> [PathPattern] {
        var patterns: [PathPattern] = []
        for (text, node) in try reader.stringItems(map, key) {
            guard let pattern = PathPattern(text) else { throw reader.error(node, "`paths.\(key)` pattern `\(text)` matches nothing") }
            if !LegacyPathGlob.isExplicitlyNew(text), let witness = LegacyPathGlob.witness(for: text) {
                let change = witness.selectedBefore ? "selected `\(witness.path)` before and does not now" : "now selects `\(witness.path)`, which it did not before"
                let fix = LegacyPathGlob.rewrite(of: text).map { "Write `\($0)` to keep its meaning" }
                    ?? "Rewrite it with `**/` where it should cross directories"
                throw reader.error(node, "`paths.\(key)` pattern `\(text)` means something else now that `paths:` are read as gitignore patterns (`*` no longer crosses `/`): it \(change). \(fix); a pattern starting with `/` or `**` is read as written, without this check.")
            }
            patterns.append(pattern)
        }
        return patterns
    }

    private static func whereClause(_ node: Node?, reader: NodeReader) throws(RuleError) -> [String: TextConstraint] {
        guard let node else { return [:] }
        let map = try reader.mapping(node, what: "`where` (metavariable name → constraints)")
        var result: [String: TextConstraint] = [:]
        for (nameNode, body) in map {
            guard var name = nameNode.string else { throw reader.error(nameNode, "metavariable name expected") }
            if name.hasPrefix("$") { name.removeFirst() }
            let fields = try reader.mapping(body, what: "constraints for `\(name)` (regex, not-regex, entropy, min-length, unexplained, unify)")
            var constraint = TextConstraint()
            for (keyNode, value) in fields {
                switch keyNode.string {
                case "regex": constraint.regex = try reader.regex(value)
                case "not-regex": constraint.notRegex = try reader.regex(value)
                case "entropy":
                    guard let number = value.float else { throw reader.error(value, "`entropy` must be a number (bits per character)") }
                    constraint.entropy = number
                case "unexplained":
                    guard let flag = value.bool else { throw reader.error(value, "`unexplained` must be true or false") }
                    constraint.unexplained = flag
                case "unify":
                    guard let flag = value.bool else { throw reader.error(value, "`unify` must be true or false") }
                    constraint.unify = flag
                case "min-length":
                    guard let number = value.int, number >= 0 else { throw reader.error(value, "`min-length` must be a non-negative integer") }
                    constraint.minLength = number
                default:
                    throw reader.error(keyNode, "unknown constraint `\(keyNode.string ?? "?")`; one of regex, not-regex, entropy, min-length, unexplained, unify")
                }
            }
            result[name] = constraint
        }
        return result
    }

    private static func examplesSection(_ node: Node?, reader: NodeReader, root: Node) throws(RuleError) -> RuleExamples {
        guard let node else { return RuleExamples(bad: [], good: []) }
        let map = try reader.mapping(node, what: "`examples` (with `bad` and `good` lists)")
        func list(_ key: String) throws(RuleError) -> [Example] {
            guard let items = map[key] else { return [] }
            guard let sequence = items.sequence else { throw reader.error(items, "`examples.\(key)` must be a list of code snippets") }
            var examples: [Example] = []
            for item in sequence {
                if let text = item.string {
                    examples.append(Example(text: text, line: item.mark?.line ?? 0))
                } else if let entry = item.mapping, let code = entry["code"]?.string {
                    let languageName = entry["language"]?.string
                    let language = languageName.flatMap(Language.init(rawValue:))
                    if languageName != nil, language == nil {
                        throw reader.error(item, "unknown example language `\(languageName ?? "")`")
                    }
                    let tierName = entry["tier"]?.string
                    let tier = tierName.flatMap(FindingTier.init(rawValue:))
                    if tierName != nil, tier == nil {
                        throw reader.error(item, "unknown example tier `\(tierName ?? "")`; one of: \(FindingTier.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    examples.append(Example(text: code, line: item.mark?.line ?? 0, language: language, tier: tier))
                } else {
                    throw reader.error(item, "an example is a code string or a mapping with `code` and optional `language` and `tier`")
                }
            }
            return examples
        }
        for (key, _) in map where !["bad", "good"].contains(key.string ?? "") {
            throw reader.error(key, "unknown examples key `\(key.string ?? "?")`; use `bad` and `good`")
        }
        return RuleExamples(bad: try list("bad"), good: try list("good"))
    }
}
