import BackcheckLexer
import BackcheckRulePack
import Foundation
import Synchronization
import BackcheckEngine
import BackcheckModel

/// All rules in effect, compiled, with the keyword prefilter that picks the rules worth running
/// on a file.
public struct RuleSet: Sendable {
    public let rules: [CompiledRule]
    private let keywordIndex: KeywordIndex
    /// The words of taint rules' sources, for the summary pass.
    private let sourceKeywordIndex: KeywordIndex
    private let byLanguage: [Language: [Int]]

    public init(rules: [CompiledRule]) {
        self.rules = rules.sorted { $0.rule.id < $1.rule.id }
        self.keywordIndex = KeywordIndex(words: self.rules.flatMap(\.prefilterWords))
        self.sourceKeywordIndex = KeywordIndex(words: self.rules.flatMap(\.sourcePrefilterWords))
        var byLanguage: [Language: [Int]] = [:]
        for (index, rule) in self.rules.enumerated() {
            for language in rule.rule.languages { byLanguage[language, default: []].append(index) }
        }
        self.byLanguage = byLanguage
    }

    /// The rules that may match a file of `language` with these bytes.
    public func candidates(for language: Language, bytes: UnsafeBufferPointer<UInt8>) -> [CompiledRule] {
        guard let indices = byLanguage[language] else { return [] }
        let hits = keywordIndex.scan(bytes)
        return indices.map { rules[$0] }.filter { rule in
            rule.mayMatch(language: language, present: hits.contains)
        }
    }

    /// The taint rules whose sources may match a file of `language` with these bytes.
    public func sourceCandidates(for language: Language, bytes: UnsafeBufferPointer<UInt8>) -> [CompiledRule] {
        guard let indices = byLanguage[language] else { return [] }
        let hits = sourceKeywordIndex.scan(bytes)
        return indices.map { rules[$0] }.filter { rule in
            rule.mayHoldSources(language: language, present: hits.contains)
        }
    }

    /// The taint rules of `language`: any may summarize a file's functions for the root.
    public func taintRules(for language: Language) -> [CompiledRule] {
        (byLanguage[language] ?? []).map { rules[$0] }.filter(\.isTaint)
    }

    /// The rule pack built into this binary.
    public static func builtIn() throws(RuleLoadError) -> RuleSet {
        try load(EmbeddedPack.ruleFiles.map { RuleFile(path: $0.path, bytes: $0.contents) }, stripping: "Rules/")
    }

    /// The built-in pack plus the rules of `folders` (absolute, or relative to `root`), as a
    /// configuration's `rules.folders` lists them.
    public static func builtIn(plus folders: [String], root: String) throws(RuleLoadError) -> RuleSet {
        var rules = try builtIn()
        for folder in folders {
            rules = try rules.merging(try load(folder: folderPath(folder, root: root)))
        }
        return rules
    }

    /// `folder` as an absolute path: configured rule folders are relative to the repository root.
    public static func folderPath(_ folder: String, root: String) -> String {
        folder.hasPrefix("/") ? folder : (root as NSString).appendingPathComponent(folder)
    }

    /// Rules from rule files; ids are the paths without `prefix` and `.yml`.
    /// Every broken file is reported, not only the first.
    public static func load(_ files: [RuleFile], stripping prefix: String) throws(RuleLoadError) -> RuleSet {
        let ruleFiles = files.filter { $0.path.hasSuffix(".yml") || $0.path.hasSuffix(".yaml") }
        // Parsing and compiling is per file and independent: spread it over the cores, since
        // every command pays for it at start-up.
        let results = Mutex<[Int: Result<CompiledRule, RuleError>]>([:])
        DispatchQueue.concurrentPerform(iterations: ruleFiles.count) { position in
            let result = compile(ruleFiles[position], stripping: prefix)
            results.withLock { $0[position] = result }
        }
        let ordered = results.withLock { results in ruleFiles.indices.map { results[$0]! } }
        var compiled: [CompiledRule] = []
        var errors: [RuleError] = []
        var seen: [String: String] = [:]
        for result in ordered {
            switch result {
            case .failure(let error):
                errors.append(error)
            case .success(let rule):
                if let other = seen[rule.rule.id] {
                    errors.append(RuleError(file: rule.rule.file, line: nil, message: "duplicate rule id `\(rule.rule.id)` (also in \(other))"))
                    continue
                }
                seen[rule.rule.id] = rule.rule.file
                compiled.append(rule)
            }
        }
        guard errors.isEmpty else { throw RuleLoadError(errors: errors) }
        return RuleSet(rules: compiled)
    }

