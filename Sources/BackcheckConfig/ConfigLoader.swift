import BackcheckRulePack
import Foundation
import Yams
import BackcheckYAML
import BackcheckModel

/// Reads configuration: the embedded defaults, then the repository's `.backcheck.yml`.
public enum ConfigLoader {
    /// The name of the per-repository config file.
    public static let repositoryFileName = ".backcheck.yml"

    /// The effective configuration for the repository at `root`.
    public static func load(repositoryRoot root: String) throws(ConfigError) -> Configuration {
        var config = Configuration()
        if let defaults = EmbeddedPack.defaultConfig {
            try apply(String(decoding: defaults.contents, as: UTF8.self), file: "Config/backcheck.yml", to: &config)
        }
        let path = (root as NSString).appendingPathComponent(repositoryFileName)
        if let data = FileManager.default.contents(atPath: path) {
            guard let text = String(data: data, encoding: .utf8) else {
                throw ConfigError(file: path, line: nil, message: "not valid UTF-8")
            }
            try apply(text, file: path, to: &config)
        }
        return config
    }

    /// Applies the keys of one YAML document over `config`.
    public static func apply(_ yaml: String, file: String, to config: inout Configuration) throws(ConfigError) {
        guard let root = try YAMLDocument.compose(yaml, file: file, detail: .report) else { return }
        let reader = NodeReader(file: file)
        guard let map = root.mapping else { throw reader.error(root, "the configuration must be a YAML mapping of keys") }
        for (keyNode, value) in map {
            let key = keyNode.string ?? ""
            switch key {
            case "include": config.include = try reader.stringList(of: value, key: key)
            case "exclude": config.exclude = try reader.stringList(of: value, key: key)
            case "max-file-size":
                guard let size = value.int, size > 0 else { throw reader.error(value, "`max-file-size` must be a positive number of bytes, e.g. 1048576") }
                config.maxFileSize = size
            case "languages":
                guard let entries = value.mapping else { throw reader.error(value, "`languages` maps extensions to languages, e.g. `tpl: php`") }
                for (extNode, languageNode) in entries {
                    guard let ext = extNode.string, let name = languageNode.string, let language = Language(rawValue: name) else {
                        throw reader.error(languageNode, "unknown language `\(languageNode.string ?? "")`; one of: \(Language.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    config.languages[ext.hasPrefix(".") ? String(ext.dropFirst()) : ext] = language
                }
            case "rules":
                guard let rules = value.mapping else { throw reader.error(value, "`rules` must be a mapping with folders, disable, severity") }
                for (ruleKey, ruleValue) in rules {
                    switch ruleKey.string ?? "" {
                    case "folders": config.ruleFolders = try reader.stringList(of: ruleValue, key: "rules.folders")
                    case "disable": config.disabledRules = Set(try reader.stringList(of: ruleValue, key: "rules.disable"))
                    case "severity":
                        guard let entries = ruleValue.mapping else { throw reader.error(ruleValue, "`rules.severity` maps rule ids to severities") }
                        for (idNode, severityNode) in entries {
                            guard let id = idNode.string, let severity = severityNode.string.flatMap(Severity.init(rawValue:)) else {
                                throw reader.error(severityNode, "severity must be one of \(severityNames)")
                            }
                            config.severityOverrides[id] = severity
                        }
                    default:
                        throw reader.error(ruleKey, "unknown key `rules.\(ruleKey.string ?? "")`; known: folders, disable, severity")
                    }
                }
            case "fail-on":
                guard let text = value.string, text == "none" || Severity(rawValue: text) != nil else {
                    throw reader.error(value, "`fail-on` must be one of none, \(severityNames)")
                }
                config.failOn = Severity(rawValue: text)
            case "database":
                guard let text = value.string else { throw reader.error(value, "`database` must be a path") }
                config.database = text.isEmpty ? nil : text
            case "debounce-ms":
                guard let number = value.int, number >= 0 else { throw reader.error(value, "`debounce-ms` must be a non-negative integer") }
                config.debounceMilliseconds = number
            case "roles": config.roles = try roleOverrides(value, reader: reader)
            case "skip-roles": config.skippedRoles = try skippedRoles(value, reader: reader)
            case "tiers": config.tiers = try tiers(value, reader: reader)
            case "api-docs":
                let services = value.mapping?["services"]
                var rest = value
                if services != nil, var map = value.mapping {
                    map["services"] = nil
                    rest = Node.mapping(map)
                }
                config.apiIgnore = try section(rest, key: key, reader: reader, known: ["ignore", "services"])["ignore"] ?? config.apiIgnore
                if let services { config.apiServices = try apiServices(services, reader: reader) }
            case "testing":
                config.extraAssertions = try section(value, key: key, reader: reader, known: ["assertions"])["assertions"]
                    ?? config.extraAssertions
            default:
                throw reader.error(keyNode, "unknown key `\(key)`; known keys: include, exclude, max-file-size, languages, rules, fail-on, database, debounce-ms, roles, skip-roles, tiers, api-docs, testing")
            }
        }
    }

    /// `api-docs.services`: a mapping of service directories to document paths, both
    /// root-relative.
    private static func apiServices(_ node: Node, reader: NodeReader) throws(ConfigError) -> [String: String] {
        guard let map = node.mapping else {
            throw reader.error(node, "`api-docs.services` must map service directories to documents, e.g. `services/billing: services/billing/openapi.yaml`")
        }
        var result: [String: String] = [:]
        for (directory, document) in map {
            guard let directory = directory.string, let document = document.string, !document.isEmpty else {
                throw reader.error(document, "`api-docs.services` entries map a directory to one document path")
            }
            let trimmed = directory.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            result[trimmed == "." ? "" : trimmed] = document
        }
        return result
    }

    private static var severityNames: String { Severity.allCases.map(\.rawValue).joined(separator: ", ") }
    /// A mapping of string lists (`api-docs: { ignore: [...] }`) whose keys are among `known`.
    private static func section(_ node: Node, key: String, reader: NodeReader, known: [String]) throws(ConfigError) -> [String: [String]] {
        guard let map = node.mapping else { throw reader.error(node, "`\(key)` must be a mapping (\(known.joined(separator: ", ")))") }
        var result: [String: [String]] = [:]
        for (entryKey, entryValue) in map {
            let name = entryKey.string ?? ""
            guard known.contains(name) else {
                throw reader.error(entryKey, "unknown key `\(key).\(name)`; known: \(known.joined(separator: ", "))")
            }
            result[name] = try reader.stringList(of: entryValue, key: "\(key).\(name)")
        }
        return result
    }
}