    private static func compile(_ file: RuleFile, stripping prefix: String) -> Result<CompiledRule, RuleError> {
        var id = file.path.hasPrefix(prefix) ? String(file.path.dropFirst(prefix.count)) : file.path
        id = String(id.prefix(upTo: id.lastIndex(of: ".") ?? id.endIndex))
        guard let text = String(validating: file.bytes, as: UTF8.self) else {
            return .failure(RuleError(file: file.path, line: nil, message: "rule file is not valid UTF-8"))
        }
        do {
            return .success(try CompiledRule(try RuleLoader.load(yaml: text, file: file.path, expectedId: id)))
        } catch {
            return .failure(error)
        }
    }

    /// Rules from every `*.yml` under `folder`; ids are paths relative to the folder, or to its
    /// parent when the folder is itself named after a checklist item (`Rules/logging`).
    public static func load(folder: String) throws(RuleLoadError) -> RuleSet {
        let root = URL(fileURLWithPath: folder).standardizedFileURL
        let base = ChecklistItem(rawValue: root.lastPathComponent) != nil ? root.deletingLastPathComponent() : root
        guard let files = ruleFiles(in: folder) else {
            throw RuleLoadError(errors: [RuleError(file: folder, line: nil, message: "rule folder cannot be read")])
        }
        return try load(files, stripping: base.path + "/")
    }

    /// The rule files (`*.yml`, `*.yaml`) under `folder` with their bytes, sorted by path; nil
    /// when the folder cannot be read.
    public static func ruleFiles(in folder: String) -> [RuleFile]? {
        let root = URL(fileURLWithPath: folder).standardizedFileURL
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return nil
        }
        var files: [RuleFile] = []
        for case let url as URL in walker where ["yml", "yaml"].contains(url.pathExtension) {
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            files.append(RuleFile(path: url.standardizedFileURL.path, bytes: Array(data)))
        }
        return files.sorted { $0.path < $1.path }
    }

    /// This set plus `other`'s rules (ids must not collide).
    public func merging(_ other: RuleSet) throws(RuleLoadError) -> RuleSet {
        let ids = Set(rules.map(\.rule.id))
        let clashes = other.rules.filter { ids.contains($0.rule.id) }
        guard clashes.isEmpty else {
            throw RuleLoadError(errors: clashes.map {
                RuleError(file: $0.rule.file, line: nil, message: "rule id `\($0.rule.id)` is already defined by the built-in pack")
            })
        }
        return RuleSet(rules: rules + other.rules)
    }
}

/// One or more rule files failed to load.
public struct RuleLoadError: Error, Sendable, CustomStringConvertible {
    public var errors: [RuleError]

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

extension RuleSet {
    /// This set without the `disabled` rules, with `severities` overriding rule severities and,
    /// unless `auditTier`, without taint rules' audit tiers.
    public func configured(disabled: Set<String>, severities: [String: Severity], auditTier: Bool = true) -> RuleSet {
        RuleSet(rules: rules.compactMap { compiled in
            guard !disabled.contains(compiled.rule.id) else { return nil }
            var copy = compiled
            if let severity = severities[compiled.rule.id] { copy.rule.severity = severity }
            if !auditTier { copy.rule.auditMessage = nil }
            return copy
        })
    }
}
